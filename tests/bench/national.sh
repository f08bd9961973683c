#!/usr/bin/env bash
# Issue 18 benchmark: every open state-funded school in England under the four
# regimes, against the pandas script an analyst would write instead
# (telford_pandas.py). Prints one table: wall and CPU seconds and peak memory
# of each command (/usr/bin/time), then the ratios Trellis / pandas, the
# agreement of the two on each school's band, and the cost per school of the
# stored assess at 1x, 2x and 4x the register. Beside each target it prints
# its floor: what SQLite alone costs for the rows that job must read or write.
#
# Usage: national.sh TRELLIS SOURCE_DIR DATA_DIR   (DATA_DIR: ../shared/data)
# Knobs (environment):
#   NATIONAL_LAS="893 894"   only the schools of these LA codes (CI's small run);
#                            default every school in England
#   NATIONAL_REGIMES="telford nexus heart-of-mercia focus-trust"   the regimes run (default all four)
#   NATIONAL_SCALING="1 2 4"  the register multiples of the scaling run ("" skips it; default "1 2")
#   NATIONAL_RUNS=3          runs of each job measured against pandas; the median is shown (default 1)
#   NATIONAL_TELFORD_ONLY=1  the issue 6 benchmark instead (telford_national.sh)
set -euo pipefail
trellis=$1 src=$2 data=$3
here=$(cd "$(dirname "$0")" && pwd)
if [ "${NATIONAL_TELFORD_ONLY:-}" = 1 ]; then exec bash "$here/telford_national.sh" "$@"; fi
regimes=${NATIONAL_REGIMES:-telford nexus heart-of-mercia focus-trust}
scaling=${NATIONAL_SCALING-1 2}
runs=${NATIONAL_RUNS:-1}
python=/usr/bin/python3  # Debian's, with python3-pandas
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
export TRELLIS_NOW=2020-07-20T09:00:00Z TRELLIS_USER=tester  # after every period assessed
table=$dir/table
printf '%-56s %7s %9s %9s %9s %10s\n' job schools "wall s" "CPU s" "peak MiB" "us/school" >"$table"

if [ -n "${NATIONAL_LAS:-}" ]; then
  "$python" "$here/national_data.py" subset "$data" "$dir/data" $NATIONAL_LAS
  data=$dir/data
fi

# measure LABEL SCHOOLS command...: runs it $runs times, records the median run's wall,
# CPU (user + system) and peak RSS; the command's output stays in $dir/out. A step of
# several commands is a function exported here, run as `bash -c` (time counts its children).
measure() {
  local label=$1 schools=$2; shift 2
  : >"$dir/runs"
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %U %S %M" -o "$dir/time" "$@" >"$dir/out" 2>"$dir/err" ||
      { echo "$label failed:" >&2; cat "$dir/err" >&2; exit 1; }
    cat "$dir/time" >>"$dir/runs"
  done
  sort -n "$dir/runs" | sed -n "$(((runs + 1) / 2))p" >"$dir/median"
  read -r wall user sys kb <"$dir/median"
  awk -v l="$label" -v n="$schools" -v w="$wall" -v c="$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')" -v k="$kb" \
    'BEGIN { printf "%-56s %7s %9.2f %9.2f %9.1f %10s\n", l, n, w, c, k / 1024, (n > 0 ? sprintf("%.1f", w * 1e6 / n) : "") }' >>"$table"
  echo "$wall"
}
# The sum of the last K rows of the table, as one row.
total() { # LABEL K
  tail -n "$2" "$table" | awk -v l="$1" '{ w += $(NF-3); c += $(NF-2); if ($(NF-1) > m) m = $(NF-1); n = $(NF-4) }
    END { printf "%-56s %7s %9.2f %9.2f %9.1f %10s\n", l, n, w, c, m, (n > 0 ? sprintf("%.1f", w * 1e6 / n) : "") }' >>"$table"
  tail -1 "$table" | awk '{ print $(NF-3) }'
}

# --- Telford over the maintained schools: the raw files to bands, as the analyst's script does it.
import_all() { # DB DATA
  TRELLIS_DB=$1 "$trellis" init >/dev/null
  TRELLIS_DB=$1 "$trellis" import schools "$2/dfe-2017-18/england_spine.csv" >/dev/null
  TRELLIS_DB=$1 "$trellis" import evidence "$2/dfe-2018-19/england_census.csv" --period 2018-19 >/dev/null
  TRELLIS_DB=$1 "$trellis" import evidence "$2/dfe-2018-19/england_abs.csv" --period 2018-19 >/dev/null
  TRELLIS_DB=$1 "$trellis" import evidence "$2/dfe-2017-18/ks2_perf_2018.csv" --period 2017-18 >/dev/null
  TRELLIS_DB=$1 "$trellis" import evidence "$2/dfe-2018-19/england_ks4provisional.csv" --period 2018-19 >/dev/null
  TRELLIS_DB=$1 "$trellis" import evidence "$2/dfe-2017-18/ofsted_ratings_2018.csv" >/dev/null
}
# The open schools of a type group (maintained, academy) in DB, one URN a line.
open_schools() { # DB GROUP...
  local db=$1; shift
  TRELLIS_DB=$db "$trellis" schools --format csv | "$python" -c '
import csv, sys
groups = set(sys.argv[1:])
for r in csv.DictReader(sys.stdin):
    if r["status"] == "open" and r["group"] in groups: print(r["urn"])' "$@"
}
set_up() { # DB BODY POLICY FROM URN_FILE
  TRELLIS_DB=$1 "$trellis" body add "$2" --kind la --name "Every school of the benchmark" >/dev/null
  xargs -a "$5" env TRELLIS_DB="$1" "$trellis" body join "$2" --from "$4" >/dev/null
  TRELLIS_DB=$1 "$trellis" body adopt "$2" "$3" --from "$4" >/dev/null
}

# Floors: what SQLite alone (its own shell, no Trellis code) costs for the rows a
# target's job must read or write, to tell the design's cost from Trellis's own.
floor_read() { # DB URN_FILE: every column the kernel reads of the schools' evidence items, decoded, nothing printed
  sqlite3 -readonly "$1" "CREATE TEMP TABLE w(urn INTEGER PRIMARY KEY)" ".mode csv" ".import $2 w" \
    "SELECT count(*), sum(length(indicator)), sum(length(period)), sum(value_num), sum(length(value_text)),
            sum(length(missing)), sum(length(source)), sum(line), sum(length(recorded_at)), sum(import_id IS NOT NULL)
     FROM evidence WHERE urn IN (SELECT urn FROM temp.w)" >/dev/null
}
floor_write() { # FROM_DB TO_DB WHAT: copies the rows WHAT names into tables of the same shape and indexes, keys unchecked
  rm -f "$2" "$2-wal" "$2-shm"
  local tables; case $3 in
    items) tables="evidence" ;;
    stored) tables="ratings rating_evidence assessments activities" ;;
  esac
  local schema copy="" t
  schema=$(for t in $tables; do sqlite3 -readonly "$1" ".schema $t"; done | grep -v '^CREATE TRIGGER' |
    sed 's/REFERENCES [a-z_]*([a-z_]*)\( DEFERRABLE INITIALLY DEFERRED\)\{0,1\}//g')
  for t in $tables; do
    case $t in
      evidence) copy+="INSERT INTO main.evidence SELECT * FROM src.evidence WHERE import_id IS NOT NULL;" ;;
      ratings) copy+="INSERT INTO main.ratings SELECT * FROM src.ratings WHERE stage = 'computed';" ;;  # a stored run's own
      rating_evidence) copy+="INSERT INTO main.rating_evidence SELECT e.* FROM src.rating_evidence e
                               JOIN src.ratings r ON r.id = e.rating_id WHERE r.stage = 'computed';" ;;
      *) copy+="INSERT INTO main.$t SELECT * FROM src.$t;" ;;
    esac
  done
  sqlite3 "$2" "PRAGMA journal_mode=WAL" "PRAGMA synchronous=NORMAL" "PRAGMA cache_size=-65536" "$schema" \
    "ATTACH 'file:$1?mode=ro' AS src" "BEGIN" "$copy" "COMMIT" >/dev/null
  rm -f "$2" "$2-wal" "$2-shm"
}
export -f import_all set_up floor_read floor_write
export trellis python
db=$dir/national.db
export TRELLIS_DB=$db
telford_policy=$src/policies/telford-and-wrekin.toml
rm -f "$db"; import_all "$db" "$data"
open_schools "$db" maintained >"$dir/maintained"
maintained=$(wc -l <"$dir/maintained")
# The whole job, timed step by step on a fresh database.
rm -f "$db"
measure "telford: import the raw CSVs" "$maintained" bash -c 'import_all "$@"' _ "$db" "$data" >/dev/null
measure "telford: set up (body, join, adopt)" "$maintained" \
  bash -c 'set_up "$@"' _ "$db" england "$telford_policy" 2018-09-01 "$dir/maintained" >/dev/null
dry=$(measure "telford: assess --dry-run --format json" "$maintained" \
  "$trellis" assess --body england --period 2018-19 --dry-run --format json)
cp "$dir/out" "$dir/trellis.json"
whole=$(total "telford: whole job, raw CSVs to bands" 3)
pandas=$(measure "pandas: raw CSVs to bands (telford_pandas.py)" "$maintained" \
  "$python" "$here/telford_pandas.py" "$data" "$telford_policy" "$dir/maintained")
cp "$dir/out" "$dir/pandas.csv"
floor_dry=$(measure "floor: sqlite3 alone reads those schools' evidence" "$maintained" \
  bash -c 'floor_read "$@"' _ "$db" "$dir/maintained")
floor_items=$(measure "floor: sqlite3 alone writes the imported items" "$maintained" \
  bash -c 'floor_write "$@"' _ "$db" "$dir/floor.db" items)
agreement=$("$python" - "$dir/trellis.json" "$dir/pandas.csv" <<'EOF'
import csv, json, sys
trellis = {s["urn"]: s["level"] for s in json.load(open(sys.argv[1]))}
pandas = {int(r["urn"]): r["band"] for r in csv.DictReader(open(sys.argv[2]))}
both = [u for u in pandas if u in trellis]
same = sum(trellis[u] == pandas[u] for u in both)
print(f"{100.0 * same / max(len(both), 1):.1f}% of {len(both)} schools")
EOF
)
agreed=${agreement%%%*}

# --- Each regime over every open state-funded school, stored, planned, scheduled and reported.
open_schools "$db" maintained academy >"$dir/state_funded"
state_funded=$(wc -l <"$dir/state_funded")
stored_total=0
for regime in $regimes; do
  case $regime in
    telford) policy=telford-and-wrekin period=2018-19 year=2018-19 from=2018-09-01 on=2018-09-03 example="" ;;
    nexus) policy=nexus period=2019-20/autumn year=2019-20 from=2019-09-01 on=2019-09-02
      example=$src/examples/nexus/self-assessments-2019-20.csv ;;
    heart-of-mercia) policy=heart-of-mercia period=2018-19 year=2018-19 from=2018-09-01 on=2018-09-03
      example=$src/examples/heart-of-mercia/self-assessments-2018-19.csv ;;
    focus-trust) policy=focus-trust period=2019-20/autumn year=2019-20 from=2019-09-01 on=2019-09-02
      example=$src/examples/focus-trust/evidence-2019-20.csv ;;
    *) echo "unknown regime $regime" >&2; exit 2 ;;
  esac
  body=all-$regime
  set_up "$db" "$body" "$src/policies/$policy.toml" "$from" "$dir/state_funded"
  if [ -n "$example" ]; then  # the trust's own returns, generated from a fixed seed
    "$python" "$here/national_data.py" trust "$example" "$dir/state_funded" 18 "$period" >"$dir/$regime.csv"
    rows=$(($(wc -l <"$dir/$regime.csv") - 1))
    if head -1 "$dir/$regime.csv" | grep -q ',subject,'; then
      measure "$regime: import ratings ($rows self-assessments)" "$state_funded" \
        "$trellis" import ratings "$dir/$regime.csv" --body "$body" >/dev/null
    else
      measure "$regime: import evidence ($rows KPI returns)" "$state_funded" "$trellis" import evidence "$dir/$regime.csv" >/dev/null
    fi
  fi
  n=$state_funded
  measure "$regime: assess --dry-run --format json" "$n" "$trellis" assess --body "$body" --period "$period" --dry-run --format json >/dev/null
  # Determinism (issue 18): the run above used every core; one thread prints the same bytes,
  # its warnings too (kept out of the table's output: a national body has one per school).
  "$trellis" assess --body "$body" --period "$period" --dry-run --format json --threads 1 2>"$dir/err1" |
    cmp -s - "$dir/out" && cmp -s "$dir/err1" "$dir/err" ||
    { echo "$regime: assess --dry-run prints other bytes on one thread than on $(nproc)" >&2; exit 1; }
  s=$(measure "$regime: assess stored and planned" "$n" "$trellis" assess --body "$body" --period "$period" --on "$on" --brief)
  stored_total=$(awk -v a="$stored_total" -v b="$s" 'BEGIN { print a + b }')
  measure "$regime: schedule (table)" "$n" "$trellis" schedule --body "$body" --year "$year" >/dev/null
  activities=$(awk "END { print (NR > 0 ? NR - 1 : 0) }" "$dir/out")
  measure "$regime: schedule --format ics ($activities activities)" "$n" \
    "$trellis" schedule --body "$body" --year "$year" --format ics -o "$dir/$regime.ics" >/dev/null
  events=$(grep -c '^BEGIN:VEVENT' "$dir/$regime.ics" || true)
  [ "$events" = "$activities" ] || { echo "$regime: $events events in the calendar for $activities activities" >&2; exit 1; }
  tail -1 "$dir/$regime.ics" | grep -q '^END:VCALENDAR' || { echo "$regime: the calendar does not end" >&2; exit 1; }
  rm -f "$dir/$regime.ics"
  for format in md html xlsx; do
    measure "$regime: report --format $format" "$n" "$trellis" report --body "$body" --period "$period" --format "$format" \
      -o "$dir/report.$format" >/dev/null
  done
done

floor_stored=$(measure "floor: sqlite3 alone writes the stored runs' rows" "$state_funded" \
  bash -c 'floor_write "$@"' _ "$db" "$dir/floor.db" stored)

# --- Scaling: the stored assess of Telford over 1x, 2x, 4x the register (copies with new URNs).
for k in $scaling; do
  "$python" "$here/national_data.py" replicate "$data" "$dir/data-$k" "$k"
  kdb=$dir/scale-$k.db
  import_all "$kdb" "$dir/data-$k"
  open_schools "$kdb" maintained >"$dir/maintained-$k"
  set_up "$kdb" england "$telford_policy" 2018-09-01 "$dir/maintained-$k"
  TRELLIS_DB=$kdb measure "scaling ${k}x: telford assess stored and planned" "$(wc -l <"$dir/maintained-$k")" \
    "$trellis" assess --body england --period 2018-19 --on 2018-09-03 --brief >/dev/null
  rm -rf "$dir/data-$k" "$kdb"
done

cat "$table"
echo
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
echo "Trellis / pandas, assess --dry-run alone (target <= 0.33): $(ratio "$dry" "$pandas")"
echo "  floor: SQLite alone reading those schools' evidence items / pandas: $(ratio "$floor_dry" "$pandas")"
echo "Trellis / pandas, whole job raw CSVs to bands (target <= 1.0): $(ratio "$whole" "$pandas")"
echo "  floor: SQLite alone writing the imported items with their provenance / pandas: $(ratio "$floor_items" "$pandas")"
echo "Stored assess and plan, the regimes run ($regimes) over $state_funded schools each (target < 5 s): $stored_total s"
echo "  floor: SQLite alone writing the rows those runs store: $floor_stored s"
echo "Same band in Trellis and pandas (target >= 95%): $agreement"
# The table's largest peak and its job (every row has a school count, so the peak is the next to last field).
peak=$(awk 'NR > 1 && $(NF-1) + 0 > max { max = $(NF-1) + 0; job = substr($0, 1, 56) }
  END { sub(/ +$/, "", job); printf "%.1f MiB, %s", max, job }' "$table")
echo "Peak memory, the largest of any command (target < 300 MiB): $peak"
# The two tools band by the same rules: less agreement means one of them changed its reading of the data.
awk -v a="$agreed" 'BEGIN { exit !(a >= 95) }' || { echo "the two tools agree on fewer than 95% of schools" >&2; exit 1; }
