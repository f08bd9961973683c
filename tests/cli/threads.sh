#!/usr/bin/env bash
# Issue 18: `assess --threads N` judges schools on N threads for a plugin that
# promises it may (SDK 3.1), and the result is the same byte for byte as on
# one thread: the dry run's JSON for every body of the demo, and what a stored
# run writes (assessments, ratings, activities, letters, the audit row and its
# hash) on two copies of one database. The first failing school in order is
# the one named, whichever thread saw it; a plugin that made no promise (SDK
# 3.0) runs on one thread; --threads and $TRELLIS_THREADS are checked.
# Usage: threads.sh TRELLIS SOURCE_DIR DEMO_FIXTURE_DIR PLUGIN_FIXTURE_DIR
set -u
trellis=$1 src=$2 fixtures=$4
source "$(dirname "$0")/demo_copy.sh"
source "$(dirname "$0")/assess_rows.sh"
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
export TRELLIS_NOW=2020-07-20T09:00:00Z TRELLIS_USER=demo-admin
unset TRELLIS_THREADS
passes=0 fails=0
ok() { passes=$((passes+1)); }
bad() { fails=$((fails+1)); echo "FAIL: $*"; }
demo_copy "$3" "$dir/demo.db"

# Each body of the demo, with the last period it assessed.
python3 - "$dir/demo.db" >"$dir/runs" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
for body, period in db.execute("SELECT body_id, max(period) FROM assessments GROUP BY body_id ORDER BY body_id"):
    print(body, period)
PY
[ "$(wc -l <"$dir/runs")" -ge 4 ] && ok || bad "the demo has a body per regime: $(cat "$dir/runs")"

# Dry runs: byte-identical JSON and warnings on 1, 2 and 4 threads, for every regime.
while read -r body period; do
  for n in 1 2 4; do
    TRELLIS_DB=$dir/demo.db "$trellis" assess --body "$body" --period "$period" --dry-run --format json --threads $n \
      >"$dir/$body.$n.json" 2>"$dir/$body.$n.err" || bad "$body $period --threads $n: $(cat "$dir/$body.$n.err")"
  done
  [ -s "$dir/$body.1.json" ] && cmp -s "$dir/$body.1.json" "$dir/$body.2.json" && cmp -s "$dir/$body.1.json" "$dir/$body.4.json" \
    && ok || bad "$body $period: the dry run's JSON differs between 1, 2 and 4 threads"
  cmp -s "$dir/$body.1.err" "$dir/$body.2.err" && cmp -s "$dir/$body.1.err" "$dir/$body.4.err" \
    && ok || bad "$body $period: the warnings differ between 1, 2 and 4 threads"
done <"$dir/runs"

# Stored runs on two copies of one database: the same rows, the same audit hashes.
cp "$dir/demo.db" "$dir/one.db"; cp "$dir/demo.db" "$dir/two.db"
while read -r body period; do
  for copy in one two; do
    n=1; [ $copy = two ] && n=2
    TRELLIS_DB=$dir/$copy.db "$trellis" assess --body "$body" --period "$period" --format json --threads $n \
      >"$dir/stored.$copy.json" 2>"$dir/stored.$copy.err" || bad "stored $body --threads $n: $(cat "$dir/stored.$copy.err")"
  done
  cmp -s "$dir/stored.one.json" "$dir/stored.two.json" && ok || bad "stored $body: the JSON differs between 1 and 2 threads"
  # A dry run and a stored run print each school as it is judged, through one spool: the same bytes.
  cmp -s "$dir/$body.1.json" "$dir/stored.one.json" && ok || bad "$body: the dry run's JSON differs from the stored run's"
done <"$dir/runs"
# The same for the table: the dry run's first line says so, and it ends with the levels (nothing planned, no letters).
cp "$dir/demo.db" "$dir/three.db"
while read -r body period; do
  TRELLIS_DB=$dir/three.db "$trellis" assess --body "$body" --period "$period" >"$dir/stored.table" 2>"$dir/err" \
    || bad "stored $body table: $(cat "$dir/err")"
  TRELLIS_DB=$dir/demo.db "$trellis" assess --body "$body" --period "$period" --dry-run >"$dir/dry.table" 2>"$dir/err" \
    || bad "dry $body table: $(cat "$dir/err")"
  n=$(grep -n '^By level:' "$dir/stored.table" | cut -d: -f1)
  [ -n "$n" ] && [ "$(wc -l <"$dir/dry.table")" = "$n" ] &&
    cmp -s <(head -n "$n" "$dir/stored.table" | sed '1s/$/ (dry run: nothing stored)/') "$dir/dry.table" && ok \
    || bad "$body: the dry run's table differs from the stored run's: $(diff <(head -n "${n:-1}" "$dir/stored.table") "$dir/dry.table" | head -5)"
done <"$dir/runs"
stored_rows "$dir/one.db" >"$dir/one.rows"; stored_rows "$dir/two.db" >"$dir/two.rows"
[ "$(grep -c '^assessments' "$dir/one.rows")" -gt 0 ] && cmp -s "$dir/one.rows" "$dir/two.rows" && ok \
  || bad "stored runs on 1 and 2 threads wrote different rows: $(diff "$dir/one.rows" "$dir/two.rows" | head -5)"
TRELLIS_DB=$dir/two.db "$trellis" audit verify >"$dir/out" 2>&1 && ok || bad "audit verify after the threaded runs: $(cat "$dir/out")"

# Issue 19 on several threads: of two failing schools, the first in order is
# named even when it is slow to fail and a later one fails first; nothing is stored.
read -r tbody tperiod < <(grep '^telford ' "$dir/runs")
urns=($(python3 -c "import json,sys; print(' '.join(str(s['urn']) for s in json.load(open(sys.argv[1])) if s['level'] not in ('academy', 'out of scope')))" "$dir/telford.1.json"))
[ "${#urns[@]}" -ge 6 ] && ok || bad "the demo's Telford has classified schools: ${urns[*]}"
slow=${urns[2]} fast=${urns[5]}
failing_telford "$src" "$dir" "$slow" "$fast" 1500000
cp "$dir/demo.db" "$dir/fail.db"
before=$(stored_rows "$dir/fail.db" | md5sum)
for n in 1 4; do
  TRELLIS_DB=$dir/fail.db "$trellis" assess --body "$tbody" --period "$tperiod" --policy "$dir/draft/telford.toml" \
    --threads $n >"$dir/out" 2>"$dir/err"; rc=$?
  [ $rc = 3 ] && grep -q "($slow): .*first school fails" "$dir/err" && ! grep -q "second school fails" "$dir/err" && ok \
    || bad "--threads $n: exit $rc, wanted 3 naming $slow alone: $(cat "$dir/err")"
done
[ "$(stored_rows "$dir/fail.db" | md5sum)" = "$before" ] && ok || bad "a failed threaded run stored something"
# A dry run that fails prints none of the schools judged before the failure, on any number of threads (issue 18).
for n in 1 2; do
  for format in json table; do
    TRELLIS_DB=$dir/fail.db "$trellis" assess --body "$tbody" --period "$tperiod" --policy "$dir/draft/telford.toml" \
      --dry-run --format $format --threads $n >"$dir/out" 2>"$dir/err"; rc=$?
    [ $rc = 3 ] && [ ! -s "$dir/out" ] && grep -q "($slow): .*first school fails" "$dir/err" && ok \
      || bad "a failing dry run, $format on $n threads: exit $rc, $(wc -c <"$dir/out") bytes printed: $(head -c 300 "$dir/err")"
  done
done

# A plugin built for SDK 3.0 made no promise: one thread, its calls in school order.
cat >"$dir/classify.lua" <<'LUA'
return function(school, params) return "green", {"fixture"} end
LUA
for id in sdk30 concurrent; do
  cat >"$dir/$id.toml" <<TOML
[policy]
regime = "fixture-$id"
body = "A fixture body"
version = "1"
approved = 2019-09-01
review = 2030-09-01

[thresholds]
classify = "classify.lua"
TOML
done
export TRELLIS_PLUGIN_PATH=$fixtures/sdk30.so:$fixtures/concurrent.so
members=$(python3 -c "import json,sys; print(' '.join(str(s['urn']) for s in json.load(open(sys.argv[1]))))" "$dir/telford.1.json")
for id in sdk30 concurrent; do
  TRELLIS_DB=$dir/demo.db "$trellis" body add "f-$id" --kind trust --name "Fixture $id" >"$dir/out" 2>&1 &&
    TRELLIS_DB=$dir/demo.db "$trellis" body join "f-$id" $members --from 2019-09-01 >>"$dir/out" 2>&1 &&
    TRELLIS_DB=$dir/demo.db "$trellis" body adopt "f-$id" "$dir/$id.toml" --from 2019-09-01 >>"$dir/out" 2>&1 \
    && ok || bad "set up the $id fixture body: $(cat "$dir/out")"
done
TRELLIS_DB=$dir/demo.db "$trellis" assess --body f-sdk30 --period 2019-20 --dry-run --format json --threads 4 \
  >"$dir/out" 2>"$dir/err" && ok || bad "an SDK 3.0 plugin on --threads 4: $(cat "$dir/err")"
python3 -c "
import json, sys
d = json.load(open(sys.argv[1]))
assert len(d) > 4 and [s['reasons'][-1] for s in d] == ['call %d' % (i + 1) for i in range(len(d))], [s['reasons'] for s in d]
" "$dir/out" && ok || bad "the SDK 3.0 plugin was called once a school, in order, on one thread"
TRELLIS_DB=$dir/demo.db "$trellis" assess --body f-concurrent --period 2019-20 --dry-run --format json --threads 2 \
  >"$dir/out.2" 2>"$dir/err" && grep -q "fixture-concurrent: assessed on 2 threads" "$dir/err" && ok \
  || bad "a plugin that promised concurrency runs on 2 threads: $(cat "$dir/err")"
TRELLIS_DB=$dir/demo.db "$trellis" assess --body f-concurrent --period 2019-20 --dry-run --format json --threads 1 \
  >"$dir/out.1" 2>"$dir/err" && grep -q "fixture-concurrent: assessed on 1 threads" "$dir/err" && cmp -s "$dir/out.1" "$dir/out.2" \
  && ok || bad "--threads 1 is one thread, and the same output: $(cat "$dir/err")"
TRELLIS_DB=$dir/demo.db "$trellis" plugins --format json >"$dir/out" 2>&1
python3 -c "
import json, sys
by = {p['id']: p for p in json.load(open(sys.argv[1]))}
assert by['fixture-concurrent']['concurrent'] and not by['fixture-sdk30']['concurrent'], by
assert by['fixture-sdk30']['sdk_version'] == '3.0' and by['fixture-sdk30']['loaded'], by['fixture-sdk30']
assert all(by[r]['concurrent'] for r in ('telford-la', 'nexus-mat', 'heart-of-mercia', 'focus-trust')), by
" "$dir/out" && ok || bad "plugins says which promised concurrency: $(cat "$dir/out")"
unset TRELLIS_PLUGIN_PATH

# The thread count: $TRELLIS_THREADS, checked like --threads; bad values are usage errors (exit 2).
TRELLIS_THREADS=2 TRELLIS_DB=$dir/demo.db "$trellis" assess --body "$tbody" --period "$tperiod" --dry-run --format json \
  >"$dir/out" 2>"$dir/err" && cmp -s "$dir/out" "$dir/telford.1.json" && ok || bad "TRELLIS_THREADS=2: $(cat "$dir/err")"
for v in 0 x 2x 999; do
  TRELLIS_THREADS=$v TRELLIS_DB=$dir/demo.db "$trellis" assess --body "$tbody" --period "$tperiod" --dry-run >"$dir/out" 2>"$dir/err"
  rc=$?; [ $rc = 2 ] && grep -q 'TRELLIS_THREADS' "$dir/err" && ok || bad "TRELLIS_THREADS=$v: exit $rc: $(cat "$dir/err")"
done
for v in 0 -1 x 999; do
  TRELLIS_DB=$dir/demo.db "$trellis" assess --body "$tbody" --period "$tperiod" --dry-run --threads=$v >"$dir/out" 2>"$dir/err"
  rc=$?; [ $rc = 2 ] && grep -q -- '--threads' "$dir/err" && ok || bad "--threads $v: exit $rc: $(cat "$dir/err")"
done

echo "$passes passed, $fails failed"
[ "$fails" = 0 ]
