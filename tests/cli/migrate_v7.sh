#!/usr/bin/env bash
# Schema 7 -> 8 (concerns raised during a visit, kept with its note; and on to 9) on a
# database made by the previous main: tests/data/schema-v7-demo.sql.gz is
# `trellis demo` as main made it at c4bc1b8 (tests/data/make-schema-v7-demo.sh),
# and the .tsv files beside it are what that main reported. After `trellis
# init` the audit chain still holds, the reports give the same levels, the
# notes written before have no concerns, and a new note's concerns are kept and
# noticed through the outbox.
# Usage: migrate_v7.sh TRELLIS SOURCE_DIR
set -u
trellis=$1 src=$2
data=$src/tests/data
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
export TRELLIS_DB=$dir/v7.db TRELLIS_NOW=2024-09-02T09:00:00Z TRELLIS_USER=demo-admin
PY=$(command -v /usr/bin/python3 || command -v python3)
passes=0 fails=0
ok() { passes=$((passes+1)); }
bad() { fails=$((fails+1)); echo "FAIL: $*"; }
q() { "$PY" -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])" "$TRELLIS_DB" "$1"; }

"$PY" - "$src" "$TRELLIS_DB" <<'PY' || { echo "cannot load the schema 7 dump"; exit 1; }
import gzip, sqlite3, sys
src, db = sys.argv[1], sys.argv[2]
sql = gzip.open(src + "/tests/data/schema-v7-demo.sql.gz", "rt", encoding="utf-8").read().replace("@SRC@", src)
c = sqlite3.connect(db)
c.executescript(sql)
c.execute("pragma user_version = 7")  # a dump carries neither this
c.execute("pragma application_id = 1414679635")  # nor Trellis's id, "TRLS", set since schema 6
c.commit()
PY
rows_before=$(q "select count(*) from audit")
notes_before=$(q "select count(*) from notes")
[ "$notes_before" -gt 0 ] || bad "the fixture holds notes"

"$trellis" notes --body focus-trust >/dev/null 2>"$dir/err"
[ $? -eq 3 ] && grep -q "trellis init" "$dir/err" && ok || bad "a schema 7 database is refused with the way to upgrade it: $(cat "$dir/err")"

"$trellis" init >"$dir/out" 2>"$dir/err" || bad "init: $(cat "$dir/err")"
grep -q "schema version 7" "$dir/out" && ok || bad "init says it upgraded from 7: $(cat "$dir/out")"
[ "$(q "pragma user_version")" = 12 ] && ok || bad "init carries it to the current schema (12)"
[ "$(q "select count(*) from audit")" -eq $((rows_before + 1)) ] && ok || bad "the old audit rows are kept and the upgrade is one more"
"$trellis" audit verify >"$dir/out" 2>&1 && ok || bad "the audit chain holds across the upgrade: $(cat "$dir/out")"

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
same_levels telford 2018-19 "$data/schema-v7-demo.telford-2018-19.tsv"
same_levels nexus 2019-20/summer "$data/schema-v7-demo.nexus-2019-20-summer.tsv"

# What schema 8 adds: a note's concerns. The notes written before have none, and read as before.
[ "$(q "select count(*) from notes where concerns = '[]'")" = "$notes_before" ] && ok || bad "the notes written before have no concerns"
"$trellis" notes --body focus-trust --format json >"$dir/notes.json" 2>"$dir/err" && "$PY" -c "
import json, sys
n = json.load(open(sys.argv[1]))
assert n and all(x['concerns'] == [] for x in n), n" "$dir/notes.json" && ok || bad "notes read after the upgrade: $(cat "$dir/err")"
# The upgraded database takes a note with a concern, noticed to those the adopted policy names.
"$trellis" note add focus-trust/2019-20/ft-07.roundtable/141401 --text "SYNTHETIC" --concern "SYNTHETIC: a concern" \
  >"$dir/out" 2>"$dir/err" && grep -q "in the outbox" "$dir/out" && ok || bad "note add --concern after the upgrade: $(cat "$dir/out" "$dir/err")"
[ "$(q "select count(*) from outbox where kind = 'notice' and text like '%SYNTHETIC: a concern%'")" = 1 ] && ok ||
  bad "the concern is a notice in the outbox"

echo "$passes passed, $fails failed"
[ "$fails" -eq 0 ]
