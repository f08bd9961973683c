#!/usr/bin/env bash
# `trellis schedule` and `trellis activity done|move|cancel|missed`: the JSON contract, overdue
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
assert ev['u2@trellis'].decoded('DTSTART') == datetime.datetime(2025, 5, 22, 9, 0)  # a meeting: timed, 09:00 by default
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
check "activity done: in the future" 3 "$trellis" activity done 3 --on 2025-06-21
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

# The lifecycle: move, cancel, missed, and done refused (seed 003 s8: a
# meeting with its agenda two weeks before and minutes within seven working
# days, anchored on it so that they follow it when it moves).
mv "$dir/policies/moved.toml" "$dir/policies/la.toml"
sql "INSERT INTO activities(id, uid, body_id, urn, year, type, title, start_date, end_date, due_date, rule, attendees, documents, status, anchor_uid, offset_days, day_kind) VALUES
 (6, 'u6@trellis', 'la', 894001, '2024-25', 'meeting', 'Monitoring and support meeting', '2025-07-10', '2025-07-10', NULL, 's8.meeting', '[]', '[]', 'planned', NULL, NULL, NULL),
 (7, 'u7@trellis', 'la', 894001, '2024-25', 'deadline', 'Agenda circulated (meeting on 2025-07-10)', '2025-06-26', '2025-06-26', '2025-06-26', 's8.agenda', '[]', '[]', 'planned', 'u6@trellis', -14, 'calendar'),
 (8, 'u8@trellis', 'la', 894001, '2024-25', 'deadline', 'Minutes distributed (meeting on 2025-07-10)', '2025-07-10', '2025-07-21', '2025-07-21', 's8.minutes', '[]', '[]', 'planned', 'u6@trellis', 7, 'working'),
 (9, 'u9@trellis', 'la', 894001, '2024-25', 'visit', 'QA visit', '2025-07-02', '2025-07-02', NULL, 's7.visit', '[]', '[]', 'planned', NULL, NULL, NULL)" >/dev/null
snapshot() { sql "SELECT * FROM activities ORDER BY id"; sql "SELECT COUNT(*) FROM audit"; }

before=$(snapshot)
check "activity move: no --reason" 2 "$trellis" activity move 6 --to 2025-07-08
check "activity move: empty --reason" 2 "$trellis" activity move 6 --to 2025-07-08 --reason " "
check "activity move: bad --to" 2 "$trellis" activity move 6 --to 2025-07-32 --reason "chair unavailable"
check "activity move: unknown id" 2 "$trellis" activity move 99 --to 2025-07-08 --reason "chair unavailable"
check "activity move: a done activity" 3 "$trellis" activity move 3 --to 2025-07-08 --reason "late"
grep -q "activity 3 .*done on 2025-06-10" "$dir/err" && passes=$((passes+1)) || fail "move refusal not explained"
check "activity cancel: no --reason" 2 "$trellis" activity cancel 9
check "activity cancel: a done activity" 3 "$trellis" activity cancel 3 --reason "not needed"
check "activity missed: not past yet" 3 "$trellis" activity missed 4 --reason "head off sick"
check "s8 activity done: before the meeting's day" 3 "$trellis" activity done 4 --on 2025-06-19
grep -q "before it was planned to start, on 2025-06-25" "$dir/err" && passes=$((passes+1)) || fail "before-start refusal not explained"
check "activity done: on a Saturday" 3 "$trellis" activity done 2 --on 2025-05-24
grep -q "Saturday.*--force" "$dir/err" && passes=$((passes+1)) || fail "weekend refusal does not mention --force"
check "activity done: in the future" 3 "$trellis" activity done 2 --on 2025-06-23
[ "$(snapshot)" = "$before" ] && passes=$((passes+1)) || fail "a refused lifecycle command wrote something"

check "s8 activity move: the meeting two days earlier" 0 "$trellis" activity move 6 --to 2025-07-08 --reason "chair of governors unavailable"
grep -q "moved from 2025-07-10 to 2025-07-08" "$dir/out" && grep -q "re-dated: 8 (Minutes distributed (meeting on 2025-07-08)" "$dir/out" \
  && passes=$((passes+1)) || { fail "move message"; cat "$dir/out"; }
[ "$(sql "SELECT status, start_date, moved_from, reason, sequence FROM activities WHERE id=6")" = "moved|2025-07-08|2025-07-10|chair of governors unavailable|1" ] \
  && passes=$((passes+1)) || fail "move not stored"
# Seven working days after Tuesday 8 July in the policy's calendar; the agenda two weeks before.
[ "$(sql "SELECT start_date, due_date, sequence FROM activities WHERE id=8")" = "2025-07-08|2025-07-17|1" ] \
  && passes=$((passes+1)) || fail "s8: minutes not re-dated from the moved meeting: $(sql "SELECT * FROM activities WHERE id=8")"
[ "$(sql "SELECT due_date, sequence FROM activities WHERE id=7")" = "2025-06-24|1" ] \
  && passes=$((passes+1)) || fail "s8: agenda not re-dated two weeks before the moved meeting"
check "activity cancel" 0 "$trellis" activity cancel 9 --reason "school closed for building work"
[ "$(sql "SELECT status, reason, sequence FROM activities WHERE id=9")" = "cancelled|school closed for building work|1" ] \
  && passes=$((passes+1)) || fail "cancel not stored"
check "activity missed" 0 "$trellis" activity missed 1 --reason "LA QA lead off sick"
[ "$(sql "SELECT status, reason, sequence FROM activities WHERE id=1")" = "missed|LA QA lead off sick|1" ] \
  && passes=$((passes+1)) || fail "missed not stored"
check "activity done --force on a Saturday" 0 "$trellis" activity done 2 --on 2025-05-24 --force --note "held on a Saturday"
[ "$(sql "SELECT status, done_on FROM activities WHERE id=2")" = "done|2025-05-24" ] && passes=$((passes+1)) || fail "forced done not stored"
[ "$(sql "SELECT command FROM audit WHERE command LIKE 'activity %' AND command <> 'activity done' ORDER BY id")" = "$(printf 'activity move\nactivity cancel\nactivity missed')" ] \
  && passes=$((passes+1)) || fail "lifecycle audit rows"

check "schedule json after the lifecycle" 0 "$trellis" schedule --body la --year 2024-25 --format json
py "status, reason, moved_from and sequence" "
a = {x['id']: x for x in d}
m = a[6]
assert m['status'] == 'moved' and m['moved_from'] == '2025-07-10' and m['start'] == '2025-07-08', m
assert m['reason'] == 'chair of governors unavailable' and m['sequence'] == 1, m
assert a[9]['status'] == 'cancelled' and a[9]['reason'] == 'school closed for building work' and a[9]['sequence'] == 1
assert a[1]['status'] == 'missed' and a[1]['reason'] == 'LA QA lead off sick'
assert a[4]['reason'] is None and a[4]['moved_from'] is None and a[4]['sequence'] == 0
for x in d:
  for k in ('urn','type','title','start','end','due','rule','attendees','status','reason','moved_from','sequence'): assert k in x, k"
check "schedule --overdue leaves out missed and cancelled" 0 "$trellis" schedule --body la --year 2024-25 --overdue --format json
py "only what is still to happen is late" "assert [a['id'] for a in d] == [], d"
check "schedule csv after the lifecycle" 0 "$trellis" schedule --body la --year 2024-25 --format csv
head -1 "$dir/out" | grep -q ",status,done_on,note,reason,moved_from,sequence.\?$" && passes=$((passes+1)) || fail "csv lifecycle columns"
check "schedule table after the lifecycle" 0 "$trellis" schedule --body la --year 2024-25
grep -q "moved.*2025-07-10.*chair of governors unavailable" "$dir/out" && passes=$((passes+1)) || fail "table lifecycle columns"

check "schedule ics after the lifecycle" 0 "$trellis" schedule --body la --year 2024-25 --format ics -o "$dir/life.ics"
if [ -n "$python" ]; then
  "$python" "$here/../ics/check_ics.py" "$dir/life.ics" >"$dir/icsout" && passes=$((passes+1)) || { fail "ics check after the lifecycle"; cat "$dir/icsout"; }
  "$python" -c "
import icalendar, datetime
c = icalendar.Calendar.from_ical(open('$dir/life.ics','rb').read())
ev = {str(e['UID']): e for e in c.walk('VEVENT')}
m, minutes, visit = ev['u6@trellis'], ev['u8@trellis'], ev['u9@trellis']
# s8: the moved meeting, with a higher SEQUENCE so clients replace the copy they hold
assert m.decoded('DTSTART') == datetime.datetime(2025, 7, 8, 9, 0), m.decoded('DTSTART')
assert str(m['STATUS']) == 'CONFIRMED' and int(m['SEQUENCE']) == 1, (m['STATUS'], m['SEQUENCE'])
assert 'Moved from 2025-07-10: chair of governors unavailable' in str(m['DESCRIPTION']), str(m['DESCRIPTION'])
assert minutes.decoded('DTSTART') == datetime.date(2025, 7, 17) and int(minutes['SEQUENCE']) == 1
# the cancelled visit is kept in the file, so clients cancel the event they hold
assert str(visit['STATUS']) == 'CANCELLED' and int(visit['SEQUENCE']) == 1
assert 'Cancelled: school closed for building work' in str(visit['DESCRIPTION'])
assert int(ev['u4@trellis']['SEQUENCE']) == 0 and str(ev['u4@trellis']['STATUS']) == 'TENTATIVE'  # proposed, not yet agreed
assert len(ev) == 9, ev.keys()
" && passes=$((passes+1)) || fail "ics STATUS and SEQUENCE of a moved and a cancelled activity"
fi

# Issue 18: every format is written row by row, to a file as to standard output,
# the same bytes; the JSON is what Python reads back as one list; the table's
# columns line up (widths measured over every row before the first is written).
for f in table json csv; do
  for late in "" --overdue; do
    "$trellis" schedule --body la --year 2024-25 --format $f $late >"$dir/stdout.$f" 2>/dev/null
    check "schedule $f $late -o FILE" 0 "$trellis" schedule --body la --year 2024-25 --format $f $late -o "$dir/file.$f"
    cmp -s "$dir/stdout.$f" "$dir/file.$f" && passes=$((passes+1)) || fail "schedule $f $late: -o FILE differs from standard output"
  done
done
"$trellis" schedule --body la --year 2024-25 --format json >"$dir/out"
py "streamed json is one list of activities, indented as before" "
text = open('$dir/out').read()
assert isinstance(d, list) and len(d) == 9, len(d)
assert text.startswith('[\\n  {\\n    \\\"') and text.endswith('\\n  }\\n]\\n'), text[:20] + text[-20:]"
"$trellis" schedule --body la --year 2024-25 >"$dir/out"
"$PY" -c "
lines = open('$dir/out').read().splitlines()
header = lines[0]
at = header.index('title')
assert len(lines) == 10, len(lines)
assert all(len(l) >= at for l in lines[1:]), 'a row is shorter than the title column'
" && passes=$((passes+1)) || fail "the table's columns line up"

echo "$passes passed, $fails failed"
[ "$fails" -eq 0 ]
