#!/usr/bin/env bash
# Schema 9 -> 10 (the register's trust with each school; an indicator's
# declared range) on a database made by the previous main:
# tests/data/schema-v9-sdk3.sql.gz (tests/data/make-schema-v9-sdk3.sh).
# After `trellis init` the schools, evidence and indicators are kept, no
# trust or range is invented, and a GIAS file's trusts are then stored.
# Usage: migrate_v9_sdk3.sh TRELLIS SOURCE_DIR
set -u
trellis=$1 src=$2
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
export TRELLIS_DB=$dir/v9.db TRELLIS_NOW=2024-09-02T09:00:00Z TRELLIS_USER=demo-admin
PY=$(command -v /usr/bin/python3 || command -v python3)
passes=0 fails=0
ok() { passes=$((passes+1)); }
bad() { fails=$((fails+1)); echo "FAIL: $*"; }
q() { "$PY" -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])" "$TRELLIS_DB" "$1"; }

"$PY" - "$src" "$TRELLIS_DB" <<'PY' || { echo "cannot load the schema 9 dump"; exit 1; }
import gzip, sqlite3, sys
src, db = sys.argv[1], sys.argv[2]
c = sqlite3.connect(db)
c.executescript(gzip.open(src + "/tests/data/schema-v9-sdk3.sql.gz", "rt", encoding="utf-8").read())
c.execute("pragma user_version = 9")  # a dump carries neither this
c.execute("pragma application_id = 1414679635")  # nor Trellis's mark (0x54524c53)
c.commit()
PY
schools=$(q "select count(*) from schools") items=$(q "select count(*) from evidence") inds=$(q "select count(*) from indicators")

"$trellis" schools >/dev/null 2>"$dir/err"
[ $? -eq 3 ] && grep -q "trellis init" "$dir/err" && ok || bad "a schema 9 database is refused with the way to upgrade it: $(cat "$dir/err")"
"$trellis" init >"$dir/out" 2>"$dir/err" || bad "init: $(cat "$dir/err")"
grep -q "schema version 9" "$dir/out" && ok || bad "init says it upgraded from 9: $(cat "$dir/out")"
[ "$(q "pragma user_version")" = 12 ] && ok || bad "init carries it to the current schema (12)"
[ "$(q "select count(*) from schools")" = "$schools" ] && [ "$(q "select count(*) from evidence")" = "$items" ] &&
  [ "$(q "select count(*) from indicators")" = "$inds" ] && ok || bad "schools, evidence and indicators are kept"
[ "$(q "select count(*) from schools where trust_code is not null or trust_name is not null")" = 0 ] && ok || bad "no trust is invented"
[ "$(q "select count(*) from indicators where min is not null or max is not null or whole_number")" = 0 ] && ok || bad "no range is invented"
"$trellis" schools --format json >"$dir/out" 2>"$dir/err" && ok || bad "schools after the upgrade: $(cat "$dir/err")"
"$trellis" import schools "$src/tests/data/gias_telford_academies.csv" >/dev/null 2>"$dir/err" && ok || bad "a GIAS import: $(cat "$dir/err")"
[ "$(q "select trust_name from schools where urn = 139766")" = "Telford Schools Trust (SYNTHETIC)" ] && ok || bad "the trust is stored"

echo "$passes passed, $fails failed"
[ "$fails" -eq 0 ]
