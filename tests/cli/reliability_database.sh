#!/usr/bin/env bash
# Issue 19, "Databases, and how they fail": each misuse of --db is exit 3 (or
# 2) with a sentence, never exit 4; read verbs work on a read-only database in
# a read-only folder; another program's SQLite file is never changed; a
# mistyped --db leaves no file; a busy database waits, then says so.
# Usage: reliability_database.sh TRELLIS
set -u
trellis=$(realpath "$1")
dir=$(mktemp -d); trap 'chmod -R u+w "$dir"; rm -rf "$dir"' EXIT
export TRELLIS_NOW=2019-01-14T09:00:00Z TRELLIS_USER=tester
unset TRELLIS_DB
passes=0 fails=0
ok() { passes=$((passes+1)); }
bad() { fails=$((fails+1)); echo "FAIL: $*"; }
# expect CODE PATTERN ARGS...: exit CODE, and stderr holds PATTERN.
expect() {
  local want=$1 pattern=$2; shift 2
  timeout 30 "$trellis" "$@" >"$dir/out" 2>"$dir/err"; local rc=$?
  [ "$rc" = "$want" ] && ok || bad "trellis $* exited $rc, expected $want: $(cat "$dir/err")"
  grep -q -- "$pattern" "$dir/err" && ok || bad "trellis $*: expected \"$pattern\" in: $(cat "$dir/err")"
}

db=$dir/t.db
"$trellis" --db "$db" init >/dev/null 2>&1 || bad "init"
"$trellis" --db "$db" body add la --kind la --name "An LA" >/dev/null 2>&1 || bad "body add"
[ "$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('PRAGMA application_id').fetchone()[0])" "$db")" = 1414679635 ] \
  && ok || bad "init sets PRAGMA application_id to TRLS"

# --db that is a folder, a missing folder, not a database.
expect 3 "is a folder" --db "$dir" body list
expect 3 "no folder" --db "$dir/nowhere/t.db" body list
head -c 4096 /dev/urandom >"$dir/noise.db"
expect 3 "not a database" --db "$dir/noise.db" body list

# A mistyped --db for a read verb (and a writing one) leaves no file behind.
expect 3 "no database at" --db "$dir/typo.db" body list
[ -e "$dir/typo.db" ] && bad "body list made $dir/typo.db" || ok
expect 3 "no database at" --db "$dir/typo.db" body add x --kind la --name X
ls "$dir" | grep -q typo && bad "a write verb made a file: $(ls "$dir")" || ok

# Someone else's SQLite file: neither a read nor init changes it (a read verb switched it to WAL).
python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('CREATE TABLE t(x)'); c.commit()" "$dir/other.db"
before=$(sha256sum "$dir/other.db" | cut -d' ' -f1)
expect 3 "not a Trellis database" --db "$dir/other.db" body list
expect 3 "not a Trellis database" --db "$dir/other.db" init
python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('PRAGMA application_id=1234'); c.commit()" "$dir/app.db"
expect 3 "another program" --db "$dir/app.db" body list
[ "$(sha256sum "$dir/other.db" | cut -d' ' -f1)" = "$before" ] && ok || bad "other.db was changed"
[ "$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('PRAGMA journal_mode').fetchone()[0])" "$dir/other.db")" = delete ] \
  && ok || bad "other.db was switched to WAL"

# A read-only database in a read-only folder: read verbs work, a write says why.
# As root, permissions do not bind: these cases run as nobody.
as=("$trellis")
if [ "$(id -u)" = 0 ]; then
  if command -v setpriv >/dev/null; then as=(setpriv --reuid=65534 --regid=65534 --clear-groups "$trellis"); chmod 755 "$dir"
  else echo "(root without setpriv: the read-only cases are skipped)"; as=(); fi
fi
if [ ${#as[@]} -gt 0 ]; then
  mkdir "$dir/ro"; cp "$db" "$dir/ro/t.db"; chmod 444 "$dir/ro/t.db"; chmod 555 "$dir/ro"
  "${as[@]}" --db "$dir/ro/t.db" body list >"$dir/out" 2>"$dir/err" && grep -q "An LA" "$dir/out" && ok \
    || bad "body list on a read-only database in a read-only folder: $(cat "$dir/err")"
  "${as[@]}" --db "$dir/ro/t.db" body list --format json >/dev/null 2>&1 && ok || bad "body list --format json read-only"
  "${as[@]}" --db "$dir/ro/t.db" body add y --kind la --name Y >"$dir/out" 2>"$dir/err"; rc=$?
  [ "$rc" = 3 ] && grep -q "read-only" "$dir/err" && ok || bad "a write to a read-only database exited $rc: $(cat "$dir/err")"
  [ "$(ls -A "$dir/ro")" = t.db ] && ok || bad "nothing is left in the read-only folder: $(ls -A "$dir/ro")"
  chmod 755 "$dir/ro"; chmod 644 "$dir/ro/t.db"
  # A read-only file in a folder the user may write to.
  mkdir "$dir/rw"; cp "$db" "$dir/rw/t.db"; chmod 444 "$dir/rw/t.db"; chmod 777 "$dir/rw"
  "${as[@]}" --db "$dir/rw/t.db" body list >/dev/null 2>"$dir/err" && ok || bad "body list on a read-only file: $(cat "$dir/err")"
  "${as[@]}" --db "$dir/rw/t.db" body add z --kind la --name Z >"$dir/out" 2>"$dir/err"; rc=$?
  [ "$rc" = 3 ] && grep -q "read-only" "$dir/err" && ok || bad "a write to a read-only file exited $rc: $(cat "$dir/err")"
fi

# A busy database: another writer holds the lock; trellis waits a bounded time, then says so.
python3 - "$db" "$dir/locked" <<'PY' &
import sqlite3, sys, time, os
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("BEGIN IMMEDIATE")
open(sys.argv[2], "w").close()
time.sleep(12)
c.execute("ROLLBACK")
PY
holder=$!
for _ in $(seq 100); do [ -e "$dir/locked" ] && break; sleep 0.1; done
start=$(date +%s)
expect 3 "another trellis is writing" --db "$db" body add busy --kind la --name Busy
took=$(( $(date +%s) - start ))
[ "$took" -le 10 ] && ok || bad "the wait is bounded (took ${took}s)"
"$trellis" --db "$db" body list >/dev/null 2>&1 && ok || bad "a read verb works while another writes (WAL)"
wait "$holder"
"$trellis" --db "$db" body add busy --kind la --name Busy >/dev/null 2>&1 && ok || bad "the write works once the lock is gone"

echo "$passes passed, $fails failed"
[ "$fails" = 0 ]
