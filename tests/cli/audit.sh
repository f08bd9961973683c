#!/usr/bin/env bash
# The tamper-evident audit log (issue 11) end to end: reading it, and `audit
# verify` catching a row edited, deleted or reordered through sqlite, by an
# attacker who drops the append-only triggers first.
# Usage: audit.sh TRELLIS SOURCE_DIR
set -u
trellis=$1 src=$2
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
export TRELLIS_DB=$dir/t.db TRELLIS_NOW=2024-09-02T09:00:00Z TRELLIS_USER=tester
PY=$(command -v /usr/bin/python3 || command -v python3)
passes=0 fails=0
ok() { passes=$((passes+1)); }
bad() { fails=$((fails+1)); echo "FAIL: $*"; }
run() { "$trellis" "$@" >"$dir/out" 2>"$dir/err" || { bad "trellis $* exited $?"; cat "$dir/err"; }; }
# expect WHAT PYTHON-EXPRESSION: true of d, the JSON that the last command printed.
expect() {
  "$PY" -c "import json,sys; d=json.load(open('$dir/out')); sys.exit(0 if ($2) else 1)" && ok \
    || { bad "$1"; head -c 2000 "$dir/out"; }
}
# tampered NAME SQL: a copy of the database with SQL applied after the triggers are dropped.
tampered() {
  "$PY" - "$TRELLIS_DB" "$dir/$1.db" "$2" <<'PY'
import sqlite3, sys
src, dst, sql = sys.argv[1:]
out = sqlite3.connect(dst)
sqlite3.connect(src).backup(out)
out.executescript("DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete;" + sql)
out.commit()
PY
}
# verify_fails WHAT DB PATTERN: `audit verify` exits 1 and says PATTERN.
verify_fails() {
  "$trellis" --db "$2" audit verify >"$dir/out" 2>"$dir/err"; local rc=$?
  if [ "$rc" -ne 1 ]; then bad "$1: verify exited $rc, expected 1"; cat "$dir/out" "$dir/err"
  elif ! grep -q "$3" "$dir/out"; then bad "$1: expected \"$3\" in: $(cat "$dir/out")"
  else ok; fi
}

# A small database, built through the CLI: one row per write.
run init                                                                 # 1
run import schools "$src/tests/data/spine_small.csv"                     # 2
run body add t1 --kind trust --name "Trust One"                          # 3
run body join t1 100000 100001 --from 2024-09-01                         # 4
run person add v1 --name "A Viewer" --role viewer                        # 5
export TRELLIS_NOW=2024-10-01T10:00:00Z
run record 100000 --indicator safeguarding_concerns --period 2024-25 --value 2   # 6
run record 100001 --indicator safeguarding_concerns --period 2024-25 --value 0   # 7
export TRELLIS_NOW=2024-11-04T11:00:00Z
run person add h1 --name "A Head" --role head --body t1 --school 100000  # 8

run audit
[ "$(grep -c . "$dir/out")" -eq 9 ] && ok || bad "a header and 8 rows: $(cat "$dir/out")"
head -1 "$dir/out" | grep -q "id.*at.*who.*role.*command.*summary" && ok || bad "table header: $(head -1 "$dir/out")"
grep -q "tester.*admin.*person add.*h1" "$dir/out" && ok || bad "who, role and command shown: $(cat "$dir/out")"

run audit --format json
expect "8 rows in id order" "[r['id'] for r in d] == list(range(1, 9))"
expect "json fields" "all({'id','at','who','role','command','summary','input_hash','body','urn','changes','hash'} <= set(r) for r in d)"
expect "the register's file hash is kept" "len(d[1]['input_hash']) == 64 and d[1]['command'] == 'import schools'"
expect "each row's hash is the next one's previous hash" "all(a['hash'] == b['prev_hash'] for a, b in zip(d, d[1:]))"
expect "changes: the person added, the evidence recorded" "d[7]['changes']['person'] == {'id': 'h1', 'name': 'A Head', 'role': 'head', 'body': 't1', 'school': 100000} and d[5]['changes']['evidence'] > 0 and d[5]['changes']['supersedes'] is None"
run audit --school 100000 --format json
expect "--school: the rows about 100000" "[r['id'] for r in d] == [6, 8] and all(r['urn'] == 100000 for r in d)"
run audit --since 2024-10-01 --format json
expect "--since: rows from that day on" "[r['id'] for r in d] == [6, 7, 8]"
run audit --body t1 --format json
expect "--body: the rows about t1" "d and all(r['body'] == 't1' for r in d) and 3 in [r['id'] for r in d]"
run audit --format csv
head -1 "$dir/out" | tr -d '\r' | grep -qx "id,at,who,role,command,summary" && ok || bad "csv header: $(head -1 "$dir/out")"
"$trellis" audit --since 2024-13-01 >"$dir/out" 2>"$dir/err"; rc=$?
[ "$rc" -eq 2 ] && grep -q "since" "$dir/err" && ok || bad "a bad --since exits 2 naming it: $rc $(cat "$dir/err")"
"$trellis" --as v1 audit >/dev/null 2>"$dir/err" && ok || bad "a viewer reads the audit: $(cat "$dir/err")"

run audit verify
grep -qx "8 rows, chain intact" "$dir/out" && ok || bad "verify on the untouched database: $(cat "$dir/out")"
"$trellis" --as v1 audit verify >/dev/null 2>&1 && ok || bad "a viewer verifies the audit"
run audit verify --format json
expect "verify json" "d == {'rows': 8, 'intact': True}"

# The triggers stop accidents.
"$PY" -c "
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
for sql in ('UPDATE audit SET summary = \'x\' WHERE id = 3', 'DELETE FROM audit WHERE id = 3'):
    try:
        c.execute(sql); sys.exit('not refused: ' + sql)
    except sqlite3.DatabaseError as e:
        assert 'append-only' in str(e), e
" "$TRELLIS_DB" && ok || bad "UPDATE and DELETE on audit are refused"

# Three kinds of tampering, each on a fresh copy; and the newest row deleted.
tampered edited "UPDATE audit SET summary = 't1 (trust): Nobody' WHERE id = 3;"
verify_fails "a row edited" "$dir/edited.db" "broken at row 3 (edited)"
tampered deleted "DELETE FROM audit WHERE id = 4;"
verify_fails "a middle row deleted" "$dir/deleted.db" "broken at row 4 (deleted): row 4 was deleted"
content="at, who, role, command, summary, input_hash, body_id, urn, changes"
tampered reordered "CREATE TEMP TABLE moved AS SELECT * FROM audit WHERE id IN (5, 6);
  UPDATE audit SET ($content) = (SELECT $content FROM moved WHERE moved.id = 11 - audit.id) WHERE id IN (5, 6);"
verify_fails "two rows swapped" "$dir/reordered.db" "broken at row 5 (reordered): row 5 holds what was written as row 6"
tampered last "DELETE FROM audit WHERE id = 8;"
verify_fails "the newest row deleted" "$dir/last.db" "row 8 was deleted from the end"
"$trellis" --db "$dir/edited.db" audit verify --format json >"$dir/out" 2>/dev/null
expect "verify json names the row" "d['intact'] is False and d['row'] == 3 and d['problem'] == 'edited'"

# Rows written before the chain (schema 2, no role) are sealed when init upgrades the database.
"$PY" - "$src" "$dir/old.db" <<'PY' || bad "cannot load the schema 2 dump"
import gzip, sqlite3, sys
src, db = sys.argv[1], sys.argv[2]
c = sqlite3.connect(db)
c.executescript(gzip.open(src + "/tests/data/schema-v2-demo.sql.gz", "rt", encoding="utf-8").read().replace("@SRC@", src))
c.execute("pragma user_version = 2")
c.commit()
PY
"$trellis" --db "$dir/old.db" init >/dev/null 2>"$dir/err" || bad "init upgrades the schema 2 database: $(cat "$dir/err")"
"$trellis" --db "$dir/old.db" audit verify >"$dir/out" 2>"$dir/err" && grep -q "chain intact" "$dir/out" && ok \
  || bad "the upgraded database's chain: $(cat "$dir/out" "$dir/err")"
"$trellis" --db "$dir/old.db" audit --format json >"$dir/out"
expect "old rows keep a NULL role; the upgrade's own row has one" "d[0]['role'] is None and d[-1]['role'] == 'admin' and d[-1]['command'] == 'init'"

echo "$passes passed, $fails failed"
[ "$fails" -eq 0 ]
