#!/usr/bin/env bash
# Schema migrations on a database made by an earlier main: tests/data/
# schema-v2-demo.sql.gz is `trellis demo`'s database as main made it at schema
# 2 (a sqlite3 dump; the source folder written as @SRC@). `trellis init`
# carries it forward; its history must still read the same.
# Usage: migrate.sh TRELLIS SOURCE_DIR
set -u
trellis=$1 src=$2
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
export TRELLIS_DB=$dir/old.db TRELLIS_NOW=2026-11-28T09:00:00Z TRELLIS_USER=tester
PY=$(command -v /usr/bin/python3 || command -v python3)
passes=0 fails=0
ok() { passes=$((passes+1)); }
bad() { fails=$((fails+1)); echo "FAIL: $*"; }
run() { "$trellis" "$@" >"$dir/out" 2>"$dir/err" || { bad "trellis $* exited $?"; cat "$dir/err"; }; }

"$PY" - "$src" "$TRELLIS_DB" <<'PY' || { echo "cannot load the schema 2 dump"; exit 1; }
import gzip, sqlite3, sys
src, db = sys.argv[1], sys.argv[2]
sql = gzip.open(src + "/tests/data/schema-v2-demo.sql.gz", "rt", encoding="utf-8").read().replace("@SRC@", src)
c = sqlite3.connect(db)
c.executescript(sql)
c.execute("pragma user_version = 2")  # a dump does not carry it
c.commit()
PY
"$PY" -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('pragma user_version').fetchone()[0])" "$TRELLIS_DB" \
  | grep -qx 2 && ok || bad "the fixture is a schema 2 database"
"$PY" -c "
import sqlite3, sys, json
c = sqlite3.connect(sys.argv[1])
print(json.dumps([list(r) for r in c.execute('select id, uid, start_date, status from activities order by id')]))" \
  "$TRELLIS_DB" >"$dir/activities-before.json"

"$trellis" report --body telford --period 2018-19 >/dev/null 2>"$dir/err"
[ $? -eq 3 ] && grep -q "trellis init" "$dir/err" && ok || bad "an old database is refused until upgraded, with the way to upgrade it"
run init
grep -q "schema version" "$dir/out" && ok || bad "init says it upgraded: $(cat "$dir/out")"
"$PY" -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('pragma user_version').fetchone()[0])" "$TRELLIS_DB" \
  | grep -qx 12 && ok || bad "init carries it to the current schema (12)"

run report --body telford --period 2018-19 --format json
cp "$dir/out" "$dir/report.json"
"$PY" - "$dir/report.json" "$src/tests/data/schema-v2-demo.telford-2018-19.tsv" <<'PY' && ok || bad "the migrated history reports the same computed levels and previous levels"
import json, sys
r = json.load(open(sys.argv[1]))
old = {int(u): (l, None if p == "-" else p) for u, l, p in (line.rstrip("\n").split("\t") for line in open(sys.argv[2]))}
now = {s["urn"]: (s["computed_level"], s["previous_level"]) for s in r["schools"]}
assert now == old, [(u, old.get(u), now.get(u)) for u in set(old) | set(now) if old.get(u) != now.get(u)][:3]
PY
"$PY" - "$dir/report.json" <<'PY' && ok || bad "the officer's decision made before the upgrade now counts (DESIGN: Decision)"
import json, sys
r = json.load(open(sys.argv[1]))
s = [s for s in r["schools"] if s["urn"] == 123574][0]
assert s["computed_level"] == "amber" and s["level"] == "yellow" and s["decision"]["stage"] == "final", s
assert s["decision"]["by"] == "LA Quality Assurance Lead"
counts = {c["level"]: c["schools"] for c in r["counts"]}
assert counts["yellow"] == 8 and counts["amber"] == 7, counts   # main counted 7 and 8: the computed level
PY
"$PY" - "$TRELLIS_DB" "$dir/activities-before.json" <<'PY' && ok || bad "activities keep their ids, UIDs, dates and statuses"
import json, sqlite3, sys
c = sqlite3.connect(sys.argv[1])
now = [list(r) for r in c.execute("select id, uid, start_date, status from activities order by id")]
assert now == json.load(open(sys.argv[2]))
assert c.execute("select count(*) from activities where sequence <> 0").fetchone()[0] == 0
PY
"$PY" - "$TRELLIS_DB" <<'PY' && ok || bad "assessments and ratings are tied to the regime and adoption they were made under"
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
assert c.execute("select count(*) from assessments where adoption_id is null or computed_level is null").fetchone()[0] == 0
assert c.execute("select count(*) from ratings where regime is null or adoption_id is null").fetchone()[0] == 0
wrong = c.execute("""select count(*) from assessments a join adoptions d on d.id = a.adoption_id
                     where d.regime <> a.regime or d.body_id <> a.body_id""").fetchone()[0]
assert wrong == 0
assert c.execute("select count(*) from review_requests where status <> 'requested'").fetchone()[0] == 0
PY
# What was written before the upgrade can be built on: a new decision, a re-assessment, the schedule.
run rate 123404 --body telford --period 2018-19 --subject overall --level amber --stage final --on 2018-11-01 \
  --by "LA Quality Assurance Lead" --rationale "Complaints upheld"
run schedule --body telford --year 2018-19 --format json
"$PY" - "$dir/out" <<'PY' && ok || bad "a decision after the upgrade re-plans the school without touching the others"
import json, sys
d = json.load(open(sys.argv[1]))
changed = [a for a in d if a["sequence"] > 0 or a["status"] == "cancelled"]
assert changed and all(a["urn"] == 123404 for a in changed), [a for a in changed if a["urn"] != 123404][:2]
PY
run init
grep -q "already\|up to date\|schema version 3" "$dir/out" && ok || bad "init on a current database changes nothing: $(cat "$dir/out")"

echo "$passes passed, $fails failed"
[ "$fails" -eq 0 ]
