#!/usr/bin/env bash
# Schema 5 -> 6 (the outbox holds notices of standing decisions, issue 14) on
# a database made by a previous main: tests/data/schema-v4-demo.sql.gz (`trellis
# demo` at 257c885), upgraded by `trellis init` through 5 to 6. Every letter
# is kept as it was, ids and all; a notice can then be stored, and a kind the
# outbox does not know is still refused.
# Usage: migrate_notice.sh TRELLIS SOURCE_DIR
set -u
trellis=$1 src=$2
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
export TRELLIS_DB=$dir/v4.db TRELLIS_NOW=2024-09-02T09:00:00Z TRELLIS_USER=demo-admin
PY=$(command -v /usr/bin/python3 || command -v python3)
passes=0 fails=0
ok() { passes=$((passes+1)); }
bad() { fails=$((fails+1)); echo "FAIL: $*"; }
q() { "$PY" -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])" "$TRELLIS_DB" "$1"; }
letters() { "$PY" -c "import sqlite3,sys; [print(r) for r in sqlite3.connect(sys.argv[1]).execute('select * from outbox order by id')]" "$TRELLIS_DB"; }

"$PY" - "$src" "$TRELLIS_DB" <<'PY' || { echo "cannot load the schema 4 dump"; exit 1; }
import gzip, sqlite3, sys
src, db = sys.argv[1], sys.argv[2]
sql = gzip.open(src + "/tests/data/schema-v4-demo.sql.gz", "rt", encoding="utf-8").read().replace("@SRC@", src)
c = sqlite3.connect(db)
c.executescript(sql)
c.execute("pragma user_version = 4")
c.commit()
PY
letters >"$dir/before"
[ "$(wc -l <"$dir/before")" -gt 0 ] && ok || bad "the old demo holds letters"
"$trellis" init >"$dir/out" 2>"$dir/err" || bad "init: $(cat "$dir/err")"
[ "$(q "pragma user_version")" = 12 ] && ok || bad "init carries it to the current schema (12)"
letters >"$dir/after"
cmp -s "$dir/before" "$dir/after" && ok || bad "every letter is kept as it was: $(diff "$dir/before" "$dir/after" | head -5)"
[ "$(q "select count(*) from sqlite_master where name = 'outbox_school'")" = 1 ] && ok || bad "the outbox index is back"
"$trellis" audit verify >"$dir/out" 2>&1 && ok || bad "the audit chain holds across the upgrade: $(cat "$dir/out")"
"$PY" - "$TRELLIS_DB" <<'PY' && ok || bad "schema 6: a notice is stored, an unknown kind refused"
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
row = c.execute("select body_id, urn, period, regime from outbox limit 1").fetchone()
c.execute("insert into outbox (body_id, urn, period, regime, kind, to_level, file, text, created_at) values (?,?,?,?,'notice','formal','n.md','x','now')", row)
try:
    c.execute("insert into outbox (body_id, urn, period, regime, kind, to_level, file, text, created_at) values (?,?,?,?,'memo','x','m.md','x','now')", row)
    sys.exit("an unknown kind was stored")
except sqlite3.IntegrityError:
    pass
PY

echo "$passes passed, $fails failed"
[ "$fails" -eq 0 ]
