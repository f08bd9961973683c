#!/usr/bin/env bash
# Schema 7 -> 9 (8: concerns kept with notes; 9: people's passwords) on a database made by the previous main:
# tests/data/schema-v7-people.sql.gz (tests/data/make-schema-v7-people.sh).
# After `trellis init` the people and the audit chain are kept, and a
# password can be set and is stored as an argon2id hash, never as given.
# Usage: migrate_v7_people.sh TRELLIS SOURCE_DIR
set -u
trellis=$1 src=$2
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
c = sqlite3.connect(db)
c.executescript(gzip.open(src + "/tests/data/schema-v7-people.sql.gz", "rt", encoding="utf-8").read())
c.execute("pragma user_version = 7")  # a dump carries neither this
c.execute("pragma application_id = 1414679635")  # nor Trellis's mark (0x54524c53)
c.commit()
PY
rows_before=$(q "select count(*) from audit")

echo "a long enough password" | "$trellis" person password head >/dev/null 2>"$dir/err"
[ $? -eq 3 ] && grep -q "trellis init" "$dir/err" && ok || bad "a schema 7 database is refused with the way to upgrade it: $(cat "$dir/err")"
"$trellis" init >"$dir/out" 2>"$dir/err" || bad "init: $(cat "$dir/err")"
grep -q "schema version 7" "$dir/out" && ok || bad "init says it upgraded from 7: $(cat "$dir/out")"
[ "$(q "pragma user_version")" = 12 ] && ok || bad "init carries it to the current schema (12)"
[ "$(q "select count(*) from people")" = 3 ] && ok || bad "the people are kept"
[ "$(q "select count(*) from audit")" -eq $((rows_before + 1)) ] && ok || bad "the old audit rows are kept and the upgrade is one more"

echo "a long enough password" | "$trellis" person password head >"$dir/out" 2>"$dir/err" && ok || bad "person password after the upgrade: $(cat "$dir/err")"
hash=$(q "select hash from passwords where person_id = 'head'")
case $hash in '$argon2id$'*) ok ;; *) bad "the password is stored as an argon2id hash: $hash" ;; esac
[ "$(q "select count(*) from passwords where hash like '%long enough%'")" = 0 ] && ok || bad "the password itself is not stored"
[ "$(q "select set_by from passwords where person_id = 'head'")" = demo-admin ] && ok || bad "who set it is kept"
q "select summary from audit order by id desc limit 1" | grep -q "password set for head" && ok || bad "the audit says whose password was set"
q "select summary || changes from audit order by id desc limit 1" | grep -q "long enough" && bad "the audit holds the password" || ok

# The officer may set a head's password in their body; a head may not set another's; nobody sets an admin's but an admin.
echo "another long password" | TRELLIS_USER=qa-lead "$trellis" person password head >/dev/null 2>&1 && ok || bad "an officer sets a password for a person of their body"
echo "another long password" | TRELLIS_USER=head "$trellis" person password qa-lead >/dev/null 2>"$dir/err"
[ $? -eq 3 ] && grep -q "may not" "$dir/err" && ok || bad "a head may not set an officer's password: $(cat "$dir/err")"
echo "another long password" | TRELLIS_USER=qa-lead "$trellis" person password demo-admin >/dev/null 2>&1
[ $? -eq 3 ] && ok || bad "an officer may not set an admin's password"
echo "short" | TRELLIS_USER=head "$trellis" person password head >/dev/null 2>"$dir/err"
[ $? -eq 2 ] && grep -q "at least 12 characters, found 5" "$dir/err" && ok || bad "a short password is refused, saying why: $(cat "$dir/err")"
"$trellis" audit verify >"$dir/out" 2>&1 && ok || bad "the audit chain holds: $(cat "$dir/out")"

echo "$passes passed, $fails failed"
[ "$fails" -eq 0 ]
