#!/usr/bin/env bash
# `trellis policy check` and `trellis policy test`, driven as a policy author
# would, on the policies that ship (and broken copies of them): exit codes,
# every problem at once with file:line:col, the review warning, and the
# `N passed, N failed` line.
set -u
trellis=$1
source_dir=$2
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
export TRELLIS_NOW=2024-10-01T09:00:00Z
fails=0; passes=0
check() { # name expected-exit-code command...
  local name=$1 want=$2; shift 2
  "$@" >"$dir/out" 2>"$dir/err"; local got=$?
  if [ "$got" -eq "$want" ]; then passes=$((passes+1)); else
    fails=$((fails+1)); echo "FAIL $name: exit $got, wanted $want"; cat "$dir/out" "$dir/err"; fi
}
expect() { # name pattern file: the file has a line matching the extended regex
  if grep -Eq -- "$2" "$3"; then passes=$((passes+1)); else
    fails=$((fails+1)); echo "FAIL $1: no line matching /$2/ in:"; cat "$3"; fi
}

cd "$source_dir"
check "shipped Telford policy is clean" 0 "$trellis" policy check policies/telford-and-wrekin.toml
expect "one OK line" '^OK: policies/telford-and-wrekin.toml \(telford-la, Telford and Wrekin Council [^)]*\): no problems, 1 script compiled$' "$dir/out"
check "shipped Nexus policy is clean" 0 "$trellis" policy check policies/nexus.toml
check "Nexus cases pass" 0 "$trellis" policy test policies/nexus.toml
expect "Nexus summary line" '^[1-9][0-9]* passed, 0 failed$' "$dir/out"

# A broken copy, laid out as the repository is, so the script path still resolves.
mkdir -p "$dir/policies" "$dir/scripts/telford"
cp scripts/telford/classify.lua "$dir/scripts/telford/"
sed -e 's/^review   = 2025-09-01/review   = "2025-09-01"/' policies/telford-and-wrekin.toml >"$dir/policies/t.toml"
printf '\n[visitz.green]\nper_year = 2\n' >>"$dir/policies/t.toml"
printf 'return function(school, params)\n  if then\nend\n' >"$dir/scripts/telford/classify.lua"
cd "$dir"
check "every problem at once" 1 "$trellis" policy check policies/t.toml
expect "a date written as a string" '^policies/t.toml:[0-9]+:[0-9]+: expected policy.review to be a date .*write dates without quotes' "$dir/out"
expect "unknown table, with a suggestion" "^policies/t.toml:[0-9]+:[0-9]+: unknown table \[visitz\] .*did you mean 'visits'\?" "$dir/out"
expect "the script's syntax error at its line" "^scripts/telford/classify.lua:2: unexpected symbol near 'then'" "$dir/out"
expect "a count" '^3 problems in policies/t.toml$' "$dir/out"
check "json" 1 "$trellis" policy check policies/t.toml --format json
python3 -c "import json; d=json.load(open('$dir/out')); assert d['ok'] is False and len(d['problems'])==3 and all(p['line']>0 for p in d['problems']), d" \
  || { echo "FAIL: policy check json"; fails=$((fails+1)); }

sed -e 's/^regime   = "telford-la"/regime   = "no-such-regime"/' "$source_dir/policies/telford-and-wrekin.toml" >policies/u.toml
check "a regime that is not installed" 1 "$trellis" policy check policies/u.toml
expect "named at the regime key" '^policies/u.toml:[0-9]+:12: expected the id of an installed regime plugin, found "no-such-regime"' "$dir/out"
printf '[policy]\nregime = "telford-la\n' >policies/bad.toml
check "TOML syntax" 1 "$trellis" policy check policies/bad.toml
expect "at its line and column" '^policies/bad.toml:2:[0-9]+: invalid TOML' "$dir/out"
check "an unreadable policy is bad input" 3 "$trellis" policy check policies/none.toml

# Past its review date: a warning, still OK.
export TRELLIS_NOW=2026-01-01T09:00:00Z
check "past review" 0 "$trellis" policy check "$source_dir/policies/telford-and-wrekin.toml"
expect "the warning in the OK line" 'warning: policy telford-and-wrekin.toml \(.*\) was due for review on 2025-09-01$' "$dir/out"
export TRELLIS_NOW=2024-10-01T09:00:00Z

# Cases: one passes, one fails, against the shipped Telford policy.
cat >cases.tests.toml <<'EOF'
[defaults]
period = "2018-19"
context = { type_group = "maintained", phase = "primary", type = "Community school" }

[[case]]
name = "expects a failure that does not come"
indicators = { persistent_absence_pct = 30.0 }
expect_error = "never happens"

[[case]]
name = "reasons cite the cases file"
indicators = { persistent_absence_pct = 30.0 }
expect_level = "red"
expect_reasons = ["cases.tests.toml line 12"]
EOF
check "failing cases" 1 "$trellis" policy test "$source_dir/policies/telford-and-wrekin.toml" --cases cases.tests.toml
expect "a FAIL line with its place" '^FAIL  expects a failure that does not come  \(cases.tests.toml:5:1\)$' "$dir/out"
expect "what differed" 'expected the script to fail with "never happens", but it returned' "$dir/out"
expect "the summary line" '^[0-9] passed, [1-9] failed$' "$dir/out"
check "json cases" 1 "$trellis" policy test "$source_dir/policies/telford-and-wrekin.toml" --cases cases.tests.toml --format json
python3 -c "import json; d=json.load(open('$dir/out')); assert d['passed']+d['failed']==2 and d['failed']>=1, d" \
  || { echo "FAIL: policy test json"; fails=$((fails+1)); }
printf '[[case]]\nname = "a"\nexpect_levle = "red"\n' >typo.tests.toml
check "a typo in the cases file is bad input" 3 "$trellis" policy test "$source_dir/policies/telford-and-wrekin.toml" --cases typo.tests.toml
expect "with a suggestion" "typo.tests.toml:3:1: .*found 'expect_levle'; did you mean 'expect_level'\?" "$dir/err"

echo "$passes passed, $fails failed"
[ "$fails" -eq 0 ]
