#!/usr/bin/env bash
# Issue 19, "Terminal output": control characters from data or from Lua (ESC
# and OSC sequences, C1 controls, bidirectional overrides) are shown escaped by
# EVERY verb, never sent raw. A school's name, a body's name, a person's name,
# a note and a script's reasons carry them; then every read verb runs in its
# text format, and its standard output and error are searched for the raw bytes.
# Usage: reliability_terminal.sh TRELLIS SOURCE_DIR
set -u
trellis=$(realpath "$1") src=$(cd "$2" && pwd -P)
ex=$src/examples/telford-and-wrekin
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
export TRELLIS_DB=$dir/t.db TRELLIS_NOW=2018-11-14T09:00:00Z TRELLIS_USER=tester
passes=0 fails=0
ok() { passes=$((passes+1)); }
bad() { fails=$((fails+1)); echo "FAIL: $*"; }
run() { "$trellis" "$@" >"$dir/out" 2>"$dir/err" || { bad "trellis $* exited $?"; cat "$dir/err"; }; }
sql() { python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); r=c.execute(sys.argv[2]).fetchall(); c.commit(); print('\n'.join('|'.join(map(str,x)) for x in r))" "$TRELLIS_DB" "$1"; }
esc=$(printf '\033') c1=$(printf '\302\233') bidi=$(printf '\342\200\256')
# clean FILE WHAT: no raw ESC, no C1 control (U+0080..U+009F) and no bidirectional override or isolate in FILE.
clean() {
  if grep -q "$esc" "$1"; then bad "$2: a raw ESC: $(grep -m1 "$esc" "$1" | od -c | head -2)"; else ok; fi
  if LC_ALL=C grep -q $'\xc2[\x80-\x9f]' "$1"; then bad "$2: a raw C1 control"; else ok; fi
  if LC_ALL=C grep -q $'\xe2\x80[\xaa-\xae]\|\xe2\x81[\xa6-\xa9]' "$1"; then bad "$2: a raw bidirectional override"; else ok; fi
}
# shown CODE VERB ARGS...: runs a verb, expecting exit CODE, and checks what it printed, on both streams.
shown() {
  local want=$1; shift
  timeout 60 "$trellis" "$@" >"$dir/out" 2>"$dir/err"; local rc=$?
  [ "$rc" = "$want" ] && ok || bad "trellis $* exited $rc, expected $want: $(head -c 300 "$dir/err")"
  clean "$dir/out" "trellis $* (stdout)"
  clean "$dir/err" "trellis $* (stderr)"
}

run init
run import schools "$ex/data/england_spine.csv"
run import schools "$ex/data/la_and_region_codes_meta.csv"
for f in england_census england_abs; do run import evidence "$ex/data/$f.csv" --period 2018-19; done
run import evidence "$ex/data/national-benchmarks.csv"
run import evidence "$ex/la-held-evidence-2018-19.csv" --period 2018-19
urn=$(sql "SELECT urn FROM schools WHERE la_code = 894 AND status = 'open' ORDER BY urn LIMIT 1")

# The hostile texts: an OSC title change, a C1 CSI (U+009B), a right-to-left override.
evil="Evil${esc}]0;pwned$(printf '\007') ${c1}31m ${bidi}gnp.exe"
run body add telford --kind la --name "Telford $evil"
run body join telford --la 894 --from 2017-09-01
run person add officer1 --name "Officer $evil" --role officer --body telford
# A school's name as a register stored it (the importer takes what the file says).
sql "UPDATE schools SET name = 'School ' || char(27) || ']0;pwned' || char(7) || ' ' || X'C29B' || '31m ' || X'E280AE' || 'gnp.exe' WHERE urn = $urn" >/dev/null

# A policy whose script gives reasons, flags and a rating's reasons holding them too.
mkdir -p "$dir/policies" "$dir/scripts/telford"
cat >"$dir/scripts/telford/classify.lua" <<'LUA'
return function(school, params)
  return "green", { "reason \27]0;pwned\7 \194\155" .. "31m \226\128\174gnp.exe" }
end
LUA
cp "$src/policies/telford-and-wrekin.toml" "$dir/policies/telford.toml"
run body adopt telford "$dir/policies/telford.toml" --from 2017-09-01
run assess --body telford --period 2018-19 --on 2018-09-03
clean "$dir/out" "assess (stdout)"
run rate "$urn" --body telford --period 2018-19 --subject overall --level yellow --stage final --on 2018-10-01 \
  --by "Officer $evil" --rationale "Rationale $evil"
run record "$urn" --indicator safeguarding_concern --period 2018-19 --value 1 --by "Source $evil" --note "Note $evil"
run review "$urn" --body telford --by "Head $evil" --reason "Reason $evil"
activity=$(sql "SELECT min(id) FROM activities WHERE urn = $urn")
run activity done "$activity" --on 2018-10-02 --note "Done $evil" --force
run note add "$activity" --text "Note text $evil"

# Every verb that reads, in its text format; and errors that quote what was given.
shown 0 schools --la 894
shown 0 schools --body telford
shown 0 evidence "$urn"
shown 0 evidence "$urn" --period 2018-19
shown 0 body list
shown 0 person list
shown 0 plugins
shown 0 policy check "$dir/policies/telford.toml"
shown 0 policy view "$dir/policies/telford.toml"
shown 0 assess --body telford --period 2018-19 --dry-run
shown 0 assess --body telford --period 2018-19 --dry-run --brief
shown 0 report --body telford --period 2018-19
shown 0 report --body telford --period 2018-19 --format md
shown 0 report --body telford --period 2018-19 --format html
shown 0 schedule --body telford --year 2018-19
shown 0 schedule --body telford --year 2018-19 --overdue --today 2018-12-14
shown 0 notes
shown 0 notes --school "$urn"
shown 0 audit
shown 0 audit --school "$urn"
shown 0 audit verify
shown 0 history "$urn"
shown 0 reviews --body telford
shown 0 compare --body telford --period 2018-19 --policy "$dir/policies/telford.toml" --policy "$src/policies/telford-and-wrekin.toml"
shown 0 letters --body telford --period 2018-19 -o "$dir/letters"
shown 0 letters --body telford --period 2018-19
shown 3 rate "$urn" --body telford --period 2018-19 --subject overall --level "bad $evil" --stage final --on 2018-10-01
shown 2 body add "bad $evil" --kind la --name x
shown 3 import evidence "$dir/scripts/telford/classify.lua" --period 2018-19
# Machine formats keep their bytes for a file or a pipe; on a terminal they are escaped like the rest.
"$trellis" body list --format json >"$dir/out" 2>&1
python3 -c "import json,sys; n=[b['name'] for b in json.load(open(sys.argv[1])) if b['id']=='telford'][0]; sys.exit(0 if '\u202e' in n and '\x1b' in n else 1)" "$dir/out" \
  && ok || bad "JSON to a pipe keeps the name as stored: $(head -c 300 "$dir/out")"
if command -v script >/dev/null; then
  script -qec "'$trellis' body list --format json" /dev/null >"$dir/tty" 2>&1
  clean "$dir/tty" "body list --format json on a terminal"
  grep -Fq '\u{202E}gnp.exe' "$dir/tty" && ok || bad "on a terminal, JSON is shown escaped: $(grep -m1 Telford "$dir/tty")"
fi

echo "$passes passed, $fails failed"
[ "$fails" = 0 ]
