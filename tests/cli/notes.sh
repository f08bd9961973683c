#!/usr/bin/env bash
# Notes of visits and meetings end to end: a Telford meeting's note written by
# the LA officer, sent to the head, answered, agreed; the deadline from the
# policy's [notes] section (Telford and Wrekin's QA policy, shared/seeds/003,
# s8: "We aim to distribute the minutes from the meeting within seven working
# days for the Headteacher to check for factual accuracy"), overdue when late;
# and the refusals, each exiting with its code and writing nothing.
# Activities are stored directly in the database, as `trellis assess` would
# store them, so that the dates are known (as tests/cli/schedule.sh does).
# Usage: notes.sh TRELLIS SOURCE_DIR
set -u
trellis=$1 src=$2
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
export TRELLIS_DB=$dir/t.db TRELLIS_NOW=2025-05-23T10:00:00Z TRELLIS_USER=tester
passes=0 fails=0
ok() { passes=$((passes+1)); }
bad() { fails=$((fails+1)); echo "FAIL: $*"; }
run() { "$trellis" "$@" >"$dir/out" 2>"$dir/err" || { bad "trellis $* exited $?"; cat "$dir/err"; }; }
py() { python3 - "$@"; }
sql() { python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); r=c.execute(sys.argv[2]).fetchall(); c.commit(); print('\n'.join('|'.join(map(str,x)) for x in r))" "$TRELLIS_DB" "$1"; }
state() { python3 -c "import sqlite3,sys; print('\n'.join(sqlite3.connect(sys.argv[1]).iterdump()))" "$TRELLIS_DB"; }
# refused CODE WHAT -- ARGS: trellis ARGS exits CODE and changes nothing.
refused() {
  local code=$1 what=$2; shift 3
  local before after rc
  before=$(state)
  "$trellis" "$@" >"$dir/out" 2>"$dir/err"; rc=$?
  after=$(state)
  if [ "$rc" -ne "$code" ]; then bad "$what: exit $rc, expected $code"; cat "$dir/out" "$dir/err"
  elif [ "$before" != "$after" ]; then bad "$what: the database changed"
  else ok; fi
}
has() { grep -q -- "$1" "$dir/$2" && ok || { bad "$3: $(cat "$dir/$2")"; }; }

run init
run body add telford --kind la --name "Telford and Wrekin Council"
run body adopt telford "$src/policies/telford-and-wrekin.toml" --from 2024-09-01
sql "INSERT INTO schools(urn, name, updated_at) VALUES (894001, 'Hill Primary', 'x'), (894002, 'Dale Primary', 'x')" >/dev/null
run body join telford 894001 894002 --from 2024-09-01
# s8: a monitoring and support meeting at Hill on Thursday 22 May 2025, before May half-term.
sql "INSERT INTO activities(id, uid, body_id, urn, year, type, title, start_date, end_date, due_date, rule, attendees, documents, status) VALUES
 (1, 'u1@trellis', 'telford', 894001, '2024-25', 'meeting', 'Monitoring and support meeting', '2025-05-22', '2025-05-22', NULL, 's8.meeting', '[]', '[]', 'planned')" >/dev/null
run person add a.officer --name "A. Officer" --role officer --body telford
run person add h.hill --name "H. Hill" --role head --body telford --school 894001
run person add h.dale --name "H. Dale" --role head --body telford --school 894002
run person add v.viewer --name "V. Viewer" --role viewer --body telford

# Refusals before there is a note.
refused 3 "a head writing a note" -- note add 1 --text "Minutes" --as h.hill
refused 3 "a viewer writing a note" -- note add 1 --text "Minutes" --as v.viewer
has "viewer" err "the refusal names the role"
refused 3 "an unknown person" -- note add 1 --text "Minutes" --as nobody
refused 2 "neither text nor file" -- note add 1 --as a.officer
refused 2 "text and file together" -- note add 1 --text T --file "$dir/m.md" --as a.officer
refused 2 "an unknown activity" -- note add 99 --text T --as a.officer
refused 3 "a file that cannot be read" -- note add 1 --file "$dir/missing.md" --as a.officer
has "missing.md" err "the unreadable file is named"

run note add 1 --text "We looked at reading in Year 2." --strength "Phonics is consistent" \
  --improvement "Attendance of disadvantaged pupils" --action "Share the attendance plan" --as a.officer
has "Note 1 (Monitoring and support meeting, Hill Primary) added as a draft; send by 2025-06-03" out \
  "s8: seven working days from 22 May, the 26 May bank holiday not counted"

run notes --format json
py "$dir/out" <<'PY' && ok || bad "notes --format json: every field of a fresh draft"
import json, sys
d = json.load(open(sys.argv[1]))
assert len(d) == 1, d
n = d[0]
assert n["id"] == 1 and n["activity_id"] == 1 and n["body"] == "telford" and n["urn"] == 894001, n
assert n["school"] == "Hill Primary" and n["author"] == "a.officer" and n["status"] == "draft", n
assert n["text"] == "We looked at reading in Year 2." and n["file"] is None, n
assert n["strengths"] == ["Phonics is consistent"] and n["improvements"] == ["Attendance of disadvantaged pupils"]
assert n["actions"] == ["Share the attendance plan"]
assert n["send_by"] == "2025-06-03" and n["agree_by"] is None and n["overdue"] is False, n
assert [(s["step"], s["by"], s["role"], s["at"]) for s in n["steps"]] == [("added", "a.officer", "officer", "2025-05-23T10:00:00Z")]
PY

refused 3 "answering a draft" -- note respond 1 --accurate --as h.hill
has "it is draft" err "the refusal names the state"
refused 3 "agreeing a draft" -- note agree 1 --as a.officer

# Late: past 3 June and still a draft.
TRELLIS_NOW=2025-06-04T09:00:00Z run notes --format json
py "$dir/out" <<'PY' && ok || bad "a draft past send_by is overdue"
import json, sys
assert json.load(open(sys.argv[1]))[0]["overdue"] is True
PY
TRELLIS_NOW=2025-06-04T09:00:00Z run notes
has "overdue" out "the table flags the late note"
TRELLIS_NOW=2025-06-03T09:00:00Z run notes --overdue --format json
py "$dir/out" <<'PY' && ok || bad "notes --overdue: nothing late on the day it is due"
import json, sys
assert json.load(open(sys.argv[1])) == []
PY
TRELLIS_NOW=2025-06-04T09:00:00Z run notes --overdue --body telford --format json
py "$dir/out" <<'PY' && ok || bad "notes --overdue: the late draft"
import json, sys
assert [n["id"] for n in json.load(open(sys.argv[1]))] == [1]
PY
# A late note is overdue like any other activity: `schedule --overdue` lists it among them, by its deadline.
late_notes() {  # late_notes DAY: the note rows of `schedule --overdue --format json` on DAY, as "title|days|working days"
  TRELLIS_NOW=$1T09:00:00Z run schedule --body telford --year 2024-25 --overdue --format json
  python3 -c "import json,sys; print('\n'.join('%s|%s|%s' % (r['title'], r['days_late'], r['working_days_late'])
    for r in json.load(open(sys.argv[1])) if r['type'] == 'note'))" "$dir/out"
}
[ -z "$(late_notes 2025-06-03)" ] && ok || bad "schedule --overdue: no late note on the day it is due"
[ "$(late_notes 2025-06-04)" = "Note 1 of Monitoring and support meeting: to send by 2025-06-03|1|1" ] && ok \
  || bad "schedule --overdue: the late draft, a day late: $(cat "$dir/out")"
py "$dir/out" <<'PY' && ok || bad "schedule --overdue --format json: the note's row after the late meeting, on its activity"
import json, sys
d = json.load(open(sys.argv[1]))
assert [r["type"] for r in d] == ["meeting", "note"], d
n = d[1]
assert (n["id"], n["urn"], n["school"], n["start"], n["due"]) == (1, 894001, "Hill Primary", "2025-06-03", "2025-06-03"), n
assert n["rule"] == "notes.send_within_working_days" and n["status"] == "overdue", n
PY
TRELLIS_NOW=2025-06-04T09:00:00Z run schedule --body telford --year 2024-25 --overdue
has "Note 1 of Monitoring and support meeting: to send by 2025-06-03" out "schedule --overdue: the table lists the late note"
TRELLIS_NOW=2025-06-04T09:00:00Z run schedule --body telford --year 2024-25 --overdue --format csv
has "Hill Primary,note,Note 1 of Monitoring and support meeting: to send by 2025-06-03" out \
  "schedule --overdue --format csv: the late note"
# Issue 18: what is late is read from the store by deadline and the late notes go in among it, as one
# stable sort by deadline would put them: after the activities of their own deadline, before later ones.
sql "INSERT INTO activities(id, uid, body_id, urn, year, type, title, start_date, end_date, due_date, rule, attendees, documents, status) VALUES
 (2, 'u2@trellis', 'telford', 894002, '2024-25', 'deadline', 'Due the day before', '2025-05-01', '2025-06-02', '2025-06-02', 'x.before', '[]', '[]', 'planned'),
 (3, 'u3@trellis', 'telford', 894002, '2024-25', 'visit', 'Ends the same day', '2025-06-03', '2025-06-03', NULL, 'x.same', '[]', '[]', 'moved'),
 (4, 'u4@trellis', 'telford', 894002, '2024-25', 'deadline', 'Due the day after', '2025-06-04', '2025-06-04', '2025-06-04', 'x.after', '[]', '[]', 'planned'),
 (5, 'u5@trellis', 'telford', 894002, '2024-25', 'visit', 'Held', '2025-05-02', '2025-05-02', NULL, 'x.done', '[]', '[]', 'done')" >/dev/null
for f in json table; do
  TRELLIS_NOW=2025-06-05T09:00:00Z run schedule --body telford --year 2024-25 --overdue --format $f
  cp "$dir/out" "$dir/late.$f"
done
py "$dir/late.json" <<'PY' && ok || bad "schedule --overdue: late notes among the late activities by deadline: $(cat "$dir/late.json")"
import json, sys
d = json.load(open(sys.argv[1]))
assert [(r["title"][:26], r["days_late"]) for r in d] == [("Monitoring and support mee", 14), ("Due the day before", 3),
    ("Ends the same day", 2), ("Note 1 of Monitoring and s", 2), ("Due the day after", 1)], d
PY
python3 - "$dir/late.table" <<'PY' && ok || bad "schedule --overdue table: the same order, columns lined up: $(cat "$dir/late.table")"
import sys
lines = open(sys.argv[1]).read().splitlines()
assert [l.split()[0] for l in lines] == ["id", "1", "2", "3", "1", "4"], lines
at = lines[0].index("school")
assert all(l[at - 2:at] == "  " and l[at] != " " for l in lines), lines
PY
sql "DELETE FROM activities WHERE id > 1" >/dev/null

refused 3 "the school's head sending" -- note send 1 --as h.hill
TRELLIS_NOW=2025-06-04T09:00:00Z run note send 1 --as a.officer
has "sent to the school" out "send says so"
# Telford sets no deadline to agree (policies/telford-and-wrekin.toml [notes]): a sent note is late for nothing.
[ -z "$(late_notes 2025-07-01)" ] && ok || bad "schedule --overdue: a sent note, with no deadline to agree, is not late"
refused 3 "sending twice" -- note send 1 --as a.officer
refused 3 "another school's head answering" -- note respond 1 --accurate --as h.dale
refused 3 "an officer answering for the head" -- note respond 1 --accurate --as a.officer
refused 2 "inaccurate without a comment" -- note respond 1 --inaccurate --as h.hill
refused 2 "neither accurate nor inaccurate" -- note respond 1 --as h.hill
TRELLIS_NOW=2025-06-05T09:00:00Z run note respond 1 --inaccurate --comment "It was Year 1" --as h.hill
has "answered inaccurate" out "respond says so"
refused 3 "agreeing an inaccurate note as it stands" -- note agree 1 --as a.officer
has "\-\-text" err "the refusal says how to agree it"
refused 3 "the head agreeing" -- note agree 1 --text "We looked at reading in Year 1." --as h.hill
TRELLIS_NOW=2025-06-06T09:00:00Z run note agree 1 --text "We looked at reading in Year 1." --as a.officer
has "agreed as revised" out "agree says so"
refused 3 "agreeing twice" -- note agree 1 --text "Again" --as a.officer

[ -z "$(late_notes 2025-07-01)" ] && ok || bad "schedule --overdue: an agreed note is never late"
TRELLIS_NOW=2025-06-30T09:00:00Z run notes --school 894001 --format json
py "$dir/out" <<'PY' && ok || bad "the agreed note: steps with who, role and when, both texts, not overdue"
import json, sys
n = json.load(open(sys.argv[1]))[0]
assert n["status"] == "agreed" and n["overdue"] is False, n
assert n["text"] == "We looked at reading in Year 2." and n["agreed_text"] == "We looked at reading in Year 1.", n
steps = [(s["step"], s["by"], s["role"], s["at"]) for s in n["steps"]]
assert steps == [("added", "a.officer", "officer", "2025-05-23T10:00:00Z"), ("sent", "a.officer", "officer", "2025-06-04T09:00:00Z"),
                 ("inaccurate", "h.hill", "head", "2025-06-05T09:00:00Z"), ("agreed", "a.officer", "officer", "2025-06-06T09:00:00Z")], steps
assert n["steps"][2]["comment"] == "It was Year 1" and n["steps"][3]["revision"] == "We looked at reading in Year 1."
PY
run notes --school 894002 --format json
py "$dir/out" <<'PY' && ok || bad "--school filters"
import json, sys
assert json.load(open(sys.argv[1])) == []
PY

# One audit row per step, with the person, role, body and school.
[ "$(sql "SELECT command, who, role, body_id, urn FROM audit WHERE command LIKE 'note %' ORDER BY id")" = \
"note add|a.officer|officer|telford|894001
note send|a.officer|officer|telford|894001
note respond|h.hill|head|telford|894001
note agree|a.officer|officer|telford|894001" ] && ok || bad "audit rows: $(sql "SELECT command, who, role FROM audit")"

# A note kept as a file: its sha256 is recorded.
printf '# Minutes\nReading in Year 2.\n' >"$dir/minutes.md"
run note add 1 --file "$dir/minutes.md" --as a.officer
run notes --format json
py "$dir/out" "$dir/minutes.md" <<'PY' && ok || bad "the file's sha256 is recorded"
import hashlib, json, sys
n = json.load(open(sys.argv[1]))[1]
assert n["file_sha256"] == hashlib.sha256(open(sys.argv[2], "rb").read()).hexdigest(), n
assert n["text"] is None and n["file"].endswith("minutes.md"), n
PY

# The [notes] section is the kernel's: checked with the rest of the policy.
run policy check "$src/policies/telford-and-wrekin.toml"
sed 's/^send_within_working_days = 7/send_within_working_days = "seven"/' "$src/policies/telford-and-wrekin.toml" >"$dir/bad.toml"
sed -i "s|\"\.\./scripts/|\"$src/scripts/|g" "$dir/bad.toml"
"$trellis" policy check "$dir/bad.toml" >"$dir/out" 2>"$dir/err"; rc=$?
[ "$rc" -eq 1 ] && grep -q "bad.toml:[0-9]*:[0-9]*.*send_within_working_days\|send_within_working_days.*integer" "$dir/out" "$dir/err" && ok ||
  { bad "a bad [notes] value: exit $rc"; cat "$dir/out" "$dir/err"; }

echo "$passes passed, $fails failed"
[ "$fails" -eq 0 ]
