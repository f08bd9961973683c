#!/usr/bin/env bash
# Issue 19, "Data loss and destruction": every file the program writes (-o of
# report and schedule, letters into a folder) is a regular file replaced
# whole; the database and its -wal/-shm are refused with exit 2; a device, a
# FIFO or a folder is refused; a link planted in a letters folder is not
# followed. A failed write to standard output is an error.
# Usage: reliability_output.sh TRELLIS SOURCE_DIR
set -u
trellis=$(realpath "$1") src=$(cd "$2" && pwd -P)
ex=$src/examples/telford-and-wrekin
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
export TRELLIS_DB=$dir/t.db TRELLIS_NOW=2019-01-14T09:00:00Z TRELLIS_USER=tester
passes=0 fails=0
ok() { passes=$((passes+1)); }
bad() { fails=$((fails+1)); echo "FAIL: $*"; }
run() { "$trellis" "$@" >"$dir/out" 2>"$dir/err" || { bad "trellis $* exited $?"; cat "$dir/err"; }; }
# expect CODE ARGS...: trellis exits CODE (within 20 s: a FIFO must not hang it).
expect() {
  local want=$1; shift
  timeout 20 "$trellis" "$@" >"$dir/out" 2>"$dir/err"; local rc=$?
  [ "$rc" = "$want" ] && ok || bad "trellis $* exited $rc, expected $want: $(cat "$dir/err")"
}
sum() { sha256sum "$1" | cut -d' ' -f1; }

run init
run import schools "$ex/data/england_spine.csv"
run import evidence "$ex/data/ks2_perf_2018.csv" --period 2017-18
for f in england_census england_abs england_ks4provisional; do run import evidence "$ex/data/$f.csv" --period 2018-19; done
run import evidence "$ex/data/ofsted_ratings_2018.csv"
run import evidence "$ex/data/national-benchmarks.csv"
run import evidence "$ex/la-held-evidence-2018-19.csv" --period 2018-19
run body add telford --kind la --name "Telford and Wrekin Council"
run body join telford --la 894 --from 2017-09-01
run body adopt telford "$src/policies/telford-and-wrekin.toml" --from 2017-09-01
run assess --body telford --period 2017-18 --on 2017-09-04
run assess --body telford --period 2018-19 --on 2018-09-03 --format json
cp "$dir/out" "$dir/assess.json"
# Two decisions, so the outbox holds letters.
for urn in $(python3 -c "import json,sys; print(' '.join([str(s['urn']) for s in json.load(open(sys.argv[1])) if s['level'] == 'amber'][:2]))" "$dir/assess.json"); do
  run rate "$urn" --body telford --period 2018-19 --subject overall --level yellow --stage final --on 2018-10-01 \
    --by "A. Officer" --rationale "Reviewed"
done
db_sum=$(sum "$TRELLIS_DB")

# `report -o trellis.db` and `schedule -o trellis.db` replaced the open database, printed "Wrote" and exited 0.
expect 2 report --body telford --period 2018-19 -o "$TRELLIS_DB"
grep -q "database" "$dir/err" && ok || bad "the refusal says it is the database: $(cat "$dir/err")"
grep -q "Wrote" "$dir/out" && bad "nothing is said to be written: $(cat "$dir/out")" || ok
expect 2 schedule --body telford --year 2018-19 -o "$TRELLIS_DB"
expect 2 schedule --body telford --year 2018-19 --format ics -o "$TRELLIS_DB-wal"
expect 2 report --body telford --period 2018-19 --format csv -o "$TRELLIS_DB-shm"
# By another name: a relative path, a link to it, a hard link to it.
(cd "$dir" && timeout 20 "$trellis" --db t.db report --body telford --period 2018-19 -o ./t.db >/dev/null 2>&1); rc=$?
[ "$rc" = 2 ] && ok || bad "report -o ./t.db from its folder exited $rc"
ln -s "$TRELLIS_DB" "$dir/link.db"
expect 2 report --body telford --period 2018-19 -o "$dir/link.db"
ln "$TRELLIS_DB" "$dir/hard.db"
expect 2 report --body telford --period 2018-19 -o "$dir/hard.db"
rm -f "$dir/hard.db"
[ "$(sum "$TRELLIS_DB")" = "$db_sum" ] && ok || bad "the database is unchanged after the refusals"
"$trellis" body list >/dev/null 2>&1 && ok || bad "the database still opens"
# `compare -o` and `note show -o` wrote with a plain stream: they too refuse the database.
expect 2 compare --body telford --period 2018-19 --policy "$src/policies/telford-and-wrekin.toml" -o "$TRELLIS_DB"
grep -q "database" "$dir/err" && ok || bad "compare's refusal says it is the database: $(cat "$dir/err")"
expect 2 compare --body telford --period 2018-19 --policy "$src/policies/telford-and-wrekin.toml" -o "$dir"
[ "$(sum "$TRELLIS_DB")" = "$db_sum" ] && ok || bad "the database is unchanged after compare's refusals"

# Special files are not replaced by a regular file.
expect 2 schedule --body telford --year 2018-19 -o /dev/null
[ -c /dev/null ] && ok || bad "/dev/null is still a device"
expect 2 report --body telford --period 2018-19 -o /dev/full
# /dev/stdout is a link to whatever standard output is: a pipe here (a terminal alike) is not replaced by a file.
timeout 20 "$trellis" schedule --body telford --year 2018-19 --format csv -o /dev/stdout 2>"$dir/err" | cat >/dev/null
rc=${PIPESTATUS[0]}
[ "$rc" = 2 ] && ok || bad "schedule -o /dev/stdout into a pipe exited $rc, expected 2: $(cat "$dir/err")"
grep -q "/dev/stdout" "$dir/err" && ok || bad "it names /dev/stdout: $(cat "$dir/err")"
mkfifo "$dir/fifo"
expect 2 schedule --body telford --year 2018-19 --format csv -o "$dir/fifo"
[ -p "$dir/fifo" ] && ok || bad "the FIFO is still a FIFO"
expect 2 report --body telford --period 2018-19 -o "$dir"
grep -q "folder" "$dir/err" && ok || bad "a folder is named as one: $(cat "$dir/err")"
expect 2 report --body telford --period 2018-19 -o "$dir/missing/report.md"
[ -e "$dir/missing" ] && bad "no folder is made for -o" || ok

# A regular file is replaced whole, leaving no temporary file; a link to one keeps the link.
echo old >"$dir/report.md"
expect 0 report --body telford --period 2018-19 --format md -o "$dir/report.md"
grep -q "Telford" "$dir/report.md" && ok || bad "the report was written"
ls -A "$dir" | grep -q "report.md\." && bad "a temporary file is left: $(ls -A "$dir")" || ok
echo old >"$dir/target.md"; ln -s "$dir/target.md" "$dir/via.md"
expect 0 report --body telford --period 2018-19 --format md -o "$dir/via.md"
[ -L "$dir/via.md" ] && grep -q "Telford" "$dir/target.md" && ok || bad "a link -o names is kept, and its file replaced"

# Letters: a link planted in the folder is refused, and the file it points at is untouched.
mkdir -p "$dir/letters"
"$trellis" letters --body telford --period 2018-19 --format json >"$dir/letters.json"
first=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))[0]['file'])" "$dir/letters.json")
echo "precious" >"$dir/victim.txt"
ln -s "$dir/victim.txt" "$dir/letters/$first"
expect 1 letters --body telford --period 2018-19 -o "$dir/letters"
[ "$(cat "$dir/victim.txt")" = precious ] && ok || bad "the planted link was followed: $(head -c 80 "$dir/victim.txt")"
grep -q "symbolic link" "$dir/err" && ok || bad "the refusal names the link: $(cat "$dir/err")"
[ "$(ls "$dir/letters" | wc -l)" -gt 1 ] && ok || bad "the other letters are written"
# Letters into the database's own folder never replace the database.
expect 0 letters --body telford --period 2018-19 -o "$dir/letters2"

# A failed write to standard output is an error, not exit 0.
"$trellis" body list >/dev/full 2>"$dir/err"; rc=$?
[ "$rc" != 0 ] && ok || bad "body list >/dev/full exited 0"
grep -q "standard output" "$dir/err" && ok || bad "it says standard output failed: $(cat "$dir/err")"
"$trellis" report --body telford --period 2018-19 >/dev/full 2>/dev/null; rc=$?
[ "$rc" != 0 ] && ok || bad "report >/dev/full exited 0"
# A closed pipe: the reader goes away without reading; more than a pipe holds (64 KB) is printed.
size=$("$trellis" schedule --body telford --year 2018-19 2>/dev/null | wc -c)
[ "$size" -gt 70000 ] && ok || bad "the schedule is larger than a pipe holds ($size bytes)"
"$trellis" schedule --body telford --year 2018-19 2>/dev/null | true; rc=${PIPESTATUS[0]}
[ "$rc" != 0 ] && ok || bad "schedule into a closed pipe exited 0"

# assess commits its letters to the outbox; an unwritable letters/ beside the database changes nothing (issue 19).
mkdir -p "$dir/ro"; for f in "$TRELLIS_DB"*; do cp "$f" "$dir/ro/"; done; : >"$dir/ro/letters"  # a file: no folder can be made
TRELLIS_DB=$dir/ro/t.db expect 0 assess --body telford --period 2018-19 --on 2018-09-03

echo "$passes passed, $fails failed"
[ "$fails" = 0 ]
