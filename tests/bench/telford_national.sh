#!/usr/bin/env bash
# Issue 6 benchmark: the Telford policy applied to every open maintained school
# in England from ../shared/data. Prints the time and peak memory of assess,
# schedule and report. Usage: telford_national.sh TRELLIS SOURCE_DIR SHARED_DIR
set -euo pipefail
trellis=$1 src=$2 shared=$3
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
export TRELLIS_DB=$dir/national.db TRELLIS_NOW=2019-01-14T09:00:00Z

measure() { # label command...
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$dir/time" "$@" >"$dir/out" 2>"$dir/err" || { cat "$dir/err"; exit 1; }
  read -r secs kb <"$dir/time"
  printf '%-34s %8.2f s  %8.1f MiB peak\n' "$label" "$secs" "$(awk "BEGIN{print $kb/1024}")"
}

"$trellis" init >/dev/null
measure "import register (26k schools)" "$trellis" import schools "$shared/dfe-2017-18/england_spine.csv"
measure "import census" "$trellis" import evidence "$shared/dfe-2018-19/england_census.csv" --period 2018-19
measure "import absence" "$trellis" import evidence "$shared/dfe-2018-19/england_abs.csv" --period 2018-19
measure "import KS2 2017-18" "$trellis" import evidence "$shared/dfe-2017-18/ks2_perf_2018.csv" --period 2017-18
measure "import KS4" "$trellis" import evidence "$shared/dfe-2018-19/england_ks4provisional.csv" --period 2018-19
measure "import Ofsted history" "$trellis" import evidence "$shared/dfe-2017-18/ofsted_ratings_2018.csv"

"$trellis" body add england --kind la --name "Every maintained school in England" >/dev/null
urns=$("$trellis" schools --format csv | python3 -c '
import csv, sys
rows = csv.DictReader(sys.stdin)
print(" ".join(r["urn"] for r in rows if r["status"] == "open" and r["group"] == "maintained"))')
count=$(wc -w <<<"$urns")
"$trellis" body join england $urns --from 2018-09-01 >/dev/null
"$trellis" body adopt england "$src/policies/telford-and-wrekin.toml" --from 2018-09-01 >/dev/null
echo "maintained schools: $count"
# Assessed on the first day of the year, so the whole year is planned.
measure "assess + plan the year ($count schools)" "$trellis" assess --body england --period 2018-19 --on 2018-09-03
grep -cE '^[0-9]+  ' "$dir/out" | xargs echo "schools assessed:"
# Again mid-year with nothing changed: a re-plan that must keep every activity as it is.
measure "re-assess mid-year (no change)" "$trellis" assess --body england --period 2018-19 --on 2019-01-14 --brief
tail -1 "$dir/out"
# An officer's decision on one school: recorded, and that school re-planned.
first=$("$trellis" assess --body england --period 2018-19 --dry-run --format json | python3 -c '
import json, sys
print([s["urn"] for s in json.load(sys.stdin) if s["level"] == "amber"][0])')
measure "a decision re-plans one school" "$trellis" rate "$first" --body england --period 2018-19 --subject overall \
  --level yellow --stage final --on 2019-01-14 --by "Benchmark officer"
measure "schedule (table)" "$trellis" schedule --body england --year 2018-19
echo "activities: $(($(wc -l <"$dir/out") - 1))"
measure "schedule (ics)" "$trellis" schedule --body england --year 2018-19 --format ics -o "$dir/england.ics"
measure "report (md)" "$trellis" report --body england --period 2018-19 --format md -o "$dir/report.md"
