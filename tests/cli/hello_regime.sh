#!/usr/bin/env bash
# A plugin author's path, end to end. Installs this build into a temporary
# prefix (as sdk/README.md's "What you need" does), then follows sdk/README.md
# from an empty folder: writes every file block, runs every `sh step` block,
# and checks that the out-of-tree plugin loads, from $TRELLIS_PLUGIN_PATH and
# once installed, and assesses two schools. The README's files must be
# examples/hello-regime's, byte for byte. Usage: hello_regime.sh SOURCE_DIR BUILD_DIR
set -u
src=$1 build=$2
dir=$(mktemp -d)  # KEEP=1 keeps it, to look at after a failure
if [ -n "${KEEP:-}" ]; then echo "scratch: $dir"; else trap 'rm -rf "$dir"' EXIT; fi
fails=0; passes=0
pass() { passes=$((passes+1)); }
fail() { fails=$((fails+1)); echo "FAIL $*"; }
finish() { echo "$passes passed, $fails failed"; [ "$fails" -eq 0 ]; exit $?; }
unset TRELLIS_PLUGIN_PATH TRELLIS_DB

# 1. Install into a prefix that is not the configured one.
prefix=$dir/prefix
if cmake --install "$build" --prefix "$prefix" >"$dir/install.log" 2>&1; then pass; else
  fail "cmake --install"; cat "$dir/install.log"; finish; fi
for f in bin/trellis lib/libtrellis-kernel.so lib/libtrellis-sdk.so include/trellis/sdk/plugin.hpp \
         include/trellis/sdk/regime.hpp lib/cmake/TrellisSDK/TrellisSDKConfig.cmake \
         lib/cmake/TrellisSDK/TrellisSDKConfigVersion.cmake lib/cmake/TrellisSDK/TrellisSDKTargets.cmake; do
  [ -e "$prefix/$f" ] && pass || fail "not installed: $f"
done
for so in "$build"/plugins/*.so; do  # the in-tree regimes go to the plugin folder
  [ -e "$so" ] || continue
  [ -e "$prefix/lib/trellis/plugins/$(basename "$so")" ] && pass || fail "in-tree plugin not installed: $so"
done
# The installed program uses the installed libraries (RPATH), and the
# installed plugin folder, not the build tree's.
ldd "$prefix/bin/trellis" | grep -q "libtrellis-kernel.so => $prefix/" && pass || { fail "trellis does not find its kernel in $prefix"; ldd "$prefix/bin/trellis"; }
"$prefix/bin/trellis" plugins --format json >"$dir/installed.json" 2>"$dir/err" && pass || { fail "installed trellis plugins"; cat "$dir/err"; }
python3 -c "
import json,sys; d=json.load(open('$dir/installed.json'))
assert all(p['file'].startswith('$prefix/lib/trellis/plugins/') for p in d), d
assert all(p['loaded'] for p in d), d" && pass || fail "installed plugins come from the build tree or failed to load"

# 2. The README, as a script: file blocks become files, `sh step` blocks run.
python3 - "$src/sdk/README.md" "$dir/tutorial.sh" "$dir/readme-files" <<'EOF' || fail "reading sdk/README.md"
import os, re, sys
readme, script, files_dir = sys.argv[1:]
os.makedirs(files_dir)
out, block, info = ["set -e"], None, None
for line in open(readme).read().split("\n"):
    if block is None:
        m = re.match(r"^```(\S*)\s*(.*)$", line)
        if m:
            block, info = [], (m.group(1), m.group(2).strip())
        continue
    if line.startswith("```"):
        text = "\n".join(block) + "\n"
        lang, attr = info
        if attr.startswith("file="):
            name = attr[5:]
            open(os.path.join(files_dir, name), "w").write(text)
            out.append(f"cat > '{name}' <<'TRELLIS_README_EOF'\n{text}TRELLIS_README_EOF")
        elif lang == "sh" and attr == "step":
            out.append(text)
        block = None
        continue
    block.append(line)
open(script, "w").write("\n".join(out) + "\n")
EOF
for f in "$src"/examples/hello-regime/*; do
  name=$(basename "$f")
  if cmp -s "$f" "$dir/readme-files/$name"; then pass; else fail "sdk/README.md's $name differs from examples/hello-regime/$name"
    diff "$f" "$dir/readme-files/$name" | head -10; fi
done
for f in "$dir"/readme-files/*; do
  [ -e "$src/examples/hello-regime/$(basename "$f")" ] && pass || fail "sdk/README.md has $(basename "$f"), examples/hello-regime does not"
done

mkdir "$dir/work"
if (cd "$dir/work" && TRELLIS_PREFIX=$prefix PATH=$prefix/bin:$PATH bash "$dir/tutorial.sh") >"$dir/tutorial.log" 2>&1; then pass; else
  fail "following sdk/README.md"; tail -40 "$dir/tutorial.log"; finish; fi
# Loaded from the build folder (step 5), then from the installed folder.
grep -Eq "^hello-regime +1\.0\.0 +3\.1 +$dir/work/hello-regime/build/hello-regime\.so +loaded" "$dir/tutorial.log" \
  && pass || { fail "README step 5: hello-regime not loaded from build/"; cat "$dir/tutorial.log"; }
grep -Eq "^hello-regime +1\.0\.0 +3\.1 +$prefix/lib/trellis/plugins/hello-regime\.so +loaded" "$dir/tutorial.log" \
  && pass || { fail "README step 5: hello-regime not loaded once installed"; cat "$dir/tutorial.log"; }
"$prefix/bin/trellis" plugins --format json >"$dir/out" 2>&1
python3 -c "
import json; d={p['id']: p for p in json.load(open('$dir/out'))}
h=d['hello-regime']; assert h['loaded'] and h['name']=='Hello regime: overall absence' and h['sdk_version']=='3.1', h" \
  && pass || { fail "plugins --format json"; cat "$dir/out"; }

# 3. README step 7 assessed two schools with it; the stored result, as JSON.
grep -Eq "^900001 +Hello Primary School +RED" "$dir/tutorial.log" && grep -Eq "^900002 +Hello Junior School +GREEN" "$dir/tutorial.log" \
  && pass || { fail "README step 7: the assessment"; cat "$dir/tutorial.log"; }
grep -q "^OK: hello.toml (hello-regime" "$dir/tutorial.log" && pass || fail "README step 7: policy check"
# The regime's own validation reaches the policy author, with the place.
sed 's/^red_above *= .*/red_above = 4.0/' "$dir/work/hello-regime/hello.toml" >"$dir/work/hello-regime/bad.toml"
(cd "$dir/work/hello-regime" && "$prefix/bin/trellis" policy check bad.toml) >"$dir/out" 2>&1
[ $? -eq 1 ] && grep -q "bad.toml:[0-9]*:[0-9]*: .*expected a number above amber_above" "$dir/out" && pass \
  || { fail "policy check of a policy do_validate refuses"; cat "$dir/out"; }
TRELLIS_DB=$dir/work/hello-regime/hello.db "$prefix/bin/trellis" assess --body hello --period 2024-25 --dry-run --format json \
  >"$dir/out" 2>"$dir/err" && pass || { fail "assess --format json"; cat "$dir/err"; }
python3 -c "
import json; d={a['urn']: a for a in json.load(open('$dir/out'))}
assert d[900001]['level']=='red' and d[900001]['regime']=='hello-regime', d
assert d[900001]['reasons']==['Overall absence 12.5% is above the 10.0% red threshold (absence.csv line 2)'], d
assert d[900001]['ratings']==[{'subject': 'overall', 'level': 'red', 'stage': 'computed'}], d
assert d[900002]['level']=='green', d" && pass || { fail "assess with hello-regime"; cat "$dir/out"; }
finish
