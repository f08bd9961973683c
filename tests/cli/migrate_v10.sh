#!/usr/bin/env bash
# Schema 10 -> 11 (an activity's UID unique within its school's year, not
# through an index of its own: issue 18) on a database made by the previous
# main: tests/data/schema-v10-demo.sql.gz is `trellis demo` as main made it at
# 6f0a123, and schema-v10-demo.schedules.gz every schedule that main printed
# (tests/data/make-schema-v10-demo.sh). After `trellis init` the activities,
# with their notes and attendance, are kept row for row, every schedule prints
# the same bytes, the audit chain holds, and UIDs are still unique.
# Usage: migrate_v10.sh TRELLIS SOURCE_DIR
set -u
trellis=$1 src=$2
data=$src/tests/data
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
export TRELLIS_DB=$dir/v10.db TRELLIS_NOW=2024-09-02T09:00:00Z TRELLIS_USER=demo-admin
PY=$(command -v /usr/bin/python3 || command -v python3)
passes=0 fails=0
ok() { passes=$((passes+1)); }
bad() { fails=$((fails+1)); echo "FAIL: $*"; }
q() { "$PY" -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])" "$TRELLIS_DB" "$1"; }
rows() { # TABLE: every row, in id order
  "$PY" -c "import sqlite3,sys
for r in sqlite3.connect(sys.argv[1]).execute('select * from ' + sys.argv[2] + ' order by 1, 2'): print(repr(r))" \
    "$TRELLIS_DB" "$1"
}

"$PY" - "$src" "$TRELLIS_DB" <<'PY' || { echo "cannot load the schema 10 dump"; exit 1; }
import gzip, sqlite3, sys
src, db = sys.argv[1], sys.argv[2]
sql = gzip.open(src + "/tests/data/schema-v10-demo.sql.gz", "rt", encoding="utf-8").read().replace("@SRC@", src)
c = sqlite3.connect(db)
c.executescript(sql)
c.execute("pragma user_version = 10")  # a dump carries neither this
c.execute("pragma application_id = 1414679635")  # nor Trellis's id, "TRLS"
c.commit()
PY
for t in activities notes note_steps activity_attendance; do rows $t >"$dir/$t.before"; done
[ "$(wc -l <"$dir/notes.before")" -gt 0 ] && [ "$(wc -l <"$dir/activity_attendance.before")" -gt 0 ] && ok ||
  bad "the fixture holds notes and attendance, which refer to activities"
[ "$(q "select count(*) from activities where urn is null")" -gt 0 ] && ok || bad "the fixture holds body-wide activities"
audit_before=$(q "select count(*) from audit")

"$trellis" schedule --body telford --year 2018-19 >/dev/null 2>"$dir/err"
[ $? -eq 3 ] && grep -q "trellis init" "$dir/err" && ok || bad "a schema 10 database is refused with the way to upgrade it: $(cat "$dir/err")"

"$trellis" init >"$dir/out" 2>"$dir/err" || bad "init: $(cat "$dir/err")"
grep -q "schema version 10" "$dir/out" && ok || bad "init says it upgraded from 10: $(cat "$dir/out")"
[ "$(q "pragma user_version")" = 12 ] && ok || bad "init carries it to the current schema (12)"
[ "$(q "select count(*) from audit")" -eq $((audit_before + 1)) ] && ok || bad "the old audit rows are kept and the upgrade is one more"
"$trellis" audit verify >"$dir/out" 2>&1 && ok || bad "the audit chain holds across the upgrade: $(cat "$dir/out")"
for t in activities notes note_steps activity_attendance; do
  rows $t | cmp -s - "$dir/$t.before" && ok || bad "$t: every row kept, ids and all"
done
[ -z "$("$PY" -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('pragma foreign_key_check').fetchall() or '')" "$TRELLIS_DB")" ] &&
  ok || bad "no reference dangles after the upgrade"
[ "$(q "select count(*) from sqlite_master where tbl_name = 'activities' and name like 'sqlite_autoindex%'")" = 0 ] && ok ||
  bad "the UID's own index is gone"
[ "$(q "select count(*) from sqlite_master where sql like 'CREATE UNIQUE INDEX activities_school ON activities(body_id, urn, year, uid)'
         or sql like 'CREATE UNIQUE INDEX activities_body_wide ON activities(uid) WHERE urn IS NULL'")" = 2 ] && ok ||
  bad "UIDs are unique through activities_school and, for body-wide activities, activities_body_wide"

# Every schedule prints what the previous main printed, json and ics.
"$PY" - "$data/schema-v10-demo.schedules.gz" "$dir" <<'PY'
import gzip, sys
part = None
for line in gzip.open(sys.argv[1], "rt", encoding="utf-8", newline=""):
    if line.startswith("== "):
        body, year, fmt = line.split()[1:]
        part = open(f"{sys.argv[2]}/was.{body}.{year}.{fmt}", "w", encoding="utf-8", newline="")
        print(body, year, fmt, file=open(f"{sys.argv[2]}/parts", "a"))
    else:
        part.write(line)
PY
checked=0
while read -r body year format; do
  "$trellis" schedule --body "$body" --year "$year" --format "$format" >"$dir/now" 2>/dev/null
  cmp -s "$dir/now" "$dir/was.$body.$year.$format" && ok || bad "schedule $body $year $format: other bytes than before the upgrade"
  checked=$((checked+1))
done <"$dir/parts"
[ "$checked" -ge 12 ] && ok || bad "every body's schedule compared ($checked)"

# A UID is still unique: within a school's year, and for a body-wide activity.
dup() { # WHERE: a copy of that activity, under a new id
  "$PY" -c "import sqlite3,sys
c = sqlite3.connect(sys.argv[1])
cols = [r[1] for r in c.execute('pragma table_info(activities)') if r[1] != 'id']
c.execute('insert into activities(%s) select %s from activities where %s limit 1' % (','.join(cols), ','.join(cols), sys.argv[2]))
c.commit()" "$TRELLIS_DB" "$1" 2>&1 | grep -q "UNIQUE constraint failed"
}
dup "urn is not null" && ok || bad "a second activity with a school's UID is refused"
dup "urn is null" && ok || bad "a second body-wide activity with the same UID is refused"

# The upgraded database re-plans a year, and notes still read with their activities.
"$trellis" assess --body nexus --period 2019-20/summer --on 2020-05-01 --brief >"$dir/out" 2>"$dir/err" &&
  grep -q "unchanged" "$dir/out" && ok || bad "a re-plan after the upgrade: $(cat "$dir/out" "$dir/err")"
[ "$(q "select count(*) from activities a where assessment_id is not null and
         not exists (select 1 from assessments s where s.id = a.assessment_id)")" = 0 ] && ok ||
  bad "every activity's assessment is there (schema 11 no longer checks it as a foreign key)"
"$trellis" notes --body focus-trust --format json >"$dir/notes.json" 2>"$dir/err" && ok || bad "notes after the upgrade: $(cat "$dir/err")"

echo "$passes passed, $fails failed"
[ "$fails" -eq 0 ]
