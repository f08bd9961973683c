#!/usr/bin/env bash
# The import verbs end to end: real DfE and Ofsted files from ../shared/data,
# the fixtures in tests/data, and bad input. Exit codes, JSON fields, and that
# a refused file leaves the database exactly as it was.
set -u
trellis=$1
here=$(cd "$(dirname "$0")" && pwd)
fixtures=$here/../data
shared=${2:-$here/../../../shared}/data
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
export TRELLIS_DB=$dir/t.db TRELLIS_NOW=2024-09-02T09:00:00Z TRELLIS_USER=tester
fails=0; passes=0
fail() { fails=$((fails+1)); echo "FAIL $*"; }
check() { # name expected-exit-code command...
  local name=$1 want=$2; shift 2
  "$@" >"$dir/out" 2>"$dir/err"; local got=$?
  if [ "$got" -eq "$want" ]; then passes=$((passes+1)); else
    fail "$name: exit $got, wanted $want"; head -c 2000 "$dir/out" "$dir/err"; fi
}
expect() { # name python-expression over d (stdout as JSON)
  if python3 -c "import json,sys; d=json.load(open('$dir/out')); sys.exit(0 if ($2) else 1)"; then
    passes=$((passes+1)); else fail "$1"; head -c 1500 "$dir/out"; fi
}
grep_err() { # name pattern
  if grep -q -- "$2" "$dir/err"; then passes=$((passes+1)); else fail "$1: stderr lacks '$2'"; cat "$dir/err"; fi
}
grep_out() {
  if grep -q -- "$2" "$dir/out"; then passes=$((passes+1)); else fail "$1: stdout lacks '$2'"; cat "$dir/out"; fi
}
state() { python3 -c "
import sqlite3; c=sqlite3.connect('$TRELLIS_DB')
print([c.execute('SELECT COUNT(*) FROM '+t).fetchone()[0] for t in ('schools','evidence','imports','audit','indicators','benchmarks')])"; }
unchanged() { # name: the database is as it was at the last snapshot
  if [ "$(state)" = "$snap" ]; then passes=$((passes+1)); else fail "$1: the database changed: $snap -> $(state)"; fi
}

check "init" 0 "$trellis" init

if [ -d "$shared" ]; then
  check "import the DfE spine" 0 "$trellis" import schools "$shared/dfe-2017-18/england_spine.csv"
  grep_out "spine summary" "26078 schools"
  check "import LA names" 0 "$trellis" import schools "$shared/dfe-2018-19/la_and_region_codes_meta.csv"
  snap=$(state)
  check "the same register again" 0 "$trellis" import schools "$shared/dfe-2017-18/england_spine.csv"
  grep_out "says nothing to do" "holds it unchanged: nothing to do"
  unchanged "the same register again writes nothing"
  check "Telford's register" 0 "$trellis" schools --la 894 --format json
  expect "87 establishments in LA 894" "len(d) == 87 and all(s['la'] == 894 and s['la_name'] == 'Telford and Wrekin' for s in d)"
  expect "49 maintained schools open" "sum(s['status']=='open' and s['type_group']=='maintained' and 'special' not in s['type'].lower() for s in d) == 49"
  expect "6 special schools open" "sum(s['status']=='open' and 'special' in s['type'].lower() for s in d) == 6"
  expect "17 academies open, and the CTC grouped with them" \
    "sum(s['status']=='open' and s['type_group']=='academy' and 'special' not in s['type'].lower() and s['type']!='City technology college' for s in d) == 17 and any(s['type']=='City technology college' and s['type_group']=='academy' for s in d)"
  expect "closed schools stay" "sum(s['status']=='closed' for s in d) == 8"

  for f in dfe-2018-19/england_abs.csv dfe-2018-19/england_census.csv dfe-2018-19/england_ks4provisional.csv; do
    check "import $f" 0 "$trellis" import evidence "$shared/$f" --period 2018-19
  done
  check "import KS2 (its year from the file)" 0 "$trellis" import evidence "$shared/dfe-2017-18/ks2_perf_2018.csv"
  grep_out "KS2 period" "for 2017-18"
  check "import Ofsted history" 0 "$trellis" import evidence "$shared/dfe-2017-18/ofsted_ratings_2018.csv" --json
  expect "Ofsted report" "d['format'] == 'ofsted-history' and d['rows'] == 60134 and d['added'] > 100000"
  snap=$(state)
  check "the same file again" 0 "$trellis" import evidence "$shared/dfe-2018-19/england_abs.csv" --period 2018-19
  grep_out "says so" "already: nothing added"
  unchanged "the same file again adds nothing"

  check "evidence json" 0 "$trellis" evidence 123377 --format json
  expect "contract fields" "all(set(('urn','period','indicator','value','missing','source','line','recorded_at')) <= set(e) for e in d)"
  expect "absence with provenance" "any(e['indicator']=='overall_absence_pct' and e['value']==2.6 and e['source']=='england_abs.csv' and e['line']==16380 and e['period']=='2018-19' for e in d)"
  expect "Ofsted grade and word" "any(e['indicator']=='ofsted_grade' and e['value']==2 and e['text']=='Good' and e['period']=='2012-13' for e in d)"
  supp=$(grep -n ',SUPP$' "$shared/dfe-2018-19/england_abs.csv" | head -1)
  supp_line=${supp%%:*}; supp_urn=$(echo "${supp#*:}" | cut -d, -f3)
  check "evidence of a suppressed value" 0 "$trellis" evidence "$supp_urn" --period 2018-19 --format json
  expect "suppressed is missing, not 0" "any(e['indicator']=='persistent_absence_pct' and e['value'] is None and e['missing']=='suppressed' and e['line']==$supp_line for e in d)"
  check "evidence table" 0 "$trellis" evidence "$supp_urn" --period 2018-19
  grep_out "table says suppressed" "— suppressed"
  grep_out "table cites file and line" "england_abs.csv line $supp_line"
  check "evidence csv" 0 "$trellis" evidence 123377 --format csv
  grep_out "csv header" "period,indicator,label,value"

  check "body add" 0 "$trellis" body add telford --kind la --name "Telford and Wrekin Council"
  check "body join" 0 "$trellis" body join telford 123377 123358 --from 2024-09-01
  check "schools of a body" 0 "$trellis" schools --body telford --format json
  expect "the body's members" "[s['urn'] for s in d] == [123358, 123377]"
  check "schools of an unknown body" 2 "$trellis" schools --body nobody
else
  echo "skipped the real-file checks: $shared is not there"
fi

# Bad input, each refused with exit 3 naming file:line:col, the database untouched.
snap=$(state)
printf 'urn,indicator,period,value\n1,a,2024-25,1\n2,a,2024-25,2,extra\n' >"$dir/ragged.csv"
check "ragged row" 3 "$trellis" import evidence "$dir/ragged.csv"
grep_err "ragged names the place" "ragged.csv:3:5: expected 4 fields, as in the header, found 5"
printf 'urn,indicator,period,value\n1,a,2024-25,"1\n2,a,2024-25,2\n' >"$dir/quote.csv"
check "unbalanced quote" 3 "$trellis" import evidence "$dir/quote.csv"
grep_err "quote names the place" "quote.csv:2:4: expected a closing quote"
printf '\xef\xbb\xbfLA,ESTAB,URN,PERCTOT,PPERSABS10\r\n201,3614,100000,2.6,3.4\r\n202,2000,136807,twelve,11\r\n' >"$dir/abs.csv"
check "text in a numeric column" 3 "$trellis" import evidence "$dir/abs.csv" --period 2018-19
grep_err "text names the place" 'abs.csv:3:4: expected a number or a missing-value marker (SUPP, NE, NA, LOWCOV, NP, c, x, z, low) in column PERCTOT, found "twelve"'
printf 'LA,ESTAB,URN,PPERSABS10\n201,3614,100000,3.4\n' >"$dir/header.csv"
check "missing required header" 3 "$trellis" import evidence "$dir/header.csv" --period 2018-19 --format dfe-absence
grep_err "header names it" 'header.csv:1:5: expected a column named "PERCTOT"'
: >"$dir/empty.csv"
check "empty file" 3 "$trellis" import evidence "$dir/empty.csv" --period 2018-19
grep_err "empty says so" "empty.csv:1:1: expected a header line, found an empty file"
printf 'URN,Rating,Inspection Date\n100000,Good,2013\x000418\n' >"$dir/junk.csv"
check "binary junk" 3 "$trellis" import evidence "$dir/junk.csv"
grep_err "junk names the place" "junk.csv:2:3: expected text, found a NUL byte"
printf 'urn,indicator,period,value\n1,note,2024-25,caf\xe9 \x81\n' >"$dir/undefined.csv"
check "bytes neither UTF-8 nor Windows-1252" 3 "$trellis" import evidence "$dir/undefined.csv"
grep_err "encoding names the byte" "undefined.csv:2:4: expected UTF-8 or Windows-1252 text, found byte 0x81"
check "bad school file" 3 "$trellis" import schools "$dir/ragged.csv"
check "missing file" 3 "$trellis" import evidence "$dir/nothere.csv" --period 2018-19
unchanged "refused files wrote nothing"
check "malformed period" 2 "$trellis" import evidence "$fixtures/absence_small.csv" --period 2018-20
grep_err "period message" "2018-20"
check "unknown format" 2 "$trellis" import evidence "$fixtures/absence_small.csv" --format dfe-nonsense
unchanged "usage errors wrote nothing"

# --keep-going: the valid rows in, every rejected row listed, exit 1.
printf 'urn,indicator,period,value\n1,pa,2024-25,21.3\n2,pa,2024-25\nX,pa,2024-25,3\n3,pa,2024-25,SUPP\n' >"$dir/some_bad.csv"
check "keep going" 1 "$trellis" import evidence "$dir/some_bad.csv" --keep-going
grep_err "lists the first rejected row" "some_bad.csv:3:4: expected 4 fields"
grep_err "lists the second rejected row" "some_bad.csv:4:1: expected a URN"
grep_out "imports the rest" "2 items added"

# Windows-1252 is converted and said so; never stored as mojibake.
check "Windows-1252 file" 0 "$trellis" import evidence "$fixtures/long_windows1252.csv"
grep_err "says it converted" "is not UTF-8; it was read as Windows-1252"
check "converted text" 0 "$trellis" evidence 100000 --format json
expect "stored as UTF-8" "any(e['indicator'] == 'leadership_note' and e['value'] == 'Head’s report: café € fund' for e in d)"

# A clean import prints nothing on stderr: no progress bar when stderr is not a terminal.
check "quiet when not a terminal" 0 "$trellis" import schools "$fixtures/gias_sample.csv"
if [ -s "$dir/err" ]; then fail "stderr not empty:"; cat "$dir/err"; else passes=$((passes+1)); fi

echo "$passes passed, $fails failed"
[ "$fails" -eq 0 ]
