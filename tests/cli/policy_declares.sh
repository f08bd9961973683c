#!/usr/bin/env bash
# A trust changes its KPI list in its policy, without recompiling anything
# (issue 12): `policy check` and `policy view` show the trust's indicators and
# the regime's defaults, `assess` rates the school on the new list, and `rate`
# accepts the new KPI once the policy is adopted. Mistakes in the declared
# parts are placed at file:line:col (exit 1); a file `policy view` cannot read is exit 3.
set -u
trellis=$1
source_dir=$2
source "$(dirname "$0")/demo_copy.sh"
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
export TRELLIS_NOW=2024-09-02T09:00:00Z TRELLIS_DB=$dir/demo.db TRELLIS_USER=demo-admin
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
refuse() { # name pattern file: no line matches
  if grep -Eq -- "$2" "$3"; then fails=$((fails+1)); echo "FAIL $1: a line matches /$2/ in:"; cat "$3"; else
    passes=$((passes+1)); fi
}

cd "$source_dir"
demo_copy "$3" "$TRELLIS_DB"

# The trust's own copy, laid out as the repository is so the tiers script resolves:
# one KPI renamed, one added, and the autumn enquiry's window left to the plugin's default.
mkdir -p "$dir/policies" "$dir/scripts/nexus"
cp scripts/nexus/tiers.lua "$dir/scripts/nexus/"
sed -e 's/^label = "Attendance at or above national; persistent absence falling"/label = "Attendance at 96% or above"/' \
    -e '/^autumn_school_days_before_forum/d' policies/nexus.toml >"$dir/policies/own.toml"
cat >>"$dir/policies/own.toml" <<'TOML'

[indicators.reading_ages]
label = "Reading ages at or above chronological age"
unit = "rating"
direction = "higher_is_better"
scale = "dashboard"
area = "quality_of_education"
priority = "learning"
TOML
own=$dir/policies/own.toml

check "the trust's policy is clean" 0 "$trellis" policy check "$own"
expect "check names the default it takes" '^  enquiry.autumn_school_days_before_forum: default 10, from the plugin$' "$dir/out"
check "check json lists the defaults" 0 "$trellis" policy check "$own" --format json
python3 - "$dir/out" <<'PY' || { fails=$((fails+1)); echo "FAIL policy check json defaults"; cat "$dir/out"; }
import json, sys
v = json.load(open(sys.argv[1]))
assert v["ok"] is True, v
assert v["defaults"] == [{"key": "enquiry.autumn_school_days_before_forum", "value": "10", "from": "plugin"}], v["defaults"]
PY
check "the trust's own cases still pass" 0 "$trellis" policy test "$own" --cases "$source_dir/policies/nexus.tests.toml"
check "the shipped policy sets the key itself" 0 "$trellis" policy check policies/nexus.toml
refuse "no default shown when the policy sets the key" 'autumn_school_days_before_forum' "$dir/out"

check "policy view" 0 "$trellis" policy view "$own"
expect "view: the default, from the plugin" '^  enquiry.autumn_school_days_before_forum +default 10, from the plugin$' "$dir/out"
expect "view: the policy's own value and place" '^  school_year.planning_visit_within_working_days +from the policy \(.*own.toml:[0-9]+:1\): 15$' "$dir/out"
expect "view: the new KPI, from the policy" '^  reading_ages  Reading ages at or above chronological age  \[rating, higher is better, area quality_of_education, priority learning, rated on dashboard\]  \(from the policy\)$' "$dir/out"
expect "view: the renamed KPI" '^  attendance  Attendance at 96% or above ' "$dir/out"
expect "view: evidence the plugin fixes" '^  ofsted_grade .*\(from the plugin\)$' "$dir/out"
check "policy view json" 0 "$trellis" policy view "$own" --format json
python3 - "$dir/out" <<'PY' || { fails=$((fails+1)); echo "FAIL policy view json"; }
import json, sys
v = json.load(open(sys.argv[1]))
keys = {k["key"]: k for k in v["keys"]}
assert keys["enquiry.autumn_school_days_before_forum"] == {
    "key": "enquiry.autumn_school_days_before_forum", "value": "10", "from": "plugin", "required": False,
    "doc": keys["enquiry.autumn_school_days_before_forum"]["doc"]}, keys
assert keys["boards.forum_working_days_before_spsb"]["from"] == "policy"
ids = [i["id"] for i in v["indicators"] if i["from"] == "policy"]
assert ids[-1] == "reading_ages" and len(ids) == 17, ids
PY

# assess with the draft: the new KPI is on the dashboard, the renamed one reads as the trust wrote it.
check "assess with the trust's KPI list" 0 "$trellis" assess --body nexus --period 2019-20/summer --dry-run --policy "$own"
expect "the area counts five KPIs" 'Quality of education: Secure \(mean 3.00 over 4 of 5 indicators\)' "$dir/out"
expect "the new KPI is asked for" 'has not self-assessed 1 of 17 dashboard indicators for 2019-20/summer \(Reading ages at or above chronological age\)' "$dir/out"
expect "the renamed KPI's label" 'Attendance at 96% or above \(self-assessed Strong, moderated Secure\)' "$dir/out"
check "assess json with the trust's KPI list" 0 "$trellis" assess --body nexus --period 2019-20/summer --dry-run --policy "$own" --format json
expect "json reasons too" 'of 17 dashboard indicators' "$dir/out"

# rate: the new KPI is the trust's once it adopts the policy.
check "before adoption, the new KPI is no subject of the regime" 3 "$trellis" rate 138357 --body nexus --period 2019-20/summer \
  --subject reading_ages --level secure --stage self --by "Headteacher"
check "the trust adopts its policy" 0 "$trellis" body adopt nexus "$own" --from 2020-04-01
check "the head self-assesses the new KPI" 0 "$trellis" rate 138357 --body nexus --period 2019-20/summer \
  --subject reading_ages --level secure --stage self --by "Headteacher"
check "assess after adoption" 0 "$trellis" assess --body nexus --period 2019-20/summer --dry-run
expect "five of five rated" 'Quality of education: Secure \(mean 3.00 over 5 of 5 indicators\)' "$dir/out"

# Mistakes in what the policy declares: each at its place, exit 1.
sed -e 's/^area = "quality_of_education"$/area = "reading"/' -e 's/^label = "Reading ages at or above chronological age"$/title = "Reading ages"/' \
  "$own" >"$dir/policies/bad.toml"
printf '\n[scales.stars]\nlabel = "Stars"\nlevels = [{ id = "gold", colour = "gold" }]\n' >>"$dir/policies/bad.toml"
check "mistakes in declared parts" 1 "$trellis" policy check "$dir/policies/bad.toml"
expect "an unknown area, placed" 'bad.toml:[0-9]+:8: expected indicators.[a-z_]+.area to be one of the areas \(quality_of_education, behaviour_and_attitudes, personal_development, leadership_and_management\), found "reading"' "$dir/out"
expect "an unknown key, placed" "bad.toml:[0-9]+:1: unknown key 'indicators.reading_ages.title'; expected one of label, unit, direction, area, priority, scale" "$dir/out"
expect "a part the regime fixes" 'bad.toml:[0-9]+:[0-9]+: expected no \[scales\] table: the regime .nexus-mat. fixes its scales in the plugin, found one' "$dir/out"
printf '[indicators.x\nlabel = 1\n' >"$dir/policies/broken.toml"
# `policy check` reports invalid TOML as a finding (exit 1, as tests/cli/policy.sh
# fixes); `policy view` has nothing to show, so it is bad input (exit 3).
check "policy check of a malformed policy: a finding" 1 "$trellis" policy check "$dir/policies/broken.toml"
expect "placed" 'broken.toml:1:14: invalid TOML' "$dir/out"
check "policy view of a malformed policy is bad input" 3 "$trellis" policy view "$dir/policies/broken.toml"
expect "with its place" 'broken.toml:1:14: invalid TOML' "$dir/err"
check "policy view of a missing policy is bad input" 3 "$trellis" policy view "$dir/policies/none.toml"

echo "$passes passed, $fails failed"
[ "$fails" -eq 0 ]
