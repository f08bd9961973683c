#!/usr/bin/env bash
# Decisions, history and time (issue 10), end to end on the real Telford and
# Wrekin data (LA 894): a decision that counts and re-plans, a mid-year
# re-band that plans nothing in the past, a moved and a cancelled meeting in
# the ICS, minutes in office working days, stale evidence, insufficient
# evidence, and a framework switch with no false change of band. Each check
# names what it holds to: the Telford policy (shared/seeds/003) section, or
# DESIGN.md's vocabulary.
# Usage: history.sh TRELLIS SOURCE_DIR
set -u
trellis=$1 src=$2
ex=$src/examples/telford-and-wrekin
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
export TRELLIS_DB=$dir/t.db TRELLIS_NOW=2018-09-03T09:00:00Z TRELLIS_USER=tester
PY=$(command -v /usr/bin/python3 || command -v python3)
passes=0 fails=0
ok() { passes=$((passes+1)); }
bad() { fails=$((fails+1)); echo "FAIL: $*"; }
run() { "$trellis" "$@" >"$dir/out" 2>"$dir/err" || { bad "trellis $* exited $?"; cat "$dir/err"; }; }
py() { "$PY" - "$dir" "$@"; }
save() { cp "$dir/out" "$dir/$1"; }

import_telford() {
  run init
  run import schools "$ex/data/england_spine.csv"
  run import evidence "$ex/data/ks2_perf_2018.csv" --period 2017-18
  for f in england_census england_abs england_ks4provisional; do run import evidence "$ex/data/$f.csv" --period 2018-19; done
  run import evidence "$ex/data/ofsted_ratings_2018.csv"
  run import evidence "$ex/data/national-benchmarks.csv"
  run import evidence "$ex/la-held-evidence-2018-19.csv" --period 2018-19
}

import_telford
run body add telford --kind la --name "Telford and Wrekin Council"
run body join telford --la 894 --from 2017-09-01
run body adopt telford "$src/policies/telford-and-wrekin.toml" --from 2017-09-01
run assess --body telford --period 2017-18 --on 2017-09-04 --format json
run assess --body telford --period 2018-19 --on 2018-09-03 --format json; save assess-2018.json
export TRELLIS_NOW=2018-10-01T09:00:00Z
run schedule --body telford --year 2018-19 --format json; save before.json

# ---- A decision counts, and re-plans the school from the day it was taken ----
urn=$("$PY" -c "import json,sys; print([s['urn'] for s in json.load(open(sys.argv[1])) if s['level']=='amber'][0])" "$dir/assess-2018.json")
run rate "$urn" --body telford --period 2018-19 --subject overall --level yellow --stage final --on 2018-10-01 \
  --by "A. Officer" --rationale "New leadership has already addressed the exclusions"
grep -q "re-made\|Its plan from 2018-10-01" "$dir/out" && ok || { bad "rate says the school's plan was re-made"; cat "$dir/out"; }
# Issue 11: the audit row says what the decision changed, in its hash-chained `changes`.
run audit --school "$urn" --format json; save audit.json
py "$urn" <<'PY' && ok || bad "audit --format json: the rating's id, and the level that counted before and after"
import json, sys
d, urn = sys.argv[1], int(sys.argv[2])
rate = [r for r in json.load(open(d + "/audit.json")) if r["command"] == "rate"][-1]
c = rate["changes"]
assert c["urn"] == urn and (c["subject"], c["stage"], c["level"]) == ("overall", "final", "yellow"), c
assert isinstance(c["rating"], int) and c["rating"] > 0, c
assert c["counted_level"] == {"from": "amber", "to": "yellow"}, c
assert c["replan"]["cancelled"] > 0 and c["replan"]["added"] > 0, c
PY
run audit --school "$urn" --format csv --changes
head -1 "$dir/out" | tr -d '\r' | grep -qx "id,at,who,role,command,summary,changes" && grep -q '""counted_level"":{""from"":""amber""' "$dir/out" \
  && ok || { bad "audit --changes: a csv column of the JSON"; cat "$dir/out"; }
run schedule --body telford --year 2018-19 --format json; save decided.json
py "$urn" <<'PY' && ok || bad "s5 + DESIGN Decision: the officer's final level re-plans the school from the day decided"
import json, sys
d, urn = sys.argv[1], int(sys.argv[2])
before = {a["id"]: a for a in json.load(open(d + "/before.json"))}
after = {a["id"]: a for a in json.load(open(d + "/decided.json"))}
assert set(before) <= set(after), "an activity was deleted or renumbered"
for i, a in before.items():
    b = after[i]
    assert a["uid"] == b["uid"]
    if a["urn"] != urn or a["start"] < "2018-10-01":   # other schools, and the school's past: untouched
        assert (a["start"], a["end"], a["status"], a["sequence"]) == (b["start"], b["end"], b["status"], b["sequence"]), (a, b)
gone = [a for a in after.values() if a["urn"] == urn and a["status"] == "cancelled"]
assert gone and all(a["start"] >= "2018-10-01" for a in gone)
assert all("level decided as yellow" in a["reason"] and "A. Officer" in a["reason"] for a in gone), gone[0]
assert {a["rule"] for a in gone} >= {"s8.monitoring-meeting", "s7.amber.interim-visit"}
new = [a for i, a in after.items() if i not in before]
assert new and all(a["urn"] == urn and a["start"] >= "2018-10-01" for a in new), new[:2]
assert any(a["rule"] == "s7.yellow.qa-visit" for a in new)
PY
run report --body telford --period 2018-19 --format json; save report.json
py "$urn" <<'PY' && ok || bad "DESIGN Decision: the report counts the decided level, with the computed one, who, when and why"
import json, sys
d, urn = sys.argv[1], int(sys.argv[2])
r = json.load(open(d + "/report.json"))
computed = [s["level"] for s in json.load(open(d + "/assess-2018.json"))]
counts = {c["level"]: c["schools"] for c in r["counts"]}
assert counts["amber"] == computed.count("amber") - 1 and counts["yellow"] == computed.count("yellow") + 1, counts
s = [s for s in r["schools"] if s["urn"] == urn][0]
assert s["level"] == "yellow" and s["computed_level"] == "amber"
assert s["decision"] == {"level": "yellow", "stage": "final", "by": "A. Officer", "on": "2018-10-01",
                         "rationale": "New leadership has already addressed the exclusions"}, s["decision"]
assert not s["letter"].startswith("/")
PY
run report --body telford --period 2018-19 --format md
grep -q "yellow (decided at final by A. Officer on 2018-10-01; computed: amber)" "$dir/out" && ok \
  || bad "the Markdown report shows the decided and the computed level side by side"

letters() { "$PY" -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from outbox where urn = ?', (int(sys.argv[2]),)).fetchone()[0])" "$TRELLIS_DB" "$1"; }
told=$(letters "$urn")
run assess --body telford --period 2018-19 --on 2018-10-01 --format json; save reassess.json
[ "$(letters "$urn")" = "$told" ] && ok || bad "s5: re-assessing writes no second letter for a level the head was already told"
py "$urn" <<'PY' && ok || bad "DESIGN Decision: a re-assessment keeps the decision as the level that counts"
import json, sys
s = [s for s in json.load(open(sys.argv[1] + "/reassess.json")) if s["urn"] == int(sys.argv[2])][0]
assert s["level"] == "yellow" and s["computed_level"] == "amber" and s["decision"]["by"] == "A. Officer", s
PY

# A term's assessment stands on the year's decision (a decision on the year counts for each of its terms).
run assess --body telford --period 2018-19/autumn --on 2018-10-01 --format json; save autumn.json
py "$urn" <<'PY' && ok || bad "DESIGN Decision: the year's decision counts in a term's assessment"
import json, sys
s = [s for s in json.load(open(sys.argv[1] + "/autumn.json")) if s["urn"] == int(sys.argv[2])][0]
assert s["level"] == "yellow" and s["decision"]["by"] == "A. Officer" and not s["changed"], s
PY
counts() { "$PY" -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); print([c.execute('select count(*) from ' + t).fetchone()[0] for t in ('ratings','activities','outbox','assessments')], c.execute('select max(sequence), sum(status = \"moved\") from activities').fetchone())" "$TRELLIS_DB"; }
before=$(counts)
refused() { # exit-code name command...: refused with that code, and nothing written
  local want=$1 name=$2; shift 2
  "$trellis" "$@" >"$dir/out" 2>"$dir/err"; local got=$?
  [ "$got" -eq "$want" ] && [ "$(counts)" = "$before" ] && ok || { bad "$name: exit $got (wanted $want), or something was written"; cat "$dir/err"; }
}
refused 2 "assess --on outside the period's year" assess --body telford --period 2018-19 --on 2020-03-01
refused 2 "assess --on after today" assess --body telford --period 2018-19 --on 2018-12-01
refused 2 "rate --on after today" rate "$urn" --body telford --period 2018-19 --subject overall --level amber --stage final --on 2018-12-01 --by x
refused 3 "rate at the computed stage (the regime's own)" rate "$urn" --body telford --period 2018-19 --subject overall --level amber --stage computed --by x
academy=$("$PY" -c "import json,sys; print([s['urn'] for s in json.load(open(sys.argv[1])) if s['level']=='academy'][0])" "$dir/assess-2018.json")
refused 3 "rate refuses a school the regime does not classify (an academy under the LA)" rate "$academy" --body telford --period 2018-19 --subject overall --level amber --stage final --by x
visit=$("$PY" -c "import json,sys; print([a['id'] for a in json.load(open(sys.argv[1])) if a['urn'] == int(sys.argv[2]) and a['status'] == 'planned' and a['type'] == 'visit'][-1])" "$dir/decided.json" "$urn")
refused 3 "activity move to a Saturday, without --force" activity move "$visit" --to 2019-03-16 --reason "x"
refused 3 "activity move outside its year" activity move "$visit" --to 2019-09-12 --reason "x"
run activity move "$visit" --to 2019-03-16 --reason "Saturday open day" --force

# ---- A mid-year re-band plans nothing in the past and keeps what is unchanged ----
green=$("$PY" -c "import json,sys; print([s['urn'] for s in json.load(open(sys.argv[1])) if s['level']=='green'][0])" "$dir/assess-2018.json")
export TRELLIS_NOW=2019-01-14T09:00:00Z
run schedule --body telford --year 2018-19 --format json; save before-reband.json
run record "$green" --indicator safeguarding_concern --period 2018-19 --value 1 --note "Referral made" --by "A. Officer"
run assess --body telford --period 2018-19 --on 2019-01-14 --format json; save reband.json
run schedule --body telford --year 2018-19 --format json; save after-reband.json
py "$green" <<'PY' && ok || bad "mid-year re-band: nothing planned before the day, ids and UIDs of unchanged activities kept"
import json, sys
d, urn = sys.argv[1], int(sys.argv[2])
s = [s for s in json.load(open(d + "/reband.json")) if s["urn"] == urn][0]
assert s["level"] == "red", s["level"]
before = {a["id"]: a for a in json.load(open(d + "/before-reband.json"))}
after = {a["id"]: a for a in json.load(open(d + "/after-reband.json"))}
assert set(before) <= set(after), "an activity was deleted or renumbered"
assert all(after[i]["uid"] == a["uid"] for i, a in before.items())
new = [a for i, a in after.items() if i not in before]
assert new and all(a["start"] >= "2019-01-14" for a in new), [a for a in new if a["start"] < "2019-01-14"][:2]
past = [a for a in before.values() if a["start"] < "2019-01-14"]
assert all((after[a["id"]]["start"], after[a["id"]]["status"]) == (a["start"], a["status"]) for a in past)
unchanged = [a for a in before.values() if a["urn"] not in (urn, None) and a["start"] >= "2019-01-14"]
bad = [(a, after[a["id"]]) for a in unchanged if (after[a["id"]]["sequence"], after[a["id"]]["start"]) != (a["sequence"], a["start"])]
assert unchanged and not bad, bad[:2]
assert True or all(after[a["id"]]["sequence"] == a["sequence"] and after[a["id"]]["start"] == a["start"]
                         for a in unchanged)
cancelled = [a for a in after.values() if a["urn"] == urn and a["status"] == "cancelled"]
assert cancelled and all(a["start"] >= "2019-01-14" and "re-assessed" in a["reason"] for a in cancelled)
PY

run assess --body telford --period 2018-19 --on 2019-01-14
grep -q "^The year's plan from 2019-01-14: [0-9]* unchanged; [0-9]* kept as they were" "$dir/out" && ok \
  || { bad "re-assessing with nothing changed moves, cancels and adds nothing"; grep "plan from" "$dir/out"; }

# ---- Minutes within seven working days (s8) count the office's days, through half-term ----
meeting=$("$PY" -c "
import json,sys
d = json.load(open(sys.argv[1]))
print([a['id'] for a in d if a['urn'] == int(sys.argv[2]) and a['rule'] == 's8.monitoring-meeting' and a['status'] in ('planned', 'overdue') and a['start'] >= '2019-04-23'][0])" \
  "$dir/after-reband.json" "$green")
run activity move "$meeting" --to 2019-05-23 --reason "Chair of governors unavailable on the planned day"
run schedule --body telford --year 2018-19 --format json; save moved.json
py "$meeting" <<'PY' && ok || bad "s8: minutes within seven working days across May half-term (due 2019-06-04)"
import json, sys
d = json.load(open(sys.argv[1] + "/moved.json"))
m = [a for a in d if a["id"] == int(sys.argv[2])][0]
assert m["status"] == "moved" and m["start"] == "2019-05-23" and m["sequence"] >= 1
minutes = [a for a in d if a["urn"] == m["urn"] and a["rule"] == "s8.minutes" and "2019-05-23" in a["title"]]
# 24, 28-31 May, 3-4 June: half-term (27-31 May) is the office's time too; 27 May is a bank holiday.
assert minutes and minutes[0]["due"] == "2019-06-04", minutes
PY
cancel=$("$PY" -c "
import json,sys
d = json.load(open(sys.argv[1]))
print([a['id'] for a in d if a['urn'] == int(sys.argv[2]) and a['rule'] == 's7.red.interim-visit' and a['status'] in ('planned', 'overdue')][-1])" \
  "$dir/moved.json" "$green")
run activity cancel "$cancel" --reason "Combined with the monitoring meeting"
run schedule --body telford --year 2018-19 --format ics -o "$dir/t.ics"
"$PY" - "$dir/t.ics" "$dir/moved.json" "$meeting" "$cancel" <<'PY' && ok || bad "ICS: the moved meeting and the cancelled visit, read back by python3-icalendar"
import json, sys
from icalendar import Calendar
cal = Calendar.from_ical(open(sys.argv[1], "rb").read())
acts = {a["id"]: a for a in json.load(open(sys.argv[2]))}
events = {str(e["UID"]): e for e in cal.walk("VEVENT")}
moved, cancelled = events[acts[int(sys.argv[3])]["uid"]], events[acts[int(sys.argv[4])]["uid"]]
assert str(moved["DTSTART"].dt)[:10] == "2019-05-23" and int(moved["SEQUENCE"]) >= 1 and str(moved["STATUS"]) == "CONFIRMED"
assert str(cancelled["STATUS"]) == "CANCELLED" and int(cancelled["SEQUENCE"]) >= 1
assert "Combined with the monitoring meeting" in str(cancelled.get("DESCRIPTION", ""))
PY

# ---- The next period: the decision is its previous level; stale evidence is named and not used ----
export TRELLIS_NOW=2019-09-02T09:00:00Z
run assess --body telford --period 2019-20 --on 2019-09-02 --format json; save assess-2019.json
# A decision on 2018-19 recorded after 2019-20 was assessed: 2019-20's previous level follows it.
late=$("$PY" -c "import json,sys; print([s['urn'] for s in json.load(open(sys.argv[1])) if s['level'] == 'green' and s['previous_level'] == 'green'][0])" "$dir/assess-2019.json")
run rate "$late" --body telford --period 2018-19 --subject overall --level amber --stage final --on 2019-09-02 \
  --by "A. Officer" --rationale "Recorded late"
run report --body telford --period 2019-20 --format json
py "$late" <<'PY' && ok || bad "DESIGN Decision: a later decision on the earlier period becomes the next period's previous level"
import json, sys
r = json.load(open(sys.argv[1] + "/out"))
s = [s for s in r["schools"] if s["urn"] == int(sys.argv[2])][0]
assert s["previous_level"] == "amber" and any(c["urn"] == int(sys.argv[2]) for c in r["changes"]), s
PY
py "$urn" <<'PY' && ok || bad "DESIGN Decision: the officer's final level is the next period's previous level"
import json, sys
s = [s for s in json.load(open(sys.argv[1] + "/assess-2019.json")) if s["urn"] == int(sys.argv[2])][0]
assert s["previous_level"] == "yellow", s["previous_level"]
PY
py <<'PY' && ok || bad "evidence age: 2018-19 LA-held notes and 2017-18 KS2 results are named and not used for 2019-20"
import json, sys
d = json.load(open(sys.argv[1] + "/assess-2019.json"))
reasons = [r for s in d for r in s["reasons"]]
assert any(r.startswith("2018-19 Qualifying complaints not used for 2019-20: older than the policy allows") for r in reasons)
assert any(r.startswith("2017-18 KS2 reading, writing and maths") and "not used for 2019-20" in r for r in reasons)
assert not any("Qualifying complaints:" in r and "recorded" in r for r in reasons)   # the stale figure raised nothing
PY
py <<'PY' && ok || bad "every reason that cites a figure says the year it is for"
import json, re, sys
d = json.load(open(sys.argv[1] + "/assess-2018.json"))
cited = [r for s in d for r in s["reasons"] if ".csv line" in r]
assert cited and all(re.search(r"\(20\d\d-\d\d, [^)]*\.csv line \d+\)", r) for r in cited), [r for r in cited if not re.search(r"\(20\d\d-\d\d, ", r)][:2]
PY

# ---- A framework switch: a first assessment under the new regime, never a change of band ----
export TRELLIS_NOW=2018-09-03T09:00:00Z
run body add merged --kind trust --name "A merged trust"
run body join merged 123364 123377 123404 123433 123441 --from 2017-09-01
run body adopt merged "$src/policies/telford-and-wrekin.toml" --from 2017-09-01
run assess --body merged --period 2017-18 --on 2017-09-04 --format json; save merged-2017.json
run body adopt merged "$src/policies/nexus.toml" --from 2018-09-01
run assess --body merged --period 2018-19/autumn --on 2018-09-03 --format json; save merged-2018.json
py <<'PY' && ok || bad "switch: no previous level from the other regime, no change of band, said as such"
import json, sys
d = json.load(open(sys.argv[1] + "/merged-2018.json"))
was = {s["urn"]: s["level"] for s in json.load(open(sys.argv[1] + "/merged-2017.json"))}
assert len(d) == 5
for s in d:
    assert s["regime"] == "nexus-mat" and s["previous_level"] is None and not s["changed"], s
    assert s["switch"] == "first assessment under nexus-mat (was %s under telford-la)" % was[s["urn"]], s["switch"]
PY
[ "$("$PY" -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(\"select count(*) from outbox where body_id = 'merged' and period = '2018-19/autumn'\").fetchone()[0])" "$TRELLIS_DB")" = 0 ] \
  && ok || bad "switch: no letter is written for it"
run report --body merged --period 2018-19/autumn --format json; save merged-report.json
py <<'PY' && ok || bad "switch: the report lists first assessments under the new regime, and no changes"
import json, sys
r = json.load(open(sys.argv[1] + "/merged-report.json"))
assert r["changes"] == [] and len(r["switches"]) == 5 and all(s["was_regime"] == "telford-la" for s in r["switches"])
PY
mkdir -p "$dir/draft/policies" "$dir/draft/scripts"
cp -r "$src/scripts/nexus" "$dir/draft/scripts/"
cp "$src/policies/nexus.toml" "$dir/draft/policies/"
cat >>"$dir/draft/policies/nexus.toml" <<'TOML'

# A merged trust's crosswalk from the LA's bands to the tiers.
[crosswalk.telford-la]
green = "prevention"
yellow = "prevention"
amber = "early_intervention"
red = "formal_intervention"
TOML
run policy check "$dir/draft/policies/nexus.toml"
run assess --body merged --period 2018-19/autumn --on 2018-09-03 --policy "$dir/draft/policies/nexus.toml" --dry-run --format json
save crosswalk.json
py <<'PY' && ok || bad "crosswalk: a policy's [crosswalk] compares like with like across the switch"
import json, sys
d = json.load(open(sys.argv[1] + "/crosswalk.json"))
was = {s["urn"]: s["level"] for s in json.load(open(sys.argv[1] + "/merged-2017.json"))}
walk = {"green": "prevention", "yellow": "prevention", "amber": "early_intervention", "red": "formal_intervention"}
for s in d:
    assert s["previous_level"] == walk[was[s["urn"]]] and s["switch"] is None, s
    assert s["changed"] == (s["level"] != s["previous_level"])
PY

# ---- [decisions] letters = "on_decision": no letter on a computed change, one once it is decided ----
export TRELLIS_NOW=2018-09-20T09:00:00Z
mkdir -p "$dir/od/policies" "$dir/od/scripts"
cp -r "$src/scripts/telford" "$dir/od/scripts/"
sed 's/^letters = "provisional"$/letters = "on_decision"/' "$src/policies/telford-and-wrekin.toml" >"$dir/od/policies/t.toml"
run body add od --kind la --name "An LA that writes only once decided"
run body join od 123364 123377 123404 123433 123441 --from 2017-09-01
run body adopt od "$dir/od/policies/t.toml" --from 2017-09-01
run assess --body od --period 2017-18 --on 2017-09-04 --format json
run assess --body od --period 2018-19 --on 2018-09-03 --format json; save od.json
od_letters() { "$PY" -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(\"select count(*) from outbox where body_id = 'od'\").fetchone()[0])" "$TRELLIS_DB"; }
changed=$("$PY" -c "import json,sys; print([s['urn'] for s in json.load(open(sys.argv[1])) if s['changed']][0])" "$dir/od.json")
[ "$(od_letters)" = 0 ] && ok || bad "on_decision: a computed change writes no letter"
level=$("$PY" -c "import json,sys; print([s['level'] for s in json.load(open(sys.argv[1])) if s['urn'] == int(sys.argv[2])][0])" "$dir/od.json" "$changed")
run rate "$changed" --body od --period 2018-19 --subject overall --level "$level" --stage final --on 2018-09-20 \
  --by "A. Officer" --rationale "Confirmed after a visit"
"$PY" - "$TRELLIS_DB" "$changed" <<'PY' && ok || bad "on_decision: the decision writes the head one letter, not provisional"
import sqlite3, sys
rows = sqlite3.connect(sys.argv[1]).execute("select kind, provisional, text from outbox where body_id = 'od'").fetchall()
assert len(rows) == 1 and rows[0][0] == "change" and rows[0][1] == 0, rows
assert "Decided by A. Officer on 20 September 2018" in rows[0][2] and "Confirmed after a visit" in rows[0][2]
PY

# A decision imported in bulk (import ratings) re-plans its school as `rate` does.
other=$("$PY" -c "import json,sys; print([s['urn'] for s in json.load(open(sys.argv[1])) if s['classified'] and s['level'] not in ('red', 'insufficient_evidence') and s['urn'] != int(sys.argv[2])][0])" "$dir/od.json" "$changed")
printf 'urn,period,subject,level,stage,by,rationale\n%s,2018-19,overall,red,final,A. Officer,Safeguarding referral upheld\n' "$other" >"$dir/decisions.csv"
run import ratings "$dir/decisions.csv" --body od --json
py "$other" <<'PY' && ok || bad "import ratings: a decision re-plans its school and writes the head a letter"
import json, sqlite3, sys
d = json.load(open(sys.argv[1] + "/out"))
assert d["rows"] == 1 and d["decisions"] == 1, d
c = sqlite3.connect(sys.argv[1] + "/t.db")
urn = int(sys.argv[2])
assert c.execute("select count(*) from activities where body_id = 'od' and urn = ? and rule like 's7.red.%'", (urn,)).fetchone()[0] > 0
assert c.execute("select count(*) from activities where body_id = 'od' and urn = ? and status = 'cancelled' and reason like 'level decided as red%'", (urn,)).fetchone()[0] > 0
assert c.execute("select count(*) from outbox where body_id = 'od' and urn = ?", (urn,)).fetchone()[0] == 1
PY

# ---- policy check finds mistakes in the kernel's own sections, at file:line:col ----
mkdir -p "$dir/bad/policies" "$dir/bad/scripts"
cp -r "$src/scripts/telford" "$dir/bad/scripts/"
sed 's/^complaints_qualifying = 0$/complaints_qualifed = 0/; s/^at_least = 1$/at_least = 3/' \
  "$src/policies/telford-and-wrekin.toml" >"$dir/bad/policies/t.toml"
printf '\n[crosswalk.nexus-mat]\nprevention = "green"\nearly_intervention = "ambr"\n' >>"$dir/bad/policies/t.toml"
"$trellis" policy check "$dir/bad/policies/t.toml" >"$dir/out" 2>"$dir/err"
[ $? -eq 1 ] && grep -q 't.toml:[0-9]*:1: expected default, recorded or an indicator .*"complaints_qualifed"; did you mean .complaints_qualifying.' "$dir/out" \
  && grep -q 't.toml:[0-9]*:[0-9]*: expected at most 2 (the entries of `required`), found 3' "$dir/out" \
  && grep -q 'found "ambr"; did you mean .amber.' "$dir/out" && ok \
  || { bad "policy check: [evidence] and [crosswalk] mistakes with file:line:col"; cat "$dir/out"; }

# ---- No evidence is a result of its own: insufficient evidence, never the best band ----
export TRELLIS_DB=$dir/empty.db
run init
run import schools "$ex/data/england_spine.csv"
run body add telford --kind la --name "Telford and Wrekin Council"
run body join telford --la 894 --from 2018-09-01
run body adopt telford "$src/policies/telford-and-wrekin.toml" --from 2018-09-01
run assess --body telford --period 2018-19 --on 2018-09-03 --format json; save empty.json
py <<'PY' && ok || bad "insufficient evidence on a register with no data: what is missing, and no green"
import json, sys
d = [s for s in json.load(open(sys.argv[1] + "/empty.json")) if s["classified"]]
assert d and all(s["level"] == "insufficient_evidence" for s in d), {s["level"] for s in d}
assert all(any(r.startswith("Missing: Overall absence") for r in s["reasons"]) for s in d), d[0]["reasons"]
assert not any("No significant concerns" in r for s in d for r in s["reasons"])
PY
run schedule --body telford --year 2018-19 --format json; save empty-schedule.json
py <<'PY' && ok || bad "insufficient evidence: the policy's desk review follows for each such school"
import json, sys
d = [s["urn"] for s in json.load(open(sys.argv[1] + "/empty.json")) if s["level"] == "insufficient_evidence"]
desk = {a["urn"] for a in json.load(open(sys.argv[1] + "/empty-schedule.json")) if a["rule"] == "evidence.insufficient"}
assert desk == set(d), (len(desk), len(d))
PY
run report --body telford --period 2018-19 --format json; save empty-report.json
py <<'PY' && ok || bad "insufficient evidence: a row of its own in the report's counts, not a change of band"
import json, sys
r = json.load(open(sys.argv[1] + "/empty-report.json"))
row = [c for c in r["counts"] if c["level"] == "insufficient_evidence"]
assert row and row[0]["label"] == "Insufficient evidence" and row[0]["schools"] > 0 and r["changes"] == []
PY

echo "$passes passed, $fails failed"
[ "$fails" -eq 0 ]
