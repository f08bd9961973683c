#!/usr/bin/env bash
# The report (every format) and the letters carry no absolute path of the
# machine that made them (issue 11): a report is sent to governors, a letter to
# a head, and neither should say where the officer keeps the database, the
# policy or the letters. A letter is named by its outbox id and file name, a
# policy by its version and hash.
# Usage: paths.sh TRELLIS SOURCE_DIR
set -u
trellis=$1 src=$(cd "$2" && pwd -P)
ex=$src/examples/telford-and-wrekin
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
real=$(cd "$dir" && pwd -P)
export TRELLIS_DB=$dir/t.db TRELLIS_NOW=2019-01-14T09:00:00Z TRELLIS_USER=tester
passes=0 fails=0
ok() { passes=$((passes+1)); }
bad() { fails=$((fails+1)); echo "FAIL: $*"; }
run() { "$trellis" "$@" >"$dir/out" 2>"$dir/err" || { bad "trellis $* exited $?"; cat "$dir/err"; }; }

# Everything given by absolute path, so that any path that leaks is one of these.
run init
run import schools "$ex/data/england_spine.csv"
run import evidence "$ex/data/ks2_perf_2018.csv" --period 2017-18
for f in england_census england_abs england_ks4provisional; do run import evidence "$ex/data/$f.csv" --period 2018-19; done
run import evidence "$ex/data/ofsted_ratings_2018.csv"
run import evidence "$ex/data/national-benchmarks.csv"
run import evidence "$ex/la-held-evidence-2018-19.csv" --period 2018-19
run body add telford --kind la --name "Telford and Wrekin Council"
run body join telford --la 894 --from 2017-09-01
run body adopt telford "$src/policies/telford-and-wrekin.toml" --from 2017-09-01
run assess --body telford --period 2017-18 --on 2017-09-04
run assess --body telford --period 2018-19 --on 2018-09-03 --format json
cp "$dir/out" "$dir/assess.json"
grep -q "in the outbox" "$dir/out" && bad "assess --format json prints only JSON" || ok
# A change letter, a decision's letter and a review's letter.
urns=$(python3 -c "import json,sys; print(' '.join(str(s['urn']) for s in json.load(open(sys.argv[1])) if s['level'] == 'amber'))" "$dir/assess.json")
set -- $urns
run rate "$1" --body telford --period 2018-19 --subject overall --level yellow --stage final --on 2018-10-01 \
  --by "A. Officer" --rationale "New leadership"
grep -q "letter to a head is in the outbox (id [0-9]*): \`trellis letters --body telford --period 2018-19 -o DIR\` writes it" "$dir/out" \
  && ok || bad "rate says where its letter is: $(cat "$dir/out")"
run review "$2" --body telford --by "Headteacher" --reason "Complaints were counted twice" --period 2018-19
run review start 1 --by "A. Officer"
run review decide 1 --changed --level yellow --by "A. Officer" --rationale "One matter"
[ -z "$(find "$dir" -name '*.md')" ] && ok || bad "no letter file is written until asked for: $(find "$dir" -name '*.md')"

# The report in every format, printed and written to a file.
for f in table md html csv json; do
  run report --body telford --period 2018-19 --format "$f"
  cp "$dir/out" "$dir/printed.$f"
  run report --body telford --period 2018-19 --format "$f" -o "$dir/report.$f"
done
grep -q "letter [0-9]* ([0-9]*-[0-9]*\.md)" "$dir/report.md" && ok || bad "the report names a letter by its outbox id and file name"
grep -q "Policy telford-and-wrekin.toml, version [^ ]* (hash [0-9a-f]*)" "$dir/report.md" && ok \
  || bad "the report names its policy by file name, version and hash: $(grep -i policy "$dir/report.md" | head -2)"
python3 -c "import json,sys; assert json.load(open(sys.argv[1]))['policy_file'] == 'telford-and-wrekin.toml'" "$dir/report.json" \
  && ok || bad "the report's JSON names its policy file by name"

# The letters, written to a folder given relative to where the user is.
(cd "$dir" && "$trellis" letters --body telford --period 2018-19 -o letters >"$dir/letters.out" 2>"$dir/err") \
  || bad "letters -o exited $?: $(cat "$dir/err")"
(cd "$dir" && "$trellis" letters --body telford --period 2018-19 --format json >"$dir/letters.json" 2>"$dir/err") \
  || bad "letters --format json exited $?: $(cat "$dir/err")"
n=$(find "$dir/letters" -name '*.md' | wc -l)
[ "$n" -ge 3 ] && ok || bad "the change, decision and review letters are written ($n)"
python3 - "$dir" "$n" <<'PY' && ok || bad "letters --format json lists each letter with its id and file name"
import json, os, sys
d = json.load(open(sys.argv[1] + "/letters.json"))
assert len(d) == int(sys.argv[2]), d
assert {l["kind"] for l in d} >= {"change", "review"}, d
for l in d:
    assert l["id"] > 0 and "/" not in l["file"] and os.path.exists(os.path.join(sys.argv[1], "letters", l["file"])), l
PY

# A folder that cannot be made is a usage error, with nothing written.
touch "$dir/a-file"
"$trellis" letters --body telford --period 2018-19 -o "$dir/a-file/letters" >"$dir/out" 2>"$dir/err"; rc=$?
[ "$rc" = 2 ] && grep -q "cannot create the folder" "$dir/err" && ok || bad "letters -o into a file: exit $rc, $(cat "$dir/err")"

# No output names the test's folder, the source tree (policies, scripts, data, the build) or $HOME.
leaks=0
for f in "$dir"/printed.* "$dir"/report.* "$dir"/letters/*.md "$dir/letters.out" "$dir/letters.json"; do
  for p in "$dir" "$real" "$src" ${HOME:+"$HOME"}; do
    [ "$p" = / ] && continue
    if grep -qF "$p" "$f"; then
      leaks=$((leaks+1)); bad "$(basename "$f") contains $p: $(grep -F "$p" "$f" | head -2)"
    fi
  done
done
[ "$leaks" -eq 0 ] && ok

echo "$passes passed, $fails failed"
[ "$fails" -eq 0 ]
