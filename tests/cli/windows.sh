#!/usr/bin/env bash
# Issue 18: a body of more schools than a window of evidence
# (EvidenceStore::kWindow, 256), judged on several threads while the
# calling thread reads the next window and takes each school in order. The
# dry run prints, and the stored run writes, the same bytes on 1, 2 and 3
# threads; a failure in a later window names the first failing school in
# order and stores nothing. Real DfE files: five large LAs, 2,751 schools.
# Usage: windows.sh TRELLIS SOURCE_DIR [DATA_DIR]
set -u
trellis=$1 src=$2 data=${3:-$2/../shared/data}
source "$(dirname "$0")/assess_rows.sh"
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
export TRELLIS_NOW=2020-07-20T09:00:00Z TRELLIS_USER=tester TRELLIS_DB=$dir/w.db
passes=0 fails=0
ok() { passes=$((passes+1)); }
bad() { fails=$((fails+1)); echo "FAIL: $*"; }
body=five period=2018-19

python3 "$src/tests/bench/national_data.py" subset "$data" "$dir/data" 886 888 881 919 850 || exit 1
{ "$trellis" init &&
  "$trellis" import schools "$dir/data/dfe-2017-18/england_spine.csv" &&
  "$trellis" import evidence "$dir/data/dfe-2018-19/england_census.csv" --period 2018-19 &&
  "$trellis" import evidence "$dir/data/dfe-2018-19/england_abs.csv" --period 2018-19 &&
  "$trellis" import evidence "$dir/data/dfe-2017-18/ofsted_ratings_2018.csv"; } >"$dir/out" 2>&1 \
  || { echo "FAIL: importing the five LAs: $(tail -5 "$dir/out")"; exit 1; }
"$trellis" schools --format csv | python3 -c '
import csv, sys
for r in csv.DictReader(sys.stdin):
    if r["status"] == "open" and r["group"] in ("maintained", "academy"): print(r["urn"])' >"$dir/urns"
{ "$trellis" body add $body --kind la --name "Five LAs" &&
  xargs -a "$dir/urns" "$trellis" body join $body --from 2018-09-01 &&
  "$trellis" body adopt $body "$src/policies/telford-and-wrekin.toml" --from 2018-09-01; } >"$dir/out" 2>&1 \
  || { echo "FAIL: setting up the body: $(tail -5 "$dir/out")"; exit 1; }
[ "$(wc -l <"$dir/urns")" -gt 2048 ] && ok || bad "more schools than eight windows: $(wc -l <"$dir/urns")"

# Dry runs: the same bytes on any number of threads, every school once, in order.
for n in 1 2 3; do
  "$trellis" assess --body $body --period $period --dry-run --format json --threads $n >"$dir/dry.$n" 2>"$dir/err.$n" \
    || bad "dry run on $n threads: $(tail -3 "$dir/err.$n")"
done
cmp -s "$dir/dry.1" "$dir/dry.2" && cmp -s "$dir/dry.1" "$dir/dry.3" && cmp -s "$dir/err.1" "$dir/err.2" && ok \
  || bad "the dry run differs between 1, 2 and 3 threads: $(cmp "$dir/dry.1" "$dir/dry.2")"
python3 - "$dir/dry.1" "$dir/urns" <<'PY' && ok || bad "the dry run judged each school once, in order"
import json, sys
printed = [s["urn"] for s in json.load(open(sys.argv[1]))]
members = sorted(int(u) for u in open(sys.argv[2]))
sys.exit(0 if printed == members or sorted(printed) == members and len(set(printed)) == len(printed) else 1)
PY

# Stored runs on two copies: the same rows, letters, plan and audit hashes.
cp "$TRELLIS_DB" "$dir/one.db"; cp "$TRELLIS_DB" "$dir/two.db"
for copy in one two; do
  n=1; [ $copy = two ] && n=2
  TRELLIS_DB=$dir/$copy.db "$trellis" assess --body $body --period $period --on 2018-09-03 --format json --threads $n \
    >"$dir/stored.$copy" 2>"$dir/err" || bad "stored run on $n threads: $(tail -3 "$dir/err")"
done
cmp -s "$dir/stored.one" "$dir/stored.two" && ok || bad "the stored run printed other bytes on 2 threads"
stored_rows "$dir/one.db" >"$dir/one.rows"; stored_rows "$dir/two.db" >"$dir/two.rows"
[ "$(grep -c '^assessments' "$dir/one.rows")" -gt 2048 ] && [ "$(grep -c '^activities' "$dir/one.rows")" -gt 0 ] &&
  cmp -s "$dir/one.rows" "$dir/two.rows" && ok \
  || bad "stored runs on 1 and 2 threads wrote different rows: $(diff "$dir/one.rows" "$dir/two.rows" | head -5)"
TRELLIS_DB=$dir/two.db "$trellis" audit verify >"$dir/out" 2>&1 && ok || bad "audit verify: $(cat "$dir/out")"

# Issue 19 across windows: two schools of later windows fail, the first slowly; it is
# the one named, on any number of threads, and nothing is stored or printed.
urns=($(python3 -c "import json,sys; print(' '.join(str(s['urn']) for s in json.load(open(sys.argv[1])) if s['level'] not in ('academy', 'out of scope')))" "$dir/dry.1"))
order=($(python3 -c "import json,sys; print(' '.join(str(s['urn']) for s in json.load(open(sys.argv[1]))))" "$dir/dry.1"))
slow= fast=
for i in "${!order[@]}"; do
  [ "$i" -lt 2100 ] && continue
  if [[ " ${urns[*]} " == *" ${order[$i]} "* ]]; then
    if [ -z "$slow" ]; then slow=${order[$i]}; elif [ "$i" -gt 2200 ]; then fast=${order[$i]}; break; fi
  fi
done
[ -n "$slow" ] && [ -n "$fast" ] && ok || bad "two classified schools in later windows: '$slow' '$fast'"
failing_telford "$src" "$dir" "$slow" "$fast" 1500000
before=$(stored_rows "$TRELLIS_DB" | md5sum)
for n in 1 2; do
  "$trellis" assess --body $body --period $period --policy "$dir/draft/telford.toml" --threads $n >"$dir/out" 2>"$dir/err"
  rc=$?
  [ $rc = 3 ] && grep -q "($slow): .*first school fails" "$dir/err" && ! grep -q "second school fails" "$dir/err" && ok \
    || bad "stored, $n threads: exit $rc, wanted 3 naming $slow alone: $(head -c 400 "$dir/err")"
  "$trellis" assess --body $body --period $period --policy "$dir/draft/telford.toml" --dry-run --format json \
    --threads $n >"$dir/out" 2>"$dir/err"
  rc=$?
  [ $rc = 3 ] && [ ! -s "$dir/out" ] && grep -q "($slow): .*first school fails" "$dir/err" && ok \
    || bad "dry run, $n threads: exit $rc, $(wc -c <"$dir/out") bytes printed: $(head -c 300 "$dir/err")"
done
[ "$(stored_rows "$TRELLIS_DB" | md5sum)" = "$before" ] && ok || bad "a failed run stored something"

echo "$passes passed, $fails failed"
[ "$fails" = 0 ]
