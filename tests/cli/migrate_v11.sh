#!/usr/bin/env bash
# Schema 11 -> 12 (the foreign keys of the tables a run writes many rows at a
# time to are checked at commit: issue 18) on a database made by the previous
# main: tests/data/schema-v11-demo.sql.gz is `trellis demo` as main made it at
# b546a76, and schema-v11-demo.reports.gz every report that main printed
# (tests/data/make-schema-v11-demo.sh). After `trellis init` the five tables
# are kept row for row, every report prints the same bytes, the audit chain
# holds, each of their keys is still checked, and a stored run still writes.
# Usage: migrate_v11.sh TRELLIS SOURCE_DIR
set -u
trellis=$1 src=$2
data=$src/tests/data
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
export TRELLIS_DB=$dir/v11.db TRELLIS_NOW=2024-09-02T09:00:00Z TRELLIS_USER=demo-admin
PY=$(command -v /usr/bin/python3 || command -v python3)
passes=0 fails=0
ok() { passes=$((passes+1)); }
bad() { fails=$((fails+1)); echo "FAIL: $*"; }
q() { "$PY" -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])" "$TRELLIS_DB" "$1"; }
rows() { # TABLE: every row, rowid first, in rowid order
  "$PY" -c "import sqlite3,sys
for r in sqlite3.connect(sys.argv[1]).execute('select rowid, * from ' + sys.argv[2] + ' order by rowid'): print(repr(r))" \
    "$TRELLIS_DB" "$1"
}
tables="evidence ratings rating_evidence assessments activities"

"$PY" - "$src" "$TRELLIS_DB" <<'PY' || { echo "cannot load the schema 11 dump"; exit 1; }
import gzip, sqlite3, sys
src, db = sys.argv[1], sys.argv[2]
sql = gzip.open(src + "/tests/data/schema-v11-demo.sql.gz", "rt", encoding="utf-8").read().replace("@SRC@", src)
c = sqlite3.connect(db)
c.executescript(sql)
c.execute("pragma user_version = 11")  # a dump carries neither this
c.execute("pragma application_id = 1414679635")  # nor Trellis's id, "TRLS"
c.commit()
PY
for t in $tables; do
  rows $t >"$dir/$t.before"
  [ "$(wc -l <"$dir/$t.before")" -gt 0 ] && ok || bad "the fixture holds $t"
done
audit_before=$(q "select count(*) from audit")

"$trellis" report --body telford --period 2018-19 >/dev/null 2>"$dir/err"
[ $? -eq 3 ] && grep -q "trellis init" "$dir/err" && ok || bad "a schema 11 database is refused with the way to upgrade it: $(cat "$dir/err")"

"$trellis" init >"$dir/out" 2>"$dir/err" || bad "init: $(cat "$dir/err")"
grep -q "schema version 11" "$dir/out" && ok || bad "init says it upgraded from 11: $(cat "$dir/out")"
[ "$(q "pragma user_version")" = 12 ] && ok || bad "init carries it to the current schema (12)"
[ "$(q "select count(*) from audit")" -eq $((audit_before + 1)) ] && ok || bad "the old audit rows are kept and the upgrade is one more"
"$trellis" audit verify >"$dir/out" 2>&1 && ok || bad "the audit chain holds across the upgrade: $(cat "$dir/out")"
for t in $tables; do
  rows $t | cmp -s - "$dir/$t.before" && ok || bad "$t: every row kept, ids and all"
done
[ -z "$("$PY" -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('pragma foreign_key_check').fetchall() or '')" "$TRELLIS_DB")" ] &&
  ok || bad "no reference dangles after the upgrade"
# Each key of the five tables, as declared: checked at commit.
"$PY" - "$TRELLIS_DB" $tables <<'PY' && ok || bad "every foreign key of the five tables is DEFERRABLE INITIALLY DEFERRED"
import re, sqlite3, sys
c = sqlite3.connect(sys.argv[1])
for t in sys.argv[2:]:
    sql = c.execute("select sql from sqlite_master where type = 'table' and name = ?", (t,)).fetchone()[0]
    keys = len(c.execute("select * from pragma_foreign_key_list(?)", (t,)).fetchall())
    deferred = len(re.findall(r"REFERENCES \w+\(id\) DEFERRABLE INITIALLY DEFERRED", sql))
    if keys == 0 or deferred != keys:
        sys.exit(f"{t}: {keys} keys, {deferred} deferred")
PY
[ "$(q "select count(*) from sqlite_master where type = 'index' and tbl_name in ('evidence', 'ratings', 'assessments', 'activities')
         and sql in ('CREATE INDEX evidence_school ON evidence(urn, indicator, period)',
                     'CREATE INDEX evidence_supersedes ON evidence(supersedes) WHERE supersedes IS NOT NULL',
                     'CREATE INDEX ratings_school ON ratings(body_id, urn, period, subject, stage)',
                     'CREATE INDEX ratings_regime ON ratings(body_id, regime, urn, period)',
                     'CREATE INDEX assessments_school ON assessments(body_id, urn, period)',
                     'CREATE INDEX activities_body ON activities(body_id, year)',
                     'CREATE UNIQUE INDEX activities_school ON activities(body_id, urn, year, uid)',
                     'CREATE UNIQUE INDEX activities_body_wide ON activities(uid) WHERE urn IS NULL')")" = 8 ] && ok ||
  bad "the five tables' indexes are made again"

# Every report prints what the previous main printed.
"$PY" - "$data/schema-v11-demo.reports.gz" "$dir" <<'PY'
import gzip, sys
part = None
for line in gzip.open(sys.argv[1], "rt", encoding="utf-8", newline=""):
    if line.startswith("== "):
        body, period, fmt = line.split()[1:]
        name = f"{body}.{period.replace('/', '-')}.{fmt}"
        part = open(f"{sys.argv[2]}/was.{name}", "w", encoding="utf-8", newline="")
        print(body, period, fmt, name, file=open(f"{sys.argv[2]}/parts", "a"))
    else:
        part.write(line)
PY
checked=0
while read -r body period format name; do
  "$trellis" report --body "$body" --period "$period" --format "$format" >"$dir/now" 2>/dev/null
  cmp -s "$dir/now" "$dir/was.$name" && ok || bad "report $body $period $format: other bytes than before the upgrade"
  checked=$((checked+1))
done <"$dir/parts"
[ "$checked" -ge 10 ] && ok || bad "every body's reports compared ($checked)"

# A key is still checked: a rating of a body that is not there fails when its unit commits, and nothing is kept.
"$PY" -c "import sqlite3,sys
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute('pragma foreign_keys = on')
c.execute('begin')
c.execute(\"insert into ratings(urn, body_id, period, subject, level, stage, set_by, set_at) values (1, 'nobody', '2018-19', 'overall', 'red', 'final', 'x', 'now')\")
try:
    c.execute('commit')
except sqlite3.IntegrityError as e:
    print(e); c.execute('rollback')" "$TRELLIS_DB" >"$dir/out" 2>&1
grep -q "FOREIGN KEY constraint failed" "$dir/out" && [ "$(q "select count(*) from ratings where body_id = 'nobody'")" = 0 ] && ok ||
  bad "a dangling body on a rating is refused at commit: $(cat "$dir/out")"

# The upgraded database stores a run: assessments, ratings, citations and a re-planned year.
ratings_before=$(q "select count(*) from ratings")
"$trellis" assess --body nexus --period 2019-20/summer --on 2020-05-01 --brief >"$dir/out" 2>"$dir/err" && ok ||
  bad "a stored run after the upgrade: $(cat "$dir/out" "$dir/err")"
[ "$(q "select count(*) from ratings")" -gt "$ratings_before" ] && ok || bad "the run stored its ratings"
"$trellis" audit verify >"$dir/out" 2>&1 && ok || bad "the audit chain holds after the run: $(cat "$dir/out")"

echo "$passes passed, $fails failed"
[ "$fails" -eq 0 ]
