#!/usr/bin/env bash
# Issue 19, what held and must keep holding: `kill -9` in the middle of an
# import or an assessment leaves the database wholly before or wholly after
# (and its audit chain whole); two writers serialise.
# Usage: reliability_crash.sh TRELLIS SOURCE_DIR
set -u
trellis=$(realpath "$1") src=$(cd "$2" && pwd -P)
ex=$src/examples/telford-and-wrekin
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
export TRELLIS_DB=$dir/t.db TRELLIS_NOW=2019-01-14T09:00:00Z TRELLIS_USER=tester
passes=0 fails=0
ok() { passes=$((passes+1)); }
bad() { fails=$((fails+1)); echo "FAIL: $*"; }
count() { python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])" "$TRELLIS_DB" "$1"; }

"$trellis" init >/dev/null 2>&1 || bad "init"
"$trellis" import schools "$ex/data/england_spine.csv" >/dev/null 2>&1 || bad "import schools"
"$trellis" body add telford --kind la --name Telford >/dev/null 2>&1 || bad "body add"
"$trellis" body join telford --la 894 --from 2017-09-01 >/dev/null 2>&1 || bad "body join"
"$trellis" body adopt telford "$src/policies/telford-and-wrekin.toml" --from 2017-09-01 >/dev/null 2>&1 || bad "adopt"
cp "$TRELLIS_DB" "$dir/base.db"
base_imports=$(count "SELECT count(*) FROM imports")

# kill -9 at several moments of an import, then of an assessment: before or after, never between.
full_import() { "$trellis" import evidence "$ex/data/england_census.csv" --period 2018-19 >/dev/null 2>&1; }
for delay in 0.02 0.05 0.1 0.2 0.4; do
  cp "$dir/base.db" "$TRELLIS_DB"; rm -f "$TRELLIS_DB-wal" "$TRELLIS_DB-shm"
  "$trellis" import evidence "$ex/data/england_census.csv" --period 2018-19 >/dev/null 2>&1 &
  pid=$!; sleep "$delay"; kill -9 "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
  n=$(count "SELECT count(*) FROM evidence"); imports=$(count "SELECT count(*) FROM imports")
  if [ "$n" = 0 ] && [ "$imports" = "$base_imports" ]; then ok
  elif [ "$imports" = $((base_imports + 1)) ] && [ "$n" -gt 0 ]; then ok
  else bad "after kill -9 at ${delay}s: $n evidence rows, $imports imports"; fi
  "$trellis" audit verify >/dev/null 2>&1 && ok || bad "the audit chain is whole after kill -9 at ${delay}s"
done
full_import || bad "an import after the trials"
for delay in 0.05 0.2 0.5; do
  "$trellis" assess --body telford --period 2018-19 --on 2018-09-03 >/dev/null 2>&1 &
  pid=$!; sleep "$delay"; kill -9 "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
  orphans=$(count "SELECT count(*) FROM assessments WHERE audit_id IS NULL OR audit_id NOT IN (SELECT id FROM audit)")
  [ "$orphans" = 0 ] && ok || bad "$orphans assessments without their audit row after kill -9 at ${delay}s"
  "$trellis" audit verify >/dev/null 2>&1 && ok || bad "the audit chain is whole after killing assess at ${delay}s"
done

# Two writers at once: both succeed, one after the other.
"$trellis" body add a1 --kind la --name A1 >/dev/null 2>"$dir/e1" & p1=$!
"$trellis" body add a2 --kind la --name A2 >/dev/null 2>"$dir/e2" & p2=$!
wait "$p1" && ok || bad "the first writer: $(cat "$dir/e1")"
wait "$p2" && ok || bad "the second writer: $(cat "$dir/e2")"
[ "$(count "SELECT count(*) FROM bodies WHERE id IN ('a1','a2')")" = 2 ] && ok || bad "both writes are stored"
"$trellis" audit verify >/dev/null 2>&1 && ok || bad "the audit chain is whole after two writers"

echo "$passes passed, $fails failed"
[ "$fails" = 0 ]
