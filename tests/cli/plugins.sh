#!/usr/bin/env bash
# `trellis plugins` lists every plugin it finds, broken ones with their reason,
# and never fails because of them. Usage: plugins.sh TRELLIS FIXTURE_DIR
set -u
trellis=$1 fixtures=$2
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
fails=0; passes=0
check() { # name expected-exit-code command...
  local name=$1 want=$2; shift 2
  "$@" >"$dir/out" 2>"$dir/err"; local got=$?
  if [ "$got" -eq "$want" ]; then passes=$((passes+1)); else
    fails=$((fails+1)); echo "FAIL $name: exit $got, wanted $want"; cat "$dir/out" "$dir/err"; fi
}
expect() { # name python-assertion-over-d: the JSON in $dir/out, less the build's own plugins
  if python3 -c "import json,sys; d=json.load(open('$dir/out')); d=[p for p in d if p['file'].startswith(('$dir/','$fixtures/'))]; by={p['file'].rsplit('/',1)[1]: p for p in d}; assert $2, by" 2>"$dir/py"; then
    passes=$((passes+1)); else fails=$((fails+1)); echo "FAIL $1"; cat "$dir/py"; fi
}

# A folder of broken plugins beside a good one, a text file posing as a
# plugin and a truncated copy of a good one.
mkdir "$dir/p"
cp "$fixtures"/*.so "$dir/p/"
echo "not a library" > "$dir/p/x.so"
head -c 5000 "$fixtures/good.so" > "$dir/p/truncated.so"
export TRELLIS_PLUGIN_PATH=$dir/p

check "plugins with broken ones: exit 0" 0 "$trellis" plugins --format json
expect "good loaded" "by['good.so']['loaded'] and by['good.so']['status']=='loaded' and by['good.so']['id']=='fixture-good' and by['good.so']['version']=='1.2.3' and by['good.so']['sdk_version']=='3.1'"
expect "every other refused, with a reason" "all(not p['loaded'] and p['status'] for f,p in by.items() if f not in ('good.so','assess_throws.so','throws_everywhere.so','sdk30.so','concurrent.so'))"
# SDK 3.1 (issue 18): a 3.0 plugin still loads; only a 3.1 plugin that exports the promise runs on several threads.
expect "an SDK 3.0 plugin loads, on one thread" "by['sdk30.so']['loaded'] and by['sdk30.so']['sdk_version']=='3.0' and not by['sdk30.so']['concurrent']"
expect "a plugin that promises concurrency says so" "by['concurrent.so']['loaded'] and by['concurrent.so']['concurrent'] and not by['good.so']['concurrent']"
expect "wrong major names both versions" "'99.0' in by['wrong_major.so']['status'] and 'provides SDK 3.1' in by['wrong_major.so']['status']"
# SDK 3 changed boundary types (SchoolInfo's trust, IndicatorSpec's range, plan_body's members): an SDK 2
# plugin is refused by its version, named, as sdk/README.md's ABI stance promises; never loaded.
expect "an SDK 2 plugin is refused by its version" "by['sdk2_record.so']['status']=='sdk2_record.so was built for Trellis SDK 2.0; this trellis provides SDK 3.1 (rebuild the plugin against SDK 3.x)' and not by['sdk2_record.so']['loaded'] and by['sdk2_record.so']['id']=='fixture-sdk2'"
expect "text file" "'not a shared library' in by['x.so']['status'] and by['x.so']['id'] is None"
expect "truncated" "'truncated' in by['truncated.so']['status']"
expect "factory throws, with its reason" "by['factory_throws.so']['status']=='factory failed: cannot start'"
expect "describe throws" "'describe failed' in by['describe_throws.so']['status']"
expect "missing info" "'no trellis_plugin_info' in by['no_info.so']['status']"
expect "missing factory" "'no trellis_create_regime' in by['no_factory.so']['status']"
expect "twin names the first file" "by['good.so']['file'] in by['twin.so']['status']"
expect "abi" "'_GLIBCXX_USE_CXX11_ABI' in by['wrong_abi.so']['status']"
expect "a layout that differs, naming the type and both sizes" "'layout of ActivityRule: plugin ' in by['grown_rule.so']['status'] and ', this trellis ' in by['grown_rule.so']['status'] and by['grown_rule.so']['id']=='fixture-grown-rule'"
expect "debug-mode containers" "'built with _GLIBCXX_DEBUG' in by['debug_mode.so']['status'] and 'layout of ' in by['debug_mode.so']['status']"
expect "libc++, as such" "'built with libc++ 170006; this trellis uses libstdc++' in by['libcxx.so']['status'] and 'ABI' not in by['libcxx.so']['status']"

check "table" 0 "$trellis" plugins
grep -q "fixture-good .*loaded" "$dir/out" || { echo "FAIL: table lacks the good plugin"; fails=$((fails+1)); }
grep -q "Searched:" "$dir/out" && grep -q "$dir/p" "$dir/out" || { echo "FAIL: table lacks the searched folders"; fails=$((fails+1)); }
[ ! -s "$dir/err" ] || { echo "FAIL: plugins printed to stderr"; cat "$dir/err"; fails=$((fails+1)); }

# Several folders, one missing; a single file named directly.
export TRELLIS_PLUGIN_PATH=$dir/nowhere:$fixtures/good.so
check "missing folder and a file" 0 "$trellis" plugins --format json
expect "one plugin from the file" "len(d)==1 and by['good.so']['loaded']"
unset TRELLIS_PLUGIN_PATH
check "no plugin path" 0 "$trellis" plugins --format json
check "bad format" 2 "$trellis" plugins --format xml

echo "$passes passed, $fails failed"
[ "$fails" -eq 0 ]
