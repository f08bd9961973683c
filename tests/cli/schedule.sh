#!/usr/bin/env bash
# `trellis schedule` and `trellis activity done`: the JSON contract, overdue
# with working days late, ICS read back by python3-icalendar, exit codes, and
# nothing written on bad input. Activities are stored directly in the
# database, as `trellis assess` would store them, so that the dates are known.
# Usage: schedule.sh TRELLIS SOURCE_DIR (the Telford policy lends a regime to
# adopt, with a [calendar] of its own added).
set -u
trellis=$1 src=$2
here=$(cd "$(dirname "$0")" && pwd)
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
export TRELLIS_DB=$dir/t.db
export TRELLIS_NOW=2025-06-20T09:00:00Z
fails=0; passes=0
# Debian's interpreter when there is one: it starts fast and has python3-icalendar.
PY=$(command -v /usr/bin/python3 || command -v python3)
fail() { fails=$((fails+1)); echo "FAIL $*"; }
check() { # name expected-exit-code command...
  local name=$1 want=$2; shift 2
  "$@" >"$dir/out" 2>"$dir/err"; local got=$?
  if [ "$got" -eq "$want" ]; then passes=$((passes+1)); else
    fail "$name: exit $got, wanted $want"; cat "$dir/out" "$dir/err"; fi
}
py() { # python assertions over $dir/out; $1 names the check
  local name=$1; shift
  if "$PY" -c "import json,sys; d=json.load(open('$dir/out')); $*" 2>"$dir/pyerr"; then passes=$((passes+1)); else
    fail "$name"; cat "$dir/pyerr" "$dir/out"; fi
}
sql() { "$PY" -c "import sqlite3,sys; c=sqlite3.connect('$TRELLIS_DB'); r=c.execute(sys.argv[1]).fetchall(); c.commit(); print('\n'.join('|'.join(map(str,x)) for x in r))" "$1"; }

check "init" 0 "$trellis" init
check "body add" 0 "$trellis" body add la --kind la --name "An LA"
check "schedule: nothing planned yet" 0 "$trellis" schedule --body la --year 2024-25
grep -q "trellis assess --body la --period 2024-25" "$dir/err" && passes=$((passes+1)) || fail "no hint to run assess"
check "schedule json: nothing planned" 0 "$trellis" schedule --body la --year 2024-25 --format json
py "empty json is an empty array" "assert d == []"

sql "INSERT INTO schools(urn, name, updated_at) VALUES (894001, 'Hill Primary', 'x')" >/dev/null
# s8 (seed 003): a meeting on Thursday 22 May 2025, agenda two weeks before,
# minutes within seven working days (stored here as 9 June; the planner now
# gives 3 June, half-term being worked).
sql "INSERT INTO activities(id, uid, body_id, urn, year, type, title, start_date, end_date, due_date, rule, attendees, documents, status) VALUES
 (1, 'u1@trellis', 'la', 894001, '2024-25', 'deadline', 'Agenda circulated', '2025-05-08', '2025-05-08', '2025-05-08', 's8.agenda', '[\"LA quality assurance lead\"]', '[]', 'planned'),
 (2, 'u2@trellis', 'la', 894001, '2024-25', 'meeting', 'Monitoring and support meeting', '2025-05-22', '2025-05-22', NULL, 's8.meeting', '[\"headteacher\",\"chair of governors\"]', '[\"raising attainment plan\"]', 'planned'),
 (3, 'u3@trellis', 'la', 894001, '2024-25', 'deadline', 'Minutes distributed', '2025-05-22', '2025-06-09', '2025-06-09', 's8.minutes', '[]', '[]', 'planned'),
 (4, 'u4@trellis', 'la', 894001, '2024-25', 'visit', 'QA visit', '2025-06-25', '2025-06-25', NULL, 's7.visit', '[]', '[]', 'planned'),
 (5, 'u5@trellis', 'la', NULL, '2024-25', 'meeting', 'Schools forum, with commas', '2025-03-12', '2025-03-12', NULL, 'forum', '[]', '[]', 'done')" >/dev/null

check "schedule json" 0 "$trellis" schedule --body la --year 2024-25 --format json
py "contract fields" "
assert [a['id'] for a in d] == [5, 1, 2, 3, 4], d
m = d[2]
for k in ('urn','type','title','start','end','due','rule','attendees'): assert k in m, k
assert m['urn'] == 894001 and m['type'] == 'meeting' and m['start'] == '2025-05-22' and m['end'] == '2025-05-22'
assert m['due'] is None and m['rule'] == 's8.meeting' and m['attendees'] == ['headteacher', 'chair of governors']
assert m['school'] == 'Hill Primary' and m['documents'] == ['raising attainment plan']
assert d[3]['due'] == '2025-06-09'
assert d[0]['urn'] is None and d[0]['status'] == 'done'
assert m['status'] == 'overdue' and d[4]['status'] == 'planned'"

check "schedule --overdue json (TRELLIS_NOW 2025-06-20)" 0 "$trellis" schedule --body la --year 2024-25 --overdue --format json
py "overdue with working days late" "
assert [a['id'] for a in d] == [1, 2, 3], d
assert d[2]['working_days_late'] == 9 and d[2]['days_late'] == 11, d[2]   # 10-13, 16-20 June
assert d[0]['working_days_late'] == 30, d[0]   # from 8 May: half-term is worked, the 26 May bank holiday is not"
check "schedule --overdue --today" 0 "$trellis" schedule --body la --year 2024-25 --overdue --format json --today 2025-06-10
py "--today moves the judgement" "assert [(a['id'], a['working_days_late']) for a in d] == [(1, 22), (2, 12), (3, 1)], d"
check "schedule --overdue table" 0 "$trellis" schedule --body la --year 2024-25 --overdue
grep -q "working days late" "$dir/out" && passes=$((passes+1)) || fail "overdue table header"
check "schedule table" 0 "$trellis" schedule --body la --year 2024-25
grep -q "Hill Primary" "$dir/out" && grep -q "overdue" "$dir/out" && passes=$((passes+1)) || fail "table shows school and status"
check "schedule csv" 0 "$trellis" schedule --body la --year 2024-25 --format csv
head -1 "$dir/out" | grep -q "^id,uid,urn,school,type,title,start,end,due,rule" && passes=$((passes+1)) || fail "csv header"
grep -q '"Schools forum, with commas"' "$dir/out" && passes=$((passes+1)) || fail "csv quoting"

check "schedule ics to a file" 0 "$trellis" schedule --body la --year 2024-25 --format ics -o "$dir/la.ics"
python=
for p in /usr/bin/python3 python3; do
  if command -v "$p" >/dev/null && "$p" -c "import icalendar" 2>/dev/null; then python=$p; break; fi
done
if [ -z "$python" ]; then fail "no python3 with icalendar"; else
  "$python" "$here/../ics/check_ics.py" "$dir/la.ics" >"$dir/icsout" && passes=$((passes+1)) || { fail "ics check"; cat "$dir/icsout"; }
  "$python" -c "
import icalendar, datetime
c = icalendar.Calendar.from_ical(open('$dir/la.ics','rb').read())
ev = {str(e['UID']): e for e in c.walk('VEVENT')}
assert set(ev) == {'u1@trellis','u2@trellis','u3@trellis','u4@trellis','u5@trellis'}, ev.keys()
assert ev['u3@trellis'].decoded('DTSTART') == datetime.date(2025, 6, 9)
assert ev['u3@trellis'].decoded('DTEND') == datetime.date(2025, 6, 10)
assert ev['u2@trellis'].decoded('DTSTART') == datetime.date(2025, 5, 22)
assert str(c['X-WR-CALNAME']) == 'An LA 2024-25'
" && passes=$((passes+1)) || fail "ics UIDs and dates"
fi
check "ics is byte for byte the same twice" 0 "$trellis" schedule --body la --year 2024-25 --format ics -o "$dir/again.ics"
cmp -s "$dir/la.ics" "$dir/again.ics" && passes=$((passes+1)) || fail "ics not deterministic"
check "-o into a missing folder" 2 "$trellis" schedule --body la --year 2024-25 -o "$dir/nope/x.ics"
[ ! -e "$dir/nope" ] && passes=$((passes+1)) || fail "something was written"

check "unknown body" 2 "$trellis" schedule --body nobody --year 2024-25
check "bad year" 2 "$trellis" schedule --body la --year 2024-26
check "a term is not a year" 2 "$trellis" schedule --body la --year 2024-25/autumn
check "bad --today" 2 "$trellis" schedule --body la --year 2024-25 --overdue --today 2025-02-30
check "bad format" 2 "$trellis" schedule --body la --year 2024-25 --format xml

audits=$(sql "SELECT COUNT(*) FROM audit")
check "activity done: unknown id" 2 "$trellis" activity done 99 --on 2025-06-10
grep -q "99" "$dir/err" && passes=$((passes+1)) || fail "unknown id not named"
check "activity done: bad date" 2 "$trellis" activity done 3 --on 2025-06-31
check "activity done: in the future" 2 "$trellis" activity done 3 --on 2025-06-21
check "activity done: no --on" 2 "$trellis" activity done 3
check "activity done: id not a number" 2 "$trellis" activity done three --on 2025-06-10
[ "$(sql "SELECT COUNT(*) FROM audit")" = "$audits" ] && [ "$(sql "SELECT status FROM activities WHERE id=3")" = planned ] \
  && passes=$((passes+1)) || fail "a refused command wrote something"

check "activity done" 0 "$trellis" activity done 3 --on 2025-06-10 --note "sent to the headteacher"
grep -q "Minutes distributed" "$dir/out" && passes=$((passes+1)) || fail "done message"
[ "$(sql "SELECT status, done_on, note FROM activities WHERE id=3")" = "done|2025-06-10|sent to the headteacher" ] \
  && passes=$((passes+1)) || fail "not stored as done"
[ "$(sql "SELECT COUNT(*) FROM audit WHERE command='activity done'")" = 1 ] && passes=$((passes+1)) || fail "no audit row"
check "overdue after done" 0 "$trellis" schedule --body la --year 2024-25 --overdue --format json
py "done is no longer overdue" "assert [a['id'] for a in d] == [1, 2], d"

# Working days are the office's, whatever the adopted policy's [calendar]
# says: an INSET day on Monday 16 June closes the school, not the office.
mkdir "$dir/policies"; ln -s "$src/scripts" "$dir/scripts"
cp "$src/policies/telford-and-wrekin.toml" "$dir/policies/la.toml"
cat >>"$dir/policies/la.toml" <<'EOF'

[calendar.2024-25]
autumn-1 = [2024-09-03, 2024-10-25]
autumn-2 = [2024-11-04, 2024-12-20]
spring-1 = [2025-01-06, 2025-02-14]
spring-2 = [2025-02-24, 2025-04-04]
summer-1 = [2025-04-22, 2025-05-23]
summer-2 = [2025-06-02, 2025-07-22]
closed = [2025-06-16]
EOF
check "body adopt a policy with a calendar" 0 "$trellis" body adopt la "$dir/policies/la.toml" --from 2024-09-01
check "overdue in the policy's calendar" 0 "$trellis" schedule --body la --year 2024-25 --overdue --format json
py "the INSET day is still a working day" "assert [(a['id'], a['working_days_late']) for a in d] == [(1, 30), (2, 20)], d"
mv "$dir/policies/la.toml" "$dir/policies/moved.toml"
check "overdue when the policy file has gone" 0 "$trellis" schedule --body la --year 2024-25 --overdue --format json
py "falls back to the default calendar" "assert [(a['id'], a['working_days_late']) for a in d] == [(1, 30), (2, 20)], d"
grep -q "warning: .*la.toml.*default England calendar" "$dir/err" && passes=$((passes+1)) || fail "no warning about the policy"

echo "$passes passed, $fails failed"
[ "$fails" -eq 0 ]
