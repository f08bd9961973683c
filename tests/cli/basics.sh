#!/usr/bin/env bash
# The CLI's contract for init and bodies: exit codes and JSON fields.
set -u
trellis=$1
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
export TRELLIS_DB=$dir/t.db
fails=0; passes=0
check() { # name expected-exit-code command...
  local name=$1 want=$2; shift 2
  "$@" >"$dir/out" 2>"$dir/err"; local got=$?
  if [ "$got" -eq "$want" ]; then passes=$((passes+1)); else
    fails=$((fails+1)); echo "FAIL $name: exit $got, wanted $want"; cat "$dir/out" "$dir/err"; fi
}
check "verb before init is refused" 3 "$trellis" body list
grep -q "trellis init" "$dir/err" || { echo "FAIL: no hint to run init"; fails=$((fails+1)); }
check "init" 0 "$trellis" init
check "init again" 0 "$trellis" init
check "body add" 0 "$trellis" body add t1 --kind trust --name "Trust One"
check "body add duplicate" 2 "$trellis" body add t1 --kind trust --name "Trust One"
check "body add bad kind" 2 "$trellis" body add t2 --kind council --name "X"
check "body list json" 0 "$trellis" body list --format json
python3 -c "import json,sys; d=json.load(open('$dir/out')); assert d[0]['id']=='t1' and d[0]['kind']=='trust' and d[0]['schools']==0, d" \
  || { echo "FAIL: body list json"; fails=$((fails+1)); }
check "--db after the verb" 0 "$trellis" body list --db "$dir/t.db"
check "unknown verb" 2 "$trellis" frobnicate
sqlite3 "$dir/t.db" "PRAGMA user_version=999" 2>/dev/null || python3 -c "import sqlite3; c=sqlite3.connect('$dir/t.db'); c.execute('PRAGMA user_version=999'); c.commit()"
check "newer database refused" 3 "$trellis" body list
echo "$passes passed, $fails failed"
[ "$fails" -eq 0 ]
