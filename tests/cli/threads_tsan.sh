#!/usr/bin/env bash
# Issue 18 under ThreadSanitizer (`./setup.sh sanitize`, tsan_serve): a dry
# run of every body of the demo on two threads, each regime's plugin, Lua
# states and the shared evidence and benchmarks together; any race ends
# trellis with TSan's exit code (TSAN_OPTIONS=halt_on_error=1 exitcode=66).
# Usage: threads_tsan.sh TRELLIS SOURCE_DIR [DEMO_DB]  (DEMO_DB: a demo's database to copy,
# e.g. the one the ASan tests made, rather than running the demo under TSan)
set -u
trellis=$1 src=$2 demo=${3:-}
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
export TRELLIS_DB=$dir/demo.db TRELLIS_NOW=2020-07-20T09:00:00Z TRELLIS_USER=demo-admin
passes=0 fails=0
if [ -s "$demo" ]; then cp "$demo" "$TRELLIS_DB"; else
  "$trellis" demo --db "$TRELLIS_DB" --examples "$src/examples" >"$dir/demo.out" 2>&1 \
    || { echo "FAIL: the demo: $(tail -5 "$dir/demo.out")"; exit 1; }
fi
python3 - "$TRELLIS_DB" >"$dir/runs" <<'PY'
import sqlite3, sys
for body, period in sqlite3.connect(sys.argv[1]).execute(
        "SELECT body_id, max(period) FROM assessments GROUP BY body_id ORDER BY body_id"):
    print(body, period)
PY
while read -r body period; do
  "$trellis" assess --body "$body" --period "$period" --dry-run --format json --threads 2 >"$dir/two" 2>"$dir/err"; rc=$?
  "$trellis" assess --body "$body" --period "$period" --dry-run --format json --threads 1 >"$dir/one" 2>>"$dir/err"
  if [ $rc = 0 ] && cmp -s "$dir/one" "$dir/two"; then passes=$((passes+1)); else
    fails=$((fails+1)); echo "FAIL: $body $period on 2 threads: exit $rc"; tail -40 "$dir/err"; fi
done <"$dir/runs"
echo "$passes passed, $fails failed"
[ "$fails" = 0 ] && [ "$passes" -ge 4 ]
