# Shared by compare.sh, crosswalk.sh and school_history.sh (issue 15, merged
# trusts): the checks' counters and helpers, and the real Telford and Wrekin
# data (LA 894) that the merged trusts' schools come from.
# Source it with trellis=... src=... set.
set -u
ex=$src/examples/telford-and-wrekin
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
export TRELLIS_DB=$dir/t.db TRELLIS_NOW=2018-09-03T09:00:00Z TRELLIS_USER=tester
PY=$(command -v /usr/bin/python3 || command -v python3)
passes=0 fails=0
ok() { passes=$((passes+1)); }
bad() { fails=$((fails+1)); echo "FAIL: $*"; }
run() { "$trellis" "$@" >"$dir/out" 2>"$dir/err" || { bad "trellis $* exited $?"; cat "$dir/err"; }; }
py() { "$PY" - "$dir" "$@"; }
save() { cp "$dir/out" "$dir/$1"; }
sql() { "$PY" -c "import sqlite3,sys; print('\n'.join('|'.join(map(str, r)) for r in sqlite3.connect(sys.argv[1]).execute(sys.argv[2])))" "$TRELLIS_DB" "$1"; }
finish() { echo "$passes passed, $fails failed"; [ "$fails" -eq 0 ]; }

# Five Telford schools, their 2017-18 and 2018-19 evidence.
schools="123364 123377 123404 123433 123441"
import_telford() {
  run init
  run import schools "$ex/data/england_spine.csv"
  run import evidence "$ex/data/ks2_perf_2018.csv" --period 2017-18
  for f in england_census england_abs england_ks4provisional; do run import evidence "$ex/data/$f.csv" --period 2018-19; done
  run import evidence "$ex/data/ofsted_ratings_2018.csv"
  run import evidence "$ex/data/national-benchmarks.csv"
  run import evidence "$ex/la-held-evidence-2018-19.csv" --period 2018-19
}

# A copy of a policy with its scripts, in $dir/NAME, so that it can be edited: prints its path.
policy_copy() {
  local name=$1 policy=$2 scripts=$3
  mkdir -p "$dir/$name/policies" "$dir/$name/scripts"
  cp -r "$src/scripts/$scripts" "$dir/$name/scripts/"
  cp "$src/policies/$policy" "$dir/$name/policies/"
  echo "$dir/$name/policies/$policy"
}

# Nexus's tiers with a crosswalk from the LA's bands (a merged trust's choice).
crosswalk_telford='
[crosswalk.telford-la]
green = "prevention"
yellow = "prevention"
amber = "early_intervention"
red = "formal_intervention"
'
