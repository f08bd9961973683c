#!/usr/bin/env bash
# Issue 15: a merged trust switches framework without losing history, and a
# school moves from one trust to another with its history intact; `trellis
# history URN` shows it all: memberships, adoptions in force, assessments and
# decisions (who, when, why), review requests, activities done or cancelled, notes.
# Usage: school_history.sh TRELLIS SOURCE_DIR
trellis=$1 src=$2
. "$(dirname "$0")/merged_lib.sh"
urn=123404

import_telford
run body add trust-a --kind trust --name "Trust A"
run body add trust-b --kind trust --name "Trust B"
run body join trust-a $schools --from 2017-09-01
run body adopt trust-a "$src/policies/telford-and-wrekin.toml" --from 2017-09-01
run assess --body trust-a --period 2017-18 --on 2017-09-04 --format json
run assess --body trust-a --period 2018-19 --on 2018-09-03 --format json; save a-2018.json

# Under the old framework: a decision, a review, an activity held with its note.
export TRELLIS_NOW=2018-10-01T09:00:00Z
run rate $urn --body trust-a --period 2018-19 --subject overall --level amber --stage final --on 2018-09-28 \
  --by "A. Officer" --rationale "Attendance has fallen this term"
run review $urn --body trust-a --reason "The head asks for the attendance figures to be looked at again"
run review start 1
run review decide 1 --confirmed --rationale "The figures stand" --on 2018-10-01
run schedule --body trust-a --year 2018-19 --format json; save a-sched.json
held=$("$PY" -c "import json,sys; print([a['id'] for a in json.load(open(sys.argv[1])) if a['urn'] == int(sys.argv[2]) and a['type'] != 'deadline' and a['status'] in ('planned', 'overdue')][0])" "$dir/a-sched.json" $urn)
# Held on its planned day: the programme follows the discussion of the level (issue 16), after 2018-10-01.
held_on=$("$PY" -c "import json,sys; print([a['start'] for a in json.load(open(sys.argv[1])) if a['id'] == int(sys.argv[2])][0])" "$dir/a-sched.json" "$held")
export TRELLIS_NOW=${held_on}T17:00:00Z
run activity done "$held" --on "$held_on" --note "Attendance plan agreed"
run note add "$held" --text "We looked at attendance with the head."

# ---- The switch: the old plan from that day on is cancelled, with the reason ----
export TRELLIS_NOW=2018-12-10T09:00:00Z
before_switch=$(sql "select count(*) from activities where body_id = 'trust-a' and status = 'planned' and start_date >= '2019-01-01'")
[ "$before_switch" -gt 0 ] && ok || bad "the old framework planned activities after the switch (test setup)"
run body adopt trust-a "$src/policies/nexus.toml" --from 2019-01-01
grep -q "^$before_switch activities planned under telford-la from 2019-01-01 on are cancelled" "$dir/out" \
  && ok || { bad "body adopt says how many of the old plan it cancelled"; cat "$dir/out"; }
[ "$(sql "select count(*) from activities where body_id = 'trust-a' and status = 'cancelled' and reason = 'framework changed on 2019-01-01'")" = "$before_switch" ] \
  && [ "$(sql "select count(*) from activities where body_id = 'trust-a' and status = 'planned' and start_date >= '2019-01-01'")" = 0 ] \
  && [ "$(sql "select count(*) from activities where body_id = 'trust-a' and reason = 'framework changed on 2019-01-01' and start_date < '2019-01-01'")" = 0 ] \
  && [ "$(sql "select status from activities where id = $held")" = done ] \
  && ok || bad "switch: what the old regime planned from the day is cancelled with the reason; what came before is kept"
run body list --format json; save bodies.json
py <<'PY' && ok || bad "body list: each body's adoption history, the earlier one ending the day before"
import json, sys
a = [b for b in json.load(open(sys.argv[1] + "/bodies.json")) if b["id"] == "trust-a"][0]
h = [(x["regime"], x["from"], x["to"]) for x in a["adoptions"]]
assert h == [("telford-la", "2017-09-01", "2018-12-31"), ("nexus-mat", "2019-01-01", None)], h
PY
run body list
grep -q "telford-la 2024-25.1 2017-09-01..2018-12-31; nexus-mat" "$dir/out" && ok || { bad "body list table: the adoptions"; cat "$dir/out"; }

# ---- The first period under the new framework: no false change, no letter ----
export TRELLIS_NOW=2019-01-07T09:00:00Z
letters=$(sql "select count(*) from outbox where body_id = 'trust-a'")
run assess --body trust-a --period 2018-19/spring --on 2019-01-07 --format json; save a-spring.json
py $urn <<'PY' && ok || bad "switch: first assessment under nexus-mat, was the decided level under telford-la; never a change"
import json, sys
d, urn = sys.argv[1], int(sys.argv[2])
was = {s["urn"]: s["level"] for s in json.load(open(d + "/a-2018.json"))}
was[urn] = "amber"  # the officer's decision counts
for s in json.load(open(d + "/a-spring.json")):
    assert s["regime"] == "nexus-mat" and s["previous_level"] is None and not s["changed"], s
    assert s["switch"] == "first assessment under nexus-mat (was %s under telford-la)" % was[s["urn"]], s["switch"]
PY
[ "$(sql "select count(*) from outbox where body_id = 'trust-a'")" = "$letters" ] && ok || bad "switch: no letter is written"
[ "$(sql "select min(start_date) from activities where body_id = 'trust-a' and status = 'planned' and assessment_id in (select id from assessments where regime = 'nexus-mat')")" \> 2019-01-06 ] \
  && ok || bad "switch: the new regime's plan starts after the switch"
run report --body trust-a --period 2018-19 --format json; save a-report.json
py $urn <<'PY' && ok || bad "report: the old framework's period is still read under it, with the decision"
import json, sys
r, urn = json.load(open(sys.argv[1] + "/a-report.json")), int(sys.argv[2])
s = [s for s in r["schools"] if s["urn"] == urn][0]
assert r["regime"] == "telford-la" and s["level"] == "amber" and s["decision"]["by"] == "A. Officer", (r["regime"], s)
PY

# ---- The school moves to another trust ----
export TRELLIS_NOW=2019-04-23T09:00:00Z
"$trellis" body leave trust-b $urn --on 2019-03-31 >"$dir/out" 2>&1; [ $? -eq 2 ] && ok || bad "body leave: a school that is not a member is refused (exit 2)"
run body leave trust-a $urn --on 2019-03-31
run body adopt trust-b "$src/policies/telford-and-wrekin.toml" --from 2018-09-01
run body join trust-b $urn --from 2019-04-01
run assess --body trust-a --period 2018-19/summer --on 2019-04-23 --format json; save a-summer.json
run assess --body trust-b --period 2018-19/summer --on 2019-04-23 --format json; save b-summer.json
py $urn <<'PY' && ok || bad "move: the old trust no longer assesses the school; the new one does, on its public evidence"
import json, sys
d, urn = sys.argv[1], int(sys.argv[2])
assert urn not in {s["urn"] for s in json.load(open(d + "/a-summer.json"))}
b = json.load(open(d + "/b-summer.json"))
assert [s["urn"] for s in b] == [urn] and b[0]["level"] in ("green", "yellow", "amber", "red"), b
assert any(".csv line" in r for r in b[0]["reasons"]), b[0]["reasons"]
PY
[ "$(sql "select count(*) from assessments where urn = $urn and body_id = 'trust-a'")" = 3 ] \
  && [ "$(sql "select count(*) from ratings where urn = $urn and body_id = 'trust-a' and stage = 'final'")" = 1 ] \
  && ok || bad "move: what trust A recorded on the school stays attributed to trust A"

# ---- history: one school across bodies and regimes ----
run history $urn --format json; save h.json
py $urn <<'PY' && ok || bad "history: memberships and the adoptions in force while a member"
import json, sys
h = json.load(open(sys.argv[1] + "/h.json"))
assert h["urn"] == int(sys.argv[2]) and h["current_body"] == "trust-b"
assert [(m["body"], m["from"], m["to"]) for m in h["memberships"]] == [("trust-a", "2017-09-01", "2019-03-31"), ("trust-b", "2019-04-01", None)]
assert [(a["body"], a["regime"], a["from"], a["to"]) for a in h["adoptions"]] == [
    ("trust-a", "telford-la", "2017-09-01", "2018-12-31"), ("trust-a", "nexus-mat", "2019-01-01", "2019-03-31"),
    ("trust-b", "telford-la", "2019-04-01", None)], h["adoptions"]
PY
py <<'PY' && ok || bad "history: assessments under both regimes and both bodies, tagged before and after joining"
import json, sys
e = [e for e in json.load(open(sys.argv[1] + "/h.json"))["events"] if e["kind"] == "assessment"]
got = [(x["body"], x["regime"], x["period"], x["joining"]) for x in e]
assert got == [("trust-a", "telford-la", "2017-18", "before"), ("trust-a", "telford-la", "2018-19", "before"),
               ("trust-a", "nexus-mat", "2018-19/spring", "before"), ("trust-b", "telford-la", "2018-19/summer", "after")], got
assert all(x["who"] == "tester" for x in e), [x["who"] for x in e]
assert "first assessment under nexus-mat (was amber under telford-la)" in e[2]["summary"], e[2]["summary"]
PY
py <<'PY' && ok || bad "history: the decision with who and why, the review and its outcome, the note"
import json, sys
ev = json.load(open(sys.argv[1] + "/h.json"))["events"]
d = [e for e in ev if e["kind"] == "decision"]
assert len(d) == 1 and (d[0]["level"], d[0]["who"], d[0]["why"], d[0]["date"]) == ("amber", "A. Officer", "Attendance has fallen this term", "2018-09-28"), d
r = [e for e in ev if e["kind"] == "review"]
assert len(r) == 1 and r[0]["status"] == "confirmed" and r[0]["why"] == "The figures stand", r
n = [e for e in ev if e["kind"] == "note"]
assert len(n) == 1 and n[0]["why"] == "We looked at attendance with the head.", n
PY
py "$held_on" <<'PY' && ok || bad "history: activities held, and those cancelled by the switch with the reason"
import json, sys
ev = json.load(open(sys.argv[1] + "/h.json"))["events"]
act = [e for e in ev if e["kind"] == "activity"]
done = [e for e in act if e["status"] == "done"]
assert len(done) == 1 and done[0]["why"] == "Attendance plan agreed" and done[0]["date"] == sys.argv[2], done
cancelled = [e for e in act if e["status"] == "cancelled" and e["why"] == "framework changed on 2019-01-01"]
assert cancelled and all(e["date"] >= "2019-01-01" and e["body"] == "trust-a" for e in cancelled)
assert [e["date"] for e in ev] == sorted(e["date"] for e in ev)
PY
# ---- What the receiving trust sees: its own, and earlier judgements only where its policy allows ----
run history $urn --body trust-b --format json; save hb.json
py <<'PY' && ok || bad "history --body: by default the receiving trust sees its own records and the memberships, not trust A's"
import json, sys
h = json.load(open(sys.argv[1] + "/hb.json"))
assert {e["body"] for e in h["events"] if e["kind"] not in ("joined", "left", "adopted")} == {"trust-b"}, h["events"]
assert len(h["memberships"]) == 2
PY
shared=$(policy_copy shared telford-and-wrekin.toml telford)
printf '\n[history]\nearlier_bodies = true\nresults = ["ofsted_grade", "ofsted_inspection_date"]\n' >>"$shared"
run body adopt trust-b "$shared" --from 2019-04-01
run history $urn --body trust-b --format json; save hb2.json
py <<'PY' && ok || bad "history --body: with [history] earlier_bodies, trust A's judgements, marked before joining; not its activities or notes"
import json, sys
ev = json.load(open(sys.argv[1] + "/hb2.json"))["events"]
a = [e for e in ev if e["body"] == "trust-a" and e["kind"] not in ("joined", "left", "adopted")]
assert {e["kind"] for e in a} == {"assessment", "decision", "review"}, {e["kind"] for e in a}
assert all(e["joining"] == "before" for e in a)
assert [e["joining"] for e in ev if e["body"] == "trust-b" and e["kind"] == "assessment"] == ["after"]
PY

run history $urn
grep -q "^Memberships:" "$dir/out" && grep -q "trust-a (Trust A) from 2017-09-01 to 2019-03-31" "$dir/out" \
  && grep -q "\[before joining trust-b\]" "$dir/out" && grep -q "why: framework changed on 2019-01-01" "$dir/out" \
  && ok || { bad "history: the readable timeline"; head -30 "$dir/out"; }
# ---- The receiving trust's report: results before and after joining, apart ----
# An inspection after the school joined (SYNTHETIC, in the inspections file's format; the real data ends in 2018).
printf 'URN,Rating,Inspection Date\n%s,Requires improvement,20190612\n' $urn >"$dir/inspection-2019.csv"
run import evidence "$dir/inspection-2019.csv"
run assess --body trust-b --period 2018-19/summer --on 2019-04-23
run report --body trust-b --period 2018-19/summer --format json; save b-report.json
py $urn <<'PY' && ok || bad "report: the school's inspections before and after it joined, apart; trust A's judgements made before"
import json, sys
r, urn = json.load(open(sys.argv[1] + "/b-report.json")), int(sys.argv[2])
s = [s for s in r["schools"] if s["urn"] == urn][0]
assert s["joined"] == "2019-04-01", s["joined"]
res = [(x["when"], x["result"], x["period"], x["value"]) for x in s["results"]]
dates = [x for x in res if x[1] == "Date of the last Ofsted inspection"]
assert ("after joining", "Date of the last Ofsted inspection", "2018-19", "2019-06-12") in dates, res
assert all(x[0] == "before joining" for x in dates if x[3] < "2019-04-01"), res
grades = [x for x in res if x[1].startswith("Ofsted overall")]
# A grade stands for its academic year: the inspection in the year the school joined is marked so.
assert ("in the year of joining", "Ofsted overall effectiveness", "2018-19", "3 (Requires improvement)") in grades, grades
assert all(x[0] == "before joining" for x in grades if x[2] < "2018-19"), res
earlier = [x for x in res if x[1].startswith("Level under ")]
assert [x[1:3] for x in earlier] == [("Level under telford-la", "2017-18"), ("Level under telford-la", "2018-19"),
                                     ("Level under nexus-mat", "2018-19/spring")] and all(x[0] == "before joining" for x in earlier), earlier
assert [x[0] for x in res].index("after joining") > max(i for i, x in enumerate(res) if x[0] == "before joining"), res
PY
run report --body trust-b --period 2018-19/summer --format md
grep -q "^## Before and after joining" "$dir/out" && grep -q "| after joining | Date of the last Ofsted inspection | 2018-19 | 2019-06-12 |" "$dir/out" \
  && ok || { bad "report md: the before and after joining section"; grep -n -A12 "Before and after" "$dir/out"; }
run report --body trust-b --period 2018-19/summer
grep -q "^      Before and after joining (joined 2019-04-01):" "$dir/out" && grep -q "^        after joining: Date of the last Ofsted inspection, 2018-19: 2019-06-12" "$dir/out" \
  && ok || { bad "report table: the before and after joining lines"; cat "$dir/out"; }
run report --body trust-a --period 2018-19 --format json; save a-report2.json
py <<'PY' && ok || bad "report: a policy that names no [history] results shows none"
import json, sys
r = json.load(open(sys.argv[1] + "/a-report2.json"))
assert all(s["results"] == [] and s["joined"] is None for s in r["schools"]), [s["results"] for s in r["schools"]]
PY
bad_results=$(policy_copy badresults telford-and-wrekin.toml telford)
printf '\n[history]\nresults = ["ofsted_grade", "ofsted_grde"]\n' >>"$bad_results"
line=$(grep -n '^results = \["ofsted_grade", "ofsted_grde"\]' "$bad_results" | cut -d: -f1)
"$trellis" policy check "$bad_results" >"$dir/out" 2>&1
[ $? -eq 1 ] && grep -q "telford-and-wrekin.toml:$line:[0-9]*: expected an indicator the regime 'telford-la' reads, found \"ofsted_grde\"" "$dir/out" \
  && ok || { bad "policy check: [history] results names an indicator the regime does not read, at file:line:col"; cat "$dir/out"; }

"$trellis" history 999999 >"$dir/out" 2>&1; [ $? -eq 2 ] && grep -q "999999" "$dir/out" && ok || bad "history: an unknown URN is bad usage (exit 2)"

finish
