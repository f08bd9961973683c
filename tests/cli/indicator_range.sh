#!/usr/bin/env bash
# Issue 19: a policy-declared indicator's range (SDK 3's IndicatorSpec min,
# max, whole_number). `policy check` refuses min above max and a bad type at
# file:line:col; once a body adopts the policy, an imported or recorded value
# outside the range is refused at file:line:col with what was expected and
# found, exit 3 (2 for a value typed on the command line), nothing written.
# Usage: indicator_range.sh TRELLIS SOURCE_DIR
set -u
trellis=$1 src=$2
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
export TRELLIS_DB=$dir/t.db TRELLIS_NOW=2019-09-02T09:00:00Z TRELLIS_USER=tester
passes=0 fails=0
check() { # name expected-exit-code command...
  local name=$1 want=$2; shift 2
  "$@" >"$dir/out" 2>"$dir/err"; local got=$?
  if [ "$got" -eq "$want" ]; then passes=$((passes+1)); else
    fails=$((fails+1)); echo "FAIL $name: exit $got, wanted $want"; cat "$dir/out" "$dir/err"; fi
}
says() { # name fixed-string file
  if grep -qF -- "$2" "$3"; then passes=$((passes+1)); else fails=$((fails+1)); echo "FAIL $1: no '$2' in:"; cat "$3"; fi
}
count() { python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])" "$TRELLIS_DB" "$1"; }

mkdir -p "$dir/policies" "$dir/scripts/nexus"
cp "$src/scripts/nexus/tiers.lua" "$dir/scripts/nexus/"
cp "$src/policies/nexus.toml" "$dir/policies/own.toml"
cat >>"$dir/policies/own.toml" <<'TOML'

[indicators.fixed_term_exclusions]
label = "Fixed-term exclusions this term"
unit = "count"
direction = "lower_is_better"
min = 0
max = 500

[indicators.reading_age_gap_months]
label = "Reading age less chronological age, in months"
unit = "months"
direction = "higher_is_better"
min = -60
max = 60.5
TOML
check "a policy declaring ranges is clean" 0 "$trellis" policy check "$dir/policies/own.toml"
check "policy view shows the ranges" 0 "$trellis" policy view "$dir/policies/own.toml"
says "a count's range, whole numbers implied" "fixed_term_exclusions  Fixed-term exclusions this term  [count, lower is better, min 0, max 500, whole numbers]" "$dir/out"
says "a range with a fraction" "min -60, max 60.5]" "$dir/out"

cp "$dir/policies/own.toml" "$dir/policies/bad.toml"
cat >>"$dir/policies/bad.toml" <<'TOML'

[indicators.backwards]
label = "A range the wrong way round"
min = 10
max = 5

[indicators.wordy]
label = "A bound that is not a number"
unit = "pupils"
max = "many"
whole_number = "yes"
TOML
line_max=$(grep -n '^max = 5$' "$dir/policies/bad.toml" | cut -d: -f1)
line_many=$(grep -n '^max = "many"$' "$dir/policies/bad.toml" | cut -d: -f1)
line_whole=$(grep -n '^whole_number = "yes"$' "$dir/policies/bad.toml" | cut -d: -f1)
check "policy check refuses min above max" 1 "$trellis" policy check "$dir/policies/bad.toml"
says "min above max, at the value" "bad.toml:$line_max:7: expected indicators.backwards.max to be at or above indicators.backwards.min (10), found 5" "$dir/out"
says "a bound that is not a number" "bad.toml:$line_many:7: expected indicators.wordy.max to be a number" "$dir/out"
says "whole_number that is not true or false" "bad.toml:$line_whole:16: expected indicators.wordy.whole_number to be true or false" "$dir/out"

check "init" 0 "$trellis" init
check "register" 0 "$trellis" import schools "$src/tests/data/spine_small.csv"
urn=$(count "select min(urn) from schools")
check "body" 0 "$trellis" body add trust --kind trust --name "Example Trust"
check "adopt" 0 "$trellis" body adopt trust "$dir/policies/own.toml" --from 2019-09-01

printf 'urn,indicator,period,value\n%s,fixed_term_exclusions,2019-20/autumn,4\n%s,fixed_term_exclusions,2019-20/spring,3.5\n' "$urn" "$urn" >"$dir/half.csv"
printf 'urn,indicator,period,value\n%s,fixed_term_exclusions,2019-20/autumn,4\n%s,reading_age_gap_months,2019-20/autumn,-61\n' "$urn" "$urn" >"$dir/low.csv"
printf 'urn,indicator,period,value\n%s,fixed_term_exclusions,2019-20/autumn,501\n' "$urn" >"$dir/high.csv"
printf 'urn,indicator,period,value\n%s,fixed_term_exclusions,2019-20/autumn,500\n%s,reading_age_gap_months,2019-20/autumn,-60\n%s,reading_age_gap_months,2019-20/spring,60.5\n' "$urn" "$urn" "$urn" >"$dir/good.csv"
before_items=$(count "select count(*) from evidence") before_imports=$(count "select count(*) from imports")
check "a count that is not whole is refused" 3 "$trellis" import evidence "$dir/half.csv"
says "at its line and column, expected and found" "half.csv:3:4: expected a whole number from 0 to 500 for fixed_term_exclusions, as the adopted policy declares it, found 3.5" "$dir/err"
check "below the declared minimum" 3 "$trellis" import evidence "$dir/low.csv"
says "below min" "low.csv:3:4: expected a number from -60 to 60.5 for reading_age_gap_months, as the adopted policy declares it, found -61" "$dir/err"
check "above the declared maximum" 3 "$trellis" import evidence "$dir/high.csv"
says "above max" "high.csv:2:4: expected a whole number from 0 to 500 for fixed_term_exclusions" "$dir/err"
[ "$(count "select count(*) from evidence")" = "$before_items" ] && [ "$(count "select count(*) from imports")" = "$before_imports" ] &&
  passes=$((passes+1)) || { fails=$((fails+1)); echo "FAIL a refused file writes nothing"; }
check "values at the bounds are stored" 0 "$trellis" import evidence "$dir/good.csv"
[ "$(count "select count(*) from evidence")" = $((before_items + 3)) ] && passes=$((passes+1)) || { fails=$((fails+1)); echo "FAIL three items stored"; }
check "a value typed on the command line outside the range" 2 "$trellis" record "$urn" --indicator fixed_term_exclusions --period 2019-20/spring --value 600
says "record names expected and found" "expected a whole number from 0 to 500 for fixed_term_exclusions, as the adopted policy declares it, found 600" "$dir/err"

echo "$passes passed, $fails failed"
[ "$fails" -eq 0 ]
