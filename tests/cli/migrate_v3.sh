#!/usr/bin/env bash
# Schema 3 -> 4 (people and roles, notes, the hash-chained audit) on a database
# made by an earlier main: tests/data/schema-v3-demo.sql.gz is a year of
# Telford and Wrekin's work and a term of the Nexus example as main made them
# at b7e2fdd (tests/data/make-schema-v3-demo.sh; the source folder written as
# @SRC@), and the .tsv files beside it are what that main reported. After
# `trellis init` the creator is the database's admin, the old audit is kept,
# the reports give the same levels, decisions still count, and new writes work.
# Usage: migrate_v3.sh TRELLIS SOURCE_DIR
set -u
trellis=$1 src=$2
data=$src/tests/data
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
export TRELLIS_DB=$dir/v3.db TRELLIS_NOW=2020-07-01T09:00:00Z TRELLIS_USER=la-qa-lead
PY=$(command -v /usr/bin/python3 || command -v python3)
passes=0 fails=0
ok() { passes=$((passes+1)); }
bad() { fails=$((fails+1)); echo "FAIL: $*"; }
run() { "$trellis" "$@" >"$dir/out" 2>"$dir/err" || { bad "trellis $* exited $?"; cat "$dir/err"; }; }
q() { "$PY" -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])" "$TRELLIS_DB" "$1"; }

"$PY" - "$src" "$TRELLIS_DB" <<'PY' || { echo "cannot load the schema 3 dump"; exit 1; }
import gzip, sqlite3, sys
src, db = sys.argv[1], sys.argv[2]
sql = gzip.open(src + "/tests/data/schema-v3-demo.sql.gz", "rt", encoding="utf-8").read().replace("@SRC@", src)
c = sqlite3.connect(db)
c.executescript(sql)
c.execute("pragma user_version = 3")  # a dump does not carry it
c.commit()
PY
[ "$(q "pragma user_version")" = 3 ] && ok || bad "the fixture is a schema 3 database"
"$PY" -c "
import sqlite3, sys, json
c = sqlite3.connect(sys.argv[1])
print(json.dumps({'audit': [list(r) for r in c.execute('select id, at, who, command, summary, input_hash from audit order by id')],
                  'activities': [list(r) for r in c.execute('select id, uid, start_date, status, sequence from activities order by id')],
                  'ratings': c.execute('select count(*) from ratings').fetchone()[0],
                  'outbox': [list(r) for r in c.execute('select id, urn, file from outbox order by id')]}))" \
  "$TRELLIS_DB" >"$dir/before.json"

# ---- refused until upgraded, and only `init` upgrades ----
for verb in "report --body telford --period 2018-19" "person list" "schedule --body telford --year 2018-19"; do
  "$trellis" $verb >/dev/null 2>"$dir/err"
  [ $? -eq 3 ] && grep -q "trellis init" "$dir/err" && ok || bad "$verb on a schema 3 database is refused with the way to upgrade it: $(cat "$dir/err")"
done
"$trellis" rate 123404 --body telford --period 2018-19 --subject overall --level amber --stage final >/dev/null 2>"$dir/err"
[ $? -eq 3 ] && [ "$(q "pragma user_version")" = 3 ] && [ "$(q "select count(*) from ratings")" = \
  "$("$PY" -c "import json,sys; print(json.load(open(sys.argv[1]))['ratings'])" "$dir/before.json")" ] \
  && ok || bad "a write to a schema 3 database is refused and writes nothing"

run init
grep -q "schema version 3" "$dir/out" && grep -q "la-qa-lead" "$dir/out" && ok \
  || bad "init says it upgraded from 3 and who is the admin: $(cat "$dir/out")"
[ "$(q "pragma user_version")" = 6 ] && ok || bad "init carries it to the current schema (6)"

# ---- the creator is the only person, and the admin ----
run person list --format json
"$PY" - "$dir/out" <<'PY' && ok || bad "init makes its creator the database's one admin"
import json, sys
assert json.load(open(sys.argv[1])) == [{"id": "la-qa-lead", "name": "la-qa-lead", "role": "admin", "body": None, "school": None}]
PY

# ---- nothing written before is lost or changed ----
"$PY" - "$TRELLIS_DB" "$dir/before.json" <<'PY' && ok || bad "the old audit rows, activities and outbox are kept as they were"
import json, sqlite3, sys
c = sqlite3.connect(sys.argv[1])
before = json.load(open(sys.argv[2]))
audit = [list(r) for r in c.execute("select id, at, who, command, summary, input_hash from audit order by id")]
assert audit[:len(before["audit"])] == before["audit"], "an old audit row changed or went"
assert len(before["audit"]) >= 30, len(before["audit"])   # the fixture holds 39
# The upgrade itself is audited, by the new admin.
last = c.execute("select who, role, command from audit order by id desc limit 1").fetchone()
assert last == ("la-qa-lead", "admin", "init"), last
assert [list(r) for r in c.execute("select id, uid, start_date, status, sequence from activities order by id")] == before["activities"]
assert [list(r) for r in c.execute("select id, urn, file from outbox order by id")] == before["outbox"]
assert c.execute("select count(*) from ratings").fetchone()[0] == before["ratings"]
statuses = {r[0] for r in c.execute("select status from activities")}
assert {"done", "moved", "cancelled", "missed"} <= statuses, statuses
PY

# ---- the reports give the levels the previous main gave ----
same_levels() { # BODY PERIOD TSV
  "$trellis" report --body "$1" --period "$2" --format json >"$dir/report.json" 2>"$dir/err" || { bad "report $1 $2: $(cat "$dir/err")"; return; }
  "$PY" - "$dir/report.json" "$3" <<'PY' && ok || bad "report $1 $2: the same levels (counted, computed, previous) as before the upgrade"
import json, sys
r = json.load(open(sys.argv[1]))
old = {int(u): (l, c, None if p == "-" else p) for u, l, c, p in (line.rstrip("\n").split("\t") for line in open(sys.argv[2]))}
now = {s["urn"]: (s["level"], s["computed_level"], s["previous_level"]) for s in r["schools"]}
assert len(old) > 0 and now == old, [(u, old.get(u), now.get(u)) for u in set(old) | set(now) if old.get(u) != now.get(u)][:3]
PY
}
same_levels telford 2018-19 "$data/schema-v3-demo.telford-2018-19.tsv"
same_levels nexus 2019-20/summer "$data/schema-v3-demo.nexus-2019-20-summer.tsv"

run report --body telford --period 2018-19 --format json
"$PY" - "$dir/out" <<'PY' && ok || bad "the officer's decision and the review made before the upgrade still count"
import json, sys
r = json.load(open(sys.argv[1]))
s = next(s for s in r["schools"] if s["urn"] == 123574)
assert s["computed_level"] == "amber" and s["level"] == "yellow", s
assert s["decision"]["stage"] == "final" and s["decision"]["by"] == "LA Quality Assurance Lead", s["decision"]
statuses = sorted((v["id"], v["status"]) for v in r["reviews"])
assert statuses == [(1, "confirmed"), (2, "requested")], statuses
PY

# ---- new writes work, with people and roles ----
run person add wombridge-head --name "Headteacher, Wombridge Primary School" --role head --body telford --school 123404
run person add la-officer --name "LA Officer" --role officer --body telford
"$trellis" rate 123404 --body telford --period 2018-19 --subject overall --level amber --stage final --on 2019-01-10 \
  --as wombridge-head >/dev/null 2>"$dir/err"
[ $? -eq 3 ] && grep -q 'stage "final"' "$dir/err" && ok || bad "a head may not decide their own school's band after the upgrade either"
run rate 123404 --body telford --period 2018-19 --subject overall --level yellow --stage final --on 2019-01-10 \
  --as la-officer --rationale "The complaints were resolved"
run review 123404 --body telford --period 2018-19 --reason "Asks again" --as wombridge-head
run review start 3 --as la-officer
run schedule --body telford --year 2018-19 --format json
"$PY" - "$dir/out" <<'PY' && ok || bad "the new decision re-plans its school only"
import json, sys
d = json.load(open(sys.argv[1]))
changed = [a for a in d if a["urn"] == 123404 and (a["sequence"] > 0 or a["status"] == "cancelled")]
assert changed, "nothing re-planned for 123404"
PY
"$PY" - "$TRELLIS_DB" <<'PY' && ok || bad "the audit names the people and roles of the new writes"
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
rows = c.execute("select who, role, command from audit where who in ('la-officer', 'wombridge-head') order by id").fetchall()
assert [r[2] for r in rows] == ["rate", "review", "review start"], rows
assert rows[0][:2] == ("la-officer", "officer") and rows[1][:2] == ("wombridge-head", "head"), rows
PY
run report --body telford --period 2018-19 --format json
"$PY" - "$dir/out" <<'PY' && ok || bad "the report counts the new decision"
import json, sys
s = next(s for s in json.load(open(sys.argv[1]))["schools"] if s["urn"] == 123404)
assert s["computed_level"] == "amber" and s["level"] == "yellow" and s["decision"]["by"] == "LA Officer", s
PY
run init
grep -q "already\|up to date" "$dir/out" && ok || bad "init on an upgraded database changes nothing: $(cat "$dir/out")"

echo "$passes passed, $fails failed"
[ "$fails" -eq 0 ]
