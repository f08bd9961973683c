#!/usr/bin/env bash
# Heart of Mercia MAT (issue 13; shared/seeds/001) end to end, as the Trust's
# Director of Quality would run it: two colleges and a school, the policy
# checked (§10.1: past its April 2025 review) and adopted, SARs imported,
# assessed, and a college's SAR validated at the college panel (§5.5) only by
# a member present with an external verifier.
# Usage: heart_of_mercia.sh TRELLIS SOURCE_DIR
set -u
trellis=$1 src=$2
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
export TRELLIS_DB=$dir/hom.db TRELLIS_NOW=2024-09-02T09:00:00Z TRELLIS_USER=tester
passes=0 fails=0
ok() { passes=$((passes+1)); }
bad() { fails=$((fails+1)); echo "FAIL: $*"; }
run() { "$trellis" "$@" >"$dir/out" 2>"$dir/err"; }
policy=$src/policies/heart-of-mercia.toml

# The colleges as the 2017-18 spine registers them (MINORGROUP College), and a school.
cat >"$dir/schools.csv" <<'CSV'
URN,EstablishmentName,LA (code),TypeOfEstablishment (name),EstablishmentStatus (name),PhaseOfEducation (name)
130713,Heart of Worcestershire College,885,Further education,Open,16 plus
130710,"Herefordshire, Ludlow and North Shropshire College",884,Further education,Open,16 plus
140001,Test Academy,885,Academy converter,Open,Secondary
CSV
run init && run import schools "$dir/schools.csv" && run body add hom --kind trust --name "Heart of Mercia MAT" \
  && run body join hom 130713 130710 140001 --from 2024-09-01 && ok || bad "setup: $(cat "$dir/err")"
for p in "dq --name Director-of-Quality --role officer --body hom" "ceo --name CEO --role officer --body hom" \
         "ev --name External-Verifier --role verifier --body hom"; do
  run person add $p || bad "person add $p: $(cat "$dir/err")"
done

run policy check "$policy" && ok || bad "policy check: $(cat "$dir/out" "$dir/err")"
TRELLIS_NOW=2025-04-02T09:00:00Z run policy check "$policy"
grep -qi "review" "$dir/out" "$dir/err" && grep -q "2025-04-01" "$dir/out" "$dir/err" && ok \
  || bad "§10.1: policy check warns the policy is past its review date: $(cat "$dir/out" "$dir/err")"
run body adopt hom "$policy" --from 2024-09-01 && ok || bad "adopt: $(cat "$dir/err")"

# §5.5: no SAR is insufficient evidence, never good by default.
run assess --body hom --period 2024-25 --format json && ok || bad "assess: $(cat "$dir/err")"
python3 - "$dir/out" <<'PY' && ok || bad "§5.5: every academy without a SAR is insufficient evidence"
import json, sys
levels = {s["urn"]: s["level"] for s in json.load(open(sys.argv[1]))}
assert levels == {130713: "insufficient_evidence", 130710: "insufficient_evidence", 140001: "insufficient_evidence"}, levels
PY

# The SARs (stage self), then a college validated at the panel.
cat >"$dir/sar.csv" <<'CSV'
urn,period,subject,level,stage,by,rationale
130713,2024-25,overall,outstanding,self,Principal HWC,SAR 2024-25
130713,2024-25,workforce,good,self,Principal HWC,SAR 2024-25
140001,2024-25,overall,good,self,Headteacher,SAR 2024-25
CSV
run import ratings "$dir/sar.csv" --body hom && ok || bad "import SARs: $(cat "$dir/err")"
run assess --body hom --period 2024-25 --format json && ok || bad "assess: $(cat "$dir/err")"
python3 - "$dir/out" <<'PY' && ok || bad "§5.5: a SAR not yet validated is provisional"
import json, sys
s = {s["urn"]: s for s in json.load(open(sys.argv[1]))}
assert s[130713]["level"] == "outstanding", s[130713]
assert any("provisional" in r for r in s[130713]["reasons"]), s[130713]["reasons"]
assert s[130710]["level"] == "insufficient_evidence"
PY
run schedule --body hom --year 2024-25 --format json
meeting=$(python3 -c "import json,sys; print(next(a['id'] for a in json.load(open(sys.argv[1])) if a['rule']=='hom-5.5.college-sar-validation'))" "$dir/out" 2>/dev/null)
[ -n "$meeting" ] && ok || bad "§5.5: the college SAR validation meeting is in the calendar: $(head -c 400 "$dir/out")"
python3 - "$dir/out" <<'PY' && ok || bad "§5.5, §5.4, §9.1, §6.3: the year's calendar"
import json, sys
acts = [a for a in json.load(open(sys.argv[1])) if a["status"] != "cancelled"]
meeting = next(a for a in acts if a["rule"] == "hom-5.5.college-sar-validation")
assert meeting["start"][:7] in ("2024-10", "2024-11", "2024-12") and "External verifier(s)" in meeting["attendees"], meeting
assert sum(a["rule"] == "hom-5.4.quality-visit" for a in acts) == 3, "one quality visit a year per academy"
assert sum(a["rule"].startswith("hom-9.1.board-report.") for a in acts) == 3, "termly board reports"
assert any(a["rule"] == "hom-5.5.college-sar-validation.board-report" for a in acts)
assert any(a["rule"].startswith("hom-6.3.collaboration") for a in acts)
sar_due = {a["urn"]: a for a in acts if a["rule"] == "hom-5.5.sar-due"}
assert sorted(sar_due) == [130710, 130713, 140001], sar_due   # every academy's SAR has its deadline
assert sar_due[130713]["due"] < meeting["start"] and sar_due[130713]["attendees"] == ["Principal"], sar_due[130713]
PY

TRELLIS_NOW=2024-12-02T09:00:00Z run schedule --body hom --year 2024-25 --format json
python3 - "$dir/out" <<'PY' && ok || bad "§5.5: a missing SAR at its deadline is overdue"
import json, sys
due = [a for a in json.load(open(sys.argv[1])) if a["rule"] == "hom-5.5.sar-due" and a["urn"] == 130710]
assert [a["status"] for a in due] == ["overdue"], due
PY

rate() { "$trellis" rate 130713 --body hom --period 2024-25 --subject overall --level good --stage validated \
           --on "$1" --rationale "Strengths: ...; weaknesses: ...; collaboration and support: ..." --as "$2" >"$dir/out" 2>"$dir/err"; }
count() { python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from ratings').fetchone()[0])" "$TRELLIS_DB"; }
before=$(count)
TRELLIS_NOW=2024-12-10T09:00:00Z rate 2024-12-09 dq
[ $? -eq 3 ] && grep -q 'stage "validated"' "$dir/err" && grep -q '"dq"' "$dir/err" \
  && grep -q "held in the year after 2024-25, from 2025-09-01" "$dir/err" \
  && [ "$(count)" = "$before" ] && ok || bad "§5.5: refused before the panel meets, naming stage, person and what is missing: $(cat "$dir/err")"
TRELLIS_NOW=2024-12-10T09:00:00Z run activity done "$meeting" --on 2024-12-05 --present dq,ceo \
  && grep -q "present: dq, ceo" "$dir/out" && ok || bad "activity done --present: $(cat "$dir/out" "$dir/err")"
TRELLIS_NOW=2024-12-10T09:00:00Z rate 2024-12-09 dq
[ $? -eq 3 ] && grep -q "held in the year after 2024-25" "$dir/err" && [ "$(count)" = "$before" ] && ok \
  || bad "§5.5: the panel of the SAR's own year (it validated 2023-24's) does not validate 2024-25's: $(cat "$dir/err")"

# The next year's meeting, with the external verifier: a member present may validate; one absent may not.
TRELLIS_NOW=2025-09-02T09:00:00Z run assess --body hom --period 2025-26 || bad "assess 2025-26: $(cat "$dir/err")"
TRELLIS_NOW=2025-09-02T09:00:00Z run schedule --body hom --year 2025-26 --format json
meeting=$(python3 -c "import json,sys; print(next(a['id'] for a in json.load(open(sys.argv[1])) if a['rule']=='hom-5.5.college-sar-validation'))" "$dir/out")
TRELLIS_NOW=2025-11-26T09:00:00Z run activity done "$meeting" --on 2025-11-25 --present dq,ev || bad "done: $(cat "$dir/err")"
TRELLIS_NOW=2025-11-26T09:00:00Z rate 2025-11-25 ceo
[ $? -eq 3 ] && grep -q "not recorded present" "$dir/err" && ok || bad "§5.5: a person absent from the panel is refused: $(cat "$dir/err")"
cat >"$dir/validated.csv" <<'CSV'
urn,period,subject,level,stage,by,rationale
130713,2024-25,workforce,good,validated,College SAR panel,Strengths and areas for collaboration
CSV
before=$(count)
TRELLIS_NOW=2025-11-26T09:00:00Z run import ratings "$dir/validated.csv" --body hom --as ceo
[ $? -eq 3 ] && grep -q "validated.csv:2:5: .*\"ceo\".*not recorded present" "$dir/err" && [ "$(count)" = "$before" ] && ok \
  || bad "§5.5: import ratings refuses a validated row by a person absent from the panel, at its line: $(cat "$dir/err")"
TRELLIS_NOW=2025-11-26T09:00:00Z run import ratings "$dir/validated.csv" --body hom --as ev && ok \
  || bad "§5.5: the external verifier present imports the panel's ratings: $(cat "$dir/err")"
# The day each grade was given: the file's `on` column, else --on, else today; a bad date writes nothing.
decided() { python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(\"select decided_on from ratings where subject=? and stage='validated' order by id desc\", (sys.argv[2],)).fetchone()[0])" "$TRELLIS_DB" "$1"; }
[ "$(decided workforce)" = "2025-11-26" ] && ok || bad "a row with no on, and no --on, is dated today: $(decided workforce)"
printf 'urn,period,subject,level,stage,by,rationale,on\n130713,2024-25,governance,good,validated,College SAR panel,x,2025-11-25\n' >"$dir/on.csv"
TRELLIS_NOW=2025-11-26T09:00:00Z run import ratings "$dir/on.csv" --body hom --as ev && [ "$(decided governance)" = "2025-11-25" ] \
  && ok || bad "import ratings takes the day each grade was given from its on column: $(cat "$dir/err") $(decided governance)"
printf 'urn,period,subject,level,stage,by\n130713,2024-25,finance_operations,good,validated,College SAR panel\n' >"$dir/no-on.csv"
TRELLIS_NOW=2025-11-26T09:00:00Z run import ratings "$dir/no-on.csv" --body hom --as ev --on 2025-11-25 \
  && [ "$(decided finance_operations)" = "2025-11-25" ] && ok || bad "import ratings --on dates rows with none: $(cat "$dir/err")"
sed 's/2025-11-25$/2025-02-30/' "$dir/on.csv" >"$dir/bad-on.csv"
before=$(count)
TRELLIS_NOW=2025-11-26T09:00:00Z run import ratings "$dir/bad-on.csv" --body hom --as ev
[ $? -eq 3 ] && grep -q 'bad-on.csv:2:8: .*YYYY-MM-DD.*2025-02-30' "$dir/err" && [ "$(count)" = "$before" ] && ok \
  || bad "an impossible day in the on column is refused at file:line:col: $(cat "$dir/err")"
TRELLIS_NOW=2025-11-26T09:00:00Z run import ratings "$dir/no-on.csv" --body hom --as ev --on 25/11/2025
[ $? -eq 2 ] && grep -q -- "--on.*must be a date" "$dir/err" && [ "$(count)" = "$before" ] && ok \
  || bad "import ratings --on that is not a date is a usage error: $(cat "$dir/err")"
sed 's/2025-11-25$/2025-11-24/' "$dir/on.csv" >"$dir/early.csv"
TRELLIS_NOW=2025-11-26T09:00:00Z run import ratings "$dir/early.csv" --body hom --as ev
[ $? -eq 3 ] && grep -q 'early.csv:2:5: .*none was held from 2025-09-01 to 2025-11-24' "$dir/err" && [ "$(count)" = "$before" ] && ok \
  || bad "§5.5: a validation dated before its panel met is refused at its on column: $(cat "$dir/err")"
TRELLIS_NOW=2025-11-26T09:00:00Z rate 2025-11-25 dq && ok || bad "§5.5: a member present validates: $(cat "$dir/err")"
TRELLIS_NOW=2025-11-26T09:00:00Z "$trellis" rate 140001 --body hom --period 2024-25 --subject overall \
  --level requires_improvement --stage validated --on 2025-11-25 --as ceo >/dev/null 2>"$dir/err" && ok || bad "the college panel does not bind schools: $(cat "$dir/err")"

# §5.5: the validated grade is the one that counts.
TRELLIS_NOW=2025-11-26T09:00:00Z run assess --body hom --period 2024-25 --format json
python3 - "$dir/out" <<'PY' && ok || bad "§5.5: the validated grade counts, and its difference from the SAR is shown"
import json, sys
s = {s["urn"]: s for s in json.load(open(sys.argv[1]))}
assert s[130713]["level"] == "good", s[130713]
assert any("the principal's SAR said outstanding" in r for r in s[130713]["reasons"]), s[130713]["reasons"]
assert s[140001]["level"] == "requires_improvement", s[140001]
PY
grep -q "review" "$dir/err" && ok || bad "§10.1: assess warns the policy is past review: $(cat "$dir/err")"

run policy test "$policy" && ok || bad "policy test: $(cat "$dir/out" "$dir/err")"

echo "$passes passed, $fails failed"
[ "$fails" -eq 0 ]
