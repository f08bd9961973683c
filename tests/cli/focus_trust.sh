#!/usr/bin/env bash
# Focus-Trust (issue 14; shared/seeds/004) end to end, as the Chief Executive's
# office would run it: two academies, the policy checked and its own cases run,
# three terms of RAG with the direction of travel, the CEO's confirmation,
# the calendar of visits and returns, a formal intervention by decision with
# its notice and monthly Task Group until ended, and notes of visit.
# Usage: focus_trust.sh TRELLIS SOURCE_DIR
set -u
trellis=$1 src=$2
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
export TRELLIS_DB=$dir/ft.db TRELLIS_NOW=2020-09-01T09:00:00Z TRELLIS_USER=tester
passes=0 fails=0
ok() { passes=$((passes+1)); }
bad() { fails=$((fails+1)); echo "FAIL: $*"; }
run() { "$trellis" "$@" >"$dir/out" 2>"$dir/err"; }
policy=$src/policies/focus-trust.toml

cat >"$dir/schools.csv" <<'CSV'
URN,EstablishmentName,LA (code),TypeOfEstablishment (name),EstablishmentStatus (name),PhaseOfEducation (name)
900001,Amber Lane Primary Academy,353,Academy converter,Open,Primary
900002,Green Street Primary Academy,357,Academy converter,Open,Primary
CSV
# SYNTHETIC: 900001 slides from amber to red, 900002 stays green but misses a KPI return in spring.
{
  echo "urn,indicator,period,value"
  for t in autumn spring summer; do
    echo "900002,kpi_attendance_pct,2019-20/$t,96.5"
    echo "900002,kpi_persistent_absence_pct,2019-20/$t,6"
    echo "900002,kpi_reading_on_track_pct,2019-20/$t,85"
    [ $t = spring ] || echo "900002,kpi_writing_on_track_pct,2019-20/$t,82"
    echo "900002,kpi_maths_on_track_pct,2019-20/$t,84"
  done
  echo "900001,kpi_attendance_pct,2019-20/autumn,95.0"
  echo "900001,kpi_persistent_absence_pct,2019-20/autumn,12"
  echo "900001,kpi_reading_on_track_pct,2019-20/autumn,85"
  echo "900001,kpi_writing_on_track_pct,2019-20/autumn,82"
  echo "900001,kpi_maths_on_track_pct,2019-20/autumn,84"
  echo "900001,kpi_attendance_pct,2019-20/spring,93.0"
  echo "900001,kpi_persistent_absence_pct,2019-20/spring,17"
  echo "900001,kpi_reading_on_track_pct,2019-20/spring,60"
  echo "900001,kpi_writing_on_track_pct,2019-20/spring,60"
  echo "900001,kpi_maths_on_track_pct,2019-20/spring,60"
  echo "900001,partnership_visit_outcome,2019-20/spring,red"
  echo "900001,consultancy_days_used,2019-20/summer,4"
  echo "900001,ip_measurable_targets,2019-20/autumn,1"
  echo "900001,ip_resources,2019-20/autumn,0"
} >"$dir/evidence.csv"

run init && run import schools "$dir/schools.csv" && run import evidence "$dir/evidence.csv" \
  && run body add ft --kind trust --name "Focus-Trust" && run body join ft 900001 900002 --from 2019-09-01 \
  && ok || bad "setup: $(cat "$dir/err")"
run person add ceo --name "Chief Executive" --role board --body ft || bad "person ceo: $(cat "$dir/err")"
run person add aip --name "Academy Improvement Partner" --role officer --body ft || bad "person aip: $(cat "$dir/err")"
run person add head1 --name "Principal of Amber Lane" --role head --body ft --school 900001 || bad "person head1: $(cat "$dir/err")"

run policy check "$policy" && ok || bad "policy check: $(cat "$dir/out" "$dir/err")"
run policy test "$policy" && ok || bad "policy test (policies/focus-trust.tests.toml): $(cat "$dir/out" "$dir/err")"
run body adopt ft "$policy" --from 2019-09-01 && ok || bad "adopt: $(cat "$dir/err")"

# A policy with no KPI thresholds, or no Note of Visit deadlines, is refused with the key's place.
sed -e '/^\[thresholds.params.kpi.kpi_maths_on_track_pct\]/,/^red = 65.0/d' -e 's/^send_within_calendar_days = 3$//' \
    "$policy" >"$dir/broken.toml"
sed -i "s#\.\./scripts/#$src/scripts/#" "$dir/broken.toml"
run policy check "$dir/broken.toml"; rc=$?
[ $rc -eq 1 ] || [ $rc -eq 3 ] && grep -q "kpi_maths_on_track_pct.green" "$dir/out" "$dir/err" \
  && grep -q "send_within_calendar_days" "$dir/out" "$dir/err" && ok \
  || bad "§05 and the NoV deadlines are checked (rc $rc): $(cat "$dir/out" "$dir/err")"

# Trust intervention: a termly RAG, computed, with reasons.
run assess --body ft --period 2019-20/autumn --on 2019-09-02 --format json && ok || bad "assess autumn: $(cat "$dir/err")"
python3 - "$dir/out" <<'PY' && ok || bad "Trust intervention: the autumn RAG"
import json, sys
s = {x["urn"]: x for x in json.load(open(sys.argv[1]))}
assert s[900001]["level"] == "amber", s[900001]
assert s[900002]["level"] == "green", s[900002]
assert any(r.startswith("Direction of travel: none yet") for r in s[900001]["reasons"]), s[900001]["reasons"]
assert any("§13 improvement plan meets 1 of the 2" in r for r in s[900001]["reasons"]), s[900001]["reasons"]
PY
# The Chief Executive confirms at the deciding stage.
run rate 900001 --body ft --period 2019-20/autumn --subject overall --level amber --stage final --on 2019-12-16 --as ceo \
  --rationale "Confirmed for the Board" && ok || bad "CEO confirms: $(cat "$dir/err")"
run rate 900002 --body ft --period 2019-20/autumn --subject overall --level green --stage final --on 2019-12-16 --as ceo \
  && ok || bad "CEO confirms: $(cat "$dir/err")"
run rate 900002 --body ft --period 2019-20/autumn --subject overall --level green --stage final --as head1
[ $? -ne 0 ] && ok || bad "Trust intervention: only the Chief Executive (board) confirms, not a Principal"

# The spring KPIs' deadline, as the autumn assessment planned it (§05: before the spring visit).
run schedule --body ft --year 2019-20 --format json
kdue=$(python3 -c "import json,sys; print(next(a['due'] for a in json.load(open(sys.argv[1])) if a['urn']==900002 and a['rule']=='ft-05.kpis.spring'))" "$dir/out")
run assess --body ft --period 2019-20/spring --on 2020-01-06 --format json && ok || bad "assess spring: $(cat "$dir/err")"
python3 - "$dir/out" "$kdue" <<'PY' && ok || bad "Trust intervention, §05: the spring RAG, its direction of travel; a KPI missing before its deadline is not overdue"
import json, sys
s = {x["urn"]: x for x in json.load(open(sys.argv[1]))}
a, b = s[900001], s[900002]
assert "2020-01-06" < sys.argv[2], sys.argv[2]
assert a["level"] == "red" and a["previous_level"] == "amber", a
assert "Direction of travel: declining, amber last term, red now" in a["reasons"], a["reasons"]
assert any("proposes formal intervention" in r for r in a["reasons"]), a["reasons"]
assert b["level"] == "green" and "Direction of travel: steady, green last term and now" in b["reasons"], b
assert "§05 KPI return (Pupils on track in writing) for 2019-20/spring not yet returned: due %s, before the term's partnership visit" % sys.argv[2] in b["reasons"], b["reasons"]
assert not any("overdue" in r for r in b["reasons"] if "§05" in r), b["reasons"]
kpis = {r["subject"]: r["level"] for r in b["ratings"] if r["stage"] == "computed"}
assert "kpi_writing_on_track_pct" not in kpis and kpis["kpi_reading_on_track_pct"] == "green", kpis
PY
# §05: judged on the deadline day it is still not overdue; the day after, it is, an amber measure.
run assess --body ft --period 2019-20/spring --on "$kdue" --dry-run --format json
python3 -c "import json,sys; b=[x for x in json.load(open(sys.argv[1])) if x['urn']==900002][0]; assert not any('overdue' in r for r in b['reasons'] if '§05' in r), b['reasons']" "$dir/out" \
  && ok || bad "§05: on its deadline day a missing KPI is not yet overdue: $(cat "$dir/out" "$dir/err" | head -20)"
after=$(python3 -c "import datetime,sys; print(datetime.date.fromisoformat(sys.argv[1]) + datetime.timedelta(days=1))" "$kdue")
run assess --body ft --period 2019-20/spring --on "$after" --dry-run --format json
python3 - "$dir/out" "$kdue" <<'PY' && ok || bad "§05: a KPI missing after its deadline is overdue, named in the RAG reasons, an amber measure"
import json, sys
b = [x for x in json.load(open(sys.argv[1])) if x["urn"] == 900002][0]
assert "AMBER: §05 Pupils on track in writing: no KPI return for 2019-20/spring by its deadline %s, overdue" % sys.argv[2] in b["reasons"], b["reasons"]
kpis = {r["subject"]: r["level"] for r in b["ratings"] if r["stage"] == "computed"}
assert kpis["kpi_writing_on_track_pct"] == "amber", kpis
# §12, §04: neither was returned for 900002: named overdue too, with their own deadlines.
assert any(r.startswith("§12 self-evaluation statement for 2019-20/spring not returned by its deadline") for r in b["reasons"]), b["reasons"]
assert any(r.startswith("§04 teaching profile for 2019-20/spring not returned by its deadline") for r in b["reasons"]), b["reasons"]
PY
# What a Principal reads in the terminal: each KPI by the label the policy declares (§05), not its id.
run assess --body ft --period 2019-20/spring --on "$after" --dry-run
grep -q "^      Pupils on track in writing: Amber\. §05 Pupils on track in writing: no KPI return" "$dir/out" \
  && ! grep -q "kpi_writing_on_track_pct" "$dir/out" && ok || bad "§05: assess names each KPI by its policy label: $(head -20 "$dir/out")"

# The year's calendar.
run schedule --body ft --year 2019-20 --format json && ok || bad "schedule: $(cat "$dir/err")"
cp "$dir/out" "$dir/plan.json"
python3 - "$dir/plan.json" <<'PY' && ok || bad "§06, §07, §05, §12, §04, §02, §03, §08: the year's calendar"
import json, sys
acts = [a for a in json.load(open(sys.argv[1])) if a["status"] != "cancelled"]
mine = lambda urn, rule: sorted((a for a in acts if a["urn"] == urn and a["rule"] == rule), key=lambda a: a["start"])
for urn in (900001, 900002):
    autumn, spring, rt = mine(urn, "ft-06.visit.autumn"), mine(urn, "ft-06.visit.spring"), mine(urn, "ft-07.roundtable")
    # §06: at least three visits a year, one each term; the summer one is the Roundtable.
    assert len(autumn) == 1 and autumn[0]["start"] < "2019-12-21", autumn
    assert len(spring) == 1 and "2020-01-06" <= spring[0]["start"] < "2020-04-04", spring
    assert len(rt) == 1 and "2020-06-01" <= rt[0]["start"] <= "2020-07-22", rt
    # §07: the Roundtable's personnel.
    for who in ("Principal and SLT", "Chief Executive", "Academy Improvement Partner", "Trustee Advocate"):
        assert who in rt[0]["attendees"], rt[0]["attendees"]
    assert any("Chair of Governors" in w for w in rt[0]["attendees"]), rt[0]["attendees"]
    # §05, §12, §04: each term's returns are due before that term's visit.
    for term, visit in (("autumn", autumn[0]), ("spring", spring[0]), ("summer", rt[0])):
        for rule in ("ft-05.kpis", "ft-12.self-evaluation", "ft-04.teaching-profile"):
            due = mine(urn, rule + "." + term)
            assert len(due) == 1 and due[0]["due"] < visit["start"], (rule, term, due, visit)
    # §03 before the Roundtable, §08 after it.
    assert mine(urn, "ft-03.annual-summary-data")[0]["due"] < rt[0]["start"]
    assert mine(urn, "ft-08.annual-report-statement")[0]["due"] > rt[0]["start"]
    # §02: the policy's six data drop dates.
    drops = sorted(a["due"] for a in acts if a["urn"] == urn and a["rule"].startswith("ft-02.data-drop"))
    assert drops == ["2019-10-18", "2019-12-13", "2020-02-14", "2020-03-27", "2020-05-22", "2020-07-17"], drops
    # Role of the Focus Education Consultant: six days a year.
    assert len(mine(urn, "ft-fec.consultancy-day")) == 6
    assert len(mine(urn, "ft-tlr.review")) == 1
# Earned autonomy: a red academy gets an extra visit a term from its red term on; a green one none.
assert mine(900001, "ft-06.additional-visit") and not mine(900002, "ft-06.additional-visit")
# §07: a red RAG brings a Roundtable as an intervention meeting within three school weeks.
irt = mine(900001, "ft-07.intervention-roundtable")
assert len(irt) == 1 and "2020-01-06" <= irt[0]["start"] and irt[0]["end"] <= "2020-01-27", irt
assert "Trustee Advocate" in irt[0]["attendees"] and not mine(900002, "ft-07.intervention-roundtable")
# A red RAG only proposes intervention: no Task Group without the CEO's decision.
assert not [a for a in acts if a["rule"] == "ft-int.task-group"]
# The termly RAG report to the Trust Board.
assert len([a for a in acts if a["urn"] is None and a["rule"].startswith("ft-rag.board-report.")]) == 3
PY

# Trust intervention: formal intervention is the Chief Executive's recorded decision.
run rate 900001 --body ft --period 2019-20/spring --subject intervention --level formal --stage final --on 2020-01-27 \
  --as head1
[ $? -ne 0 ] && ok || bad "formal intervention is the Chief Executive's decision, not a Principal's"
run rate 900001 --body ft --period 2019-20/spring --subject intervention --level formal --stage final --on 2020-01-27 \
  --as ceo --rationale "Additional support: consultancy support." && ok || bad "intervention: $(cat "$dir/err")"
mkdir -p "$dir/letters"
run letters --body ft --period 2019-20/spring -o "$dir/letters" && ok || bad "letters: $(cat "$dir/err")"
notice=$(grep -l "formal intervention" "$dir"/letters/*.md 2>/dev/null | head -1)
[ -n "$notice" ] && grep -q "To the Principal and the Chair of Governors, Amber Lane Primary Academy" "$notice" \
  && grep -q "Task Group" "$notice" && grep -q "Chief Executive" "$notice" && ok \
  || bad "Trust intervention: the notice to the Principal and the Chair of Governors: $(cat "$dir"/letters/*.md 2>/dev/null | head -30)"
run schedule --body ft --year 2019-20 --format json
python3 - "$dir/out" <<'PY' && ok || bad "Trust intervention: a Task Group meets monthly, in term-time months, from the decision"
import json, sys
tg = sorted(a["start"] for a in json.load(open(sys.argv[1])) if a["rule"] == "ft-int.task-group" and a["status"] != "cancelled")
months = [d[:7] for d in tg]
assert months == ["2020-01", "2020-02", "2020-03", "2020-04", "2020-05", "2020-06", "2020-07"], tg
assert tg[0] >= "2020-01-27"   # none before the decision
PY
# The decision stands in later terms until ended: summer's RAG says it continues.
run assess --body ft --period 2019-20/summer --on 2020-04-20 --format json && ok || bad "assess summer: $(cat "$dir/err")"
python3 - "$dir/out" <<'PY' && ok || bad "Trust intervention: the decision stands into the summer term; consultancy days warned at the year's end"
import json, sys
s = {x["urn"]: x for x in json.load(open(sys.argv[1]))}
assert any("Formal intervention, decided by the Chief Executive, continues" in r for r in s[900001]["reasons"]), s[900001]["reasons"]
assert any("Consultancy: 4 of 6 Focus Education days used this year, 2 under" in r for r in s[900001]["reasons"]), s[900001]["reasons"]
assert any("Consultancy: 0 of 6" in r for r in s[900002]["reasons"]), s[900002]["reasons"]
PY
run schedule --body ft --year 2019-20 --format json
python3 -c "import json,sys; tg=[a for a in json.load(open(sys.argv[1])) if a['rule']=='ft-int.task-group' and a['status']!='cancelled']; assert len(tg)==7, tg" "$dir/out" \
  && ok || bad "the summer assessment keeps the Task Group"
run rate 900001 --body ft --period 2019-20/summer --subject intervention --level none --stage final --on 2020-06-29 --as ceo \
  && ok || bad "end intervention: $(cat "$dir/err")"
run schedule --body ft --year 2019-20 --format json
python3 - "$dir/out" <<'PY' && ok || bad "Trust intervention: ended by another decision, the Task Group's later meetings are cancelled"
import json, sys
tg = [a for a in json.load(open(sys.argv[1])) if a["rule"] == "ft-int.task-group"]
live = sorted(a["start"][:7] for a in tg if a["status"] != "cancelled")
assert live == ["2020-01", "2020-02", "2020-03", "2020-04", "2020-05", "2020-06"], live
assert any(a["status"] == "cancelled" and a["start"] >= "2020-06-29" for a in tg), tg
PY

# Role of the Focus Education Consultant: the Note of Visit to the Principal within three days of the
# visit, the agreed Note within one week of it; calendar days, a weekend moving to the next working day.
day=$(python3 -c "import json,sys; print(next(a['id'] for a in json.load(open(sys.argv[1])) if a['urn']==900001 and a['rule']=='ft-fec.consultancy-day'))" "$dir/plan.json")
run activity done "$day" --on 2019-10-03 --as aip && ok || bad "consultancy day done: $(cat "$dir/err")"
run note add "$day" --text "SYNTHETIC: phonics in Year 1" --as aip && ok || bad "note add: $(cat "$dir/err")"
run notes --body ft --format json
python3 - "$dir/out" <<'PY' && ok || bad "NoV: send by three calendar days after the visit (Sunday 6th: Monday 7th)"
import json, sys
n = json.load(open(sys.argv[1]))[0]
assert n["send_by"] == "2019-10-07", n
PY
note=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))[0]['id'])" "$dir/out")
run note send "$note" --on 2019-10-09 --as aip && ok || bad "note send: $(cat "$dir/err")"
run notes --body ft --format json
python3 - "$dir/out" <<'PY' && ok || bad "NoV: agreed within one week of the visit, not of sending"
import json, sys
n = json.load(open(sys.argv[1]))[0]
assert n["agree_by"] == "2019-10-10", n
assert n["overdue"], n    # today (2020-09-01) is long past it
PY
run audit --school 900001
grep -q "sent to the school on 2019-10-09 (2 days after it was due)" "$dir/out" && ok \
  || bad "NoV: a note sent late says so in the audit: $(grep -i note "$dir/out" | head)"
run note add "$day" --text "SYNTHETIC: a second note" --as aip
run note send "$((note + 1))" --on 2030-01-01 --as aip; rc=$?
[ $rc -eq 2 ] && ok || bad "a send date after today is refused (rc $rc): $(cat "$dir/err")"

# Role of the Focus Education Consultant: "concerns raised during visits are recorded and notified to the
# Chief Executive and the Academy Improvement Partner": a notice in the outbox, in the same transaction.
run note add "$day" --text "SYNTHETIC: a visit with a concern" --concern "SYNTHETIC: Year 6 cover not secured" --as aip \
  && grep -q "1 notice is in the outbox" "$dir/out" && ok || bad "note add --concern: $(cat "$dir/out" "$dir/err")"
rm -rf "$dir/concerns"; mkdir -p "$dir/concerns"
run letters --body ft --period 2019-20 -o "$dir/concerns" && ok || bad "letters 2019-20: $(cat "$dir/err")"
c=$(grep -l "Concerns raised during a visit" "$dir"/concerns/*.md 2>/dev/null | head -1)
[ -n "$c" ] && grep -q "To the Chief Executive and the Academy Improvement Partner" "$c" \
  && grep -q "Year 6 cover not secured" "$c" && grep -q "3 October 2019" "$c" && ok \
  || bad "FEC role: concerns notified to the CEO and the AIP: $(cat "$dir"/concerns/*.md 2>/dev/null | head -20)"
run notes --body ft --format json
python3 -c "import json,sys; n=json.load(open(sys.argv[1])); assert any(x['concerns']==['SYNTHETIC: Year 6 cover not secured'] for x in n), n" "$dir/out" \
  && ok || bad "the note keeps its concerns: $(cat "$dir/out")"
board=$(python3 -c "import json,sys; print(next(a['id'] for a in json.load(open(sys.argv[1])) if a['urn'] is None))" "$dir/plan.json")
run note add "$board" --text "SYNTHETIC" --concern "x" --as aip; rc=$?
[ $rc -eq 2 ] && grep -q "not about one school" "$dir/err" && ok || bad "a concern needs a school (rc $rc): $(cat "$dir/err")"

# §07: the Roundtable's written report, and the edited version for sharing with Ofsted that leaves
# out the sections the policy marks internal.
rt=$(python3 -c "import json,sys; print(next(a['id'] for a in json.load(open(sys.argv[1])) if a['urn']==900001 and a['rule']=='ft-07.roundtable'))" "$dir/plan.json")
printf '# Roundtable\n\n## Strengths\n- Reading\n\n## Internal: capability\n- A named teacher\n\n### Detail\n- more\n\n## Next steps\n- Writing\n' >"$dir/rt.md"
run activity done "$rt" --on 2020-07-01 --as aip && run note add "$rt" --file "$dir/rt.md" --as aip && ok || bad "Roundtable note: $(cat "$dir/err")"
rtnote=$(python3 -c "import json,sys; print(max(n['id'] for n in json.load(open(sys.argv[1]))))" <("$trellis" notes --body ft --format json))
run note show "$rtnote" && grep -q "A named teacher" "$dir/out" && grep -q "Next steps" "$dir/out" && ok \
  || bad "§07: the full written report: $(cat "$dir/out" "$dir/err")"
run note show "$rtnote" --edition shareable
! grep -q "A named teacher\|Internal\|more" "$dir/out" && grep -q "## Strengths" "$dir/out" && grep -q "## Next steps" "$dir/out" && ok \
  || bad "§07: the edited version leaves out the internal section and its subsections: $(cat "$dir/out" "$dir/err")"
run note show "$rtnote" --edition shareable -o "$dir/shareable.md" && ! grep -q "A named teacher" "$dir/shareable.md" \
  && grep -q "## Next steps" "$dir/shareable.md" && ok || bad "§07: the edited version written to a file: $(cat "$dir/out" "$dir/err")"
db_before=$(sha256sum "$TRELLIS_DB")
run note show "$rtnote" -o "$TRELLIS_DB"; rc=$?
[ $rc -eq 2 ] && [ "$(sha256sum "$TRELLIS_DB")" = "$db_before" ] && ok \
  || bad "note show -o the database is refused and the database kept (rc $rc): $(cat "$dir/err")"
echo "- changed" >>"$dir/rt.md"
run note show "$rtnote"; rc=$?
[ $rc -eq 3 ] && grep -q "rt.md" "$dir/err" && ok || bad "a note's file changed since is refused (rc $rc): $(cat "$dir/err")"

# Trust intervention: the Chief Executive's termly RAG report to the Trust Board shows each academy's
# RAG, the direction of travel (computed), the reasons and who confirmed it.
run rate 900001 --body ft --period 2019-20/spring --subject overall --level red --stage final --on 2020-03-27 --as ceo \
  --rationale "Confirmed for the Board's spring report" && ok || bad "CEO confirms spring: $(cat "$dir/err")"
run report --body ft --period 2019-20/spring --format json
python3 - "$dir/out" <<'PY' && ok || bad "Trust intervention: the termly Board report: RAG, direction of travel, reasons, who confirmed"
import json, sys
r = json.load(open(sys.argv[1]))
s = {x["urn"]: x for x in r["schools"]}
a, b = s[900001], s[900002]
assert a["level"] == "red" and a["decision"]["by"] == "Chief Executive" and a["decision"]["stage"] == "final", a
assert a["reasons"][0] == "Direction of travel: declining, amber last term, red now", a["reasons"]
assert any(x.startswith("RED: §05") for x in a["reasons"]), a["reasons"]
assert b["decision"] is None and b["level"] == b["computed_level"], b
assert b["reasons"][0].startswith("Direction of travel: steady"), b["reasons"]
PY
run report --body ft --period 2019-20/spring --format md
grep -q "^### Amber Lane Primary Academy (900001): red (.*confirmed at final by Chief Executive on 2020-03-27)" "$dir/out" \
  && grep -q "^- Direction of travel: declining, amber last term, red now" "$dir/out" \
  && ok || bad "Trust intervention: the Board report in Markdown: $(grep -n "900001" "$dir/out" | head -5)"

echo "$passes passed, $fails failed"
[ "$fails" -eq 0 ]
