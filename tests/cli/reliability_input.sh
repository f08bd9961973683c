#!/usr/bin/env bash
# Issue 19, "Crashes and hangs" and "Bad input that is accepted": each example
# of the issue, run as a careless or hostile user would, on real Telford data.
# Usage: reliability_input.sh TRELLIS SOURCE_DIR
set -u
trellis=$(realpath "$1") src=$(cd "$2" && pwd -P)
ex=$src/examples/telford-and-wrekin
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
export TRELLIS_DB=$dir/t.db TRELLIS_NOW=2019-01-14T09:00:00Z TRELLIS_USER=tester
passes=0 fails=0
ok() { passes=$((passes+1)); }
bad() { fails=$((fails+1)); echo "FAIL: $*" | cut -c1-600; }
run() { "$trellis" "$@" >"$dir/out" 2>"$dir/err" || { bad "trellis $* exited $?"; cat "$dir/err"; }; }
# expect CODE PATTERN ARGS...: exit CODE within 20 s, and PATTERN (an extended regex) in stderr or stdout.
expect() {
  local want=$1 pattern=$2; shift 2
  timeout 20 "$trellis" "$@" >"$dir/out" 2>"$dir/err"; local rc=$?
  [ "$rc" = "$want" ] && ok || bad "trellis $* exited $rc, expected $want: $(head -c 400 "$dir/err")"
  grep -Eq -- "$pattern" "$dir/err" "$dir/out" && ok || bad "trellis $*: expected /$pattern/ in: $(head -c 400 "$dir/err")"
}
sql() { python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); r=c.execute(sys.argv[2]).fetchall(); c.commit(); print('\n'.join('|'.join(map(str,x)) for x in r))" "$TRELLIS_DB" "$1"; }

run init
run import schools "$ex/data/england_spine.csv"
for f in england_census england_abs england_ks4provisional; do run import evidence "$ex/data/$f.csv" --period 2018-19; done
run import evidence "$ex/data/national-benchmarks.csv"
run body add telford --kind la --name "Telford and Wrekin Council"
run body join telford --la 894 --from 2017-09-01
run body adopt telford "$src/policies/telford-and-wrekin.toml" --from 2017-09-01
urn=$(sql "SELECT urn FROM schools WHERE la_code = 894 AND status = 'open' ORDER BY urn LIMIT 1")

## Crashes and hangs: policy and script files.
mkdir -p "$dir/policies" "$dir/scripts/telford"
python3 -c "import sys; open(sys.argv[1],'w').write('a' + '.a'*49999 + ' = 1\n')" "$dir/policies/bomb.toml"
# A TOML bomb is refused before it is parsed, by every verb alike: exit 3 at file:line:col, not a finding (exit 1).
expect 3 'bomb.toml:1:[0-9]+:.*at most 32' policy check "$dir/policies/bomb.toml"
expect 3 'bomb.toml:1:' assess --body telford --period 2018-19 --policy "$dir/policies/bomb.toml" --dry-run
python3 -c "import sys; open(sys.argv[1],'w').write('x = ' + '['*5000 + ']'*5000 + '\n')" "$dir/policies/nest.toml"
expect 3 'nest.toml:1:[0-9]+:.*nested' policy check "$dir/policies/nest.toml"
expect 3 'nest.toml:1:[0-9]+:.*nested' policy test "$dir/policies/nest.toml"
mkfifo "$dir/policies/fifo.toml"
expect 3 'FIFO' policy check "$dir/policies/fifo.toml"
ln -s /dev/zero "$dir/policies/zero.toml"
expect 3 'not a regular file' policy check "$dir/policies/zero.toml"
expect 3 'folder' policy check "$dir/policies"
head -c 2000000 /dev/zero | tr '\0' '#' >"$dir/policies/huge.toml"
expect 3 'larger than' policy check "$dir/policies/huge.toml"
# A script that is a FIFO, beside a policy that names it.
sed 's|../scripts/telford/classify.lua|../scripts/telford/fifo.lua|' "$src/policies/telford-and-wrekin.toml" >"$dir/policies/fifo-script.toml"
mkfifo "$dir/scripts/telford/fifo.lua"
timeout 20 "$trellis" policy check "$dir/policies/fifo-script.toml" >"$dir/out" 2>&1; rc=$?
[ "$rc" = 1 ] || [ "$rc" = 3 ] && ok || bad "policy check naming a FIFO script exited $rc"
grep -q "FIFO" "$dir/out" && ok || bad "it says the script is a FIFO: $(head -c 300 "$dir/out")"

# Lua: a script recursing without end fails on the first school within seconds, naming script, line and school.
cp "$src/scripts/telford/classify.lua" "$dir/scripts/telford/classify.lua"
cat >"$dir/scripts/telford/recurse.lua" <<'LUA'
local function down(n) return down(n + 1) + 1 end
return function(school, params)
  return down(1), {}
end
LUA
sed 's|../scripts/telford/classify.lua|../scripts/telford/recurse.lua|' "$src/policies/telford-and-wrekin.toml" >"$dir/policies/recurse.toml"
start=$(date +%s)
expect 3 'recurse.lua:1' assess --body telford --period 2018-19 --policy "$dir/policies/recurse.toml" --dry-run
took=$(( $(date +%s) - start ))
[ "$took" -le 5 ] && ok || bad "the recursing script stopped within seconds (took ${took}s)"
grep -q "could not assess a school, so it stopped there" "$dir/err" && ok || bad "assess stops at the first school: $(head -c 300 "$dir/err")"
[ "$(grep -c '^  ' "$dir/err")" = 1 ] && ok || bad "one school is named: $(cat "$dir/err")"
# Two dry runs give the same output (tostring of a table shows no address).
cat >"$dir/scripts/telford/tostring.lua" <<'LUA'
return function(school, params)
  return "green", { "seen " .. tostring({}) .. " " .. tostring(print) }
end
LUA
sed 's|../scripts/telford/classify.lua|../scripts/telford/tostring.lua|' "$src/policies/telford-and-wrekin.toml" >"$dir/policies/tostring.toml"
"$trellis" assess --body telford --period 2018-19 --policy "$dir/policies/tostring.toml" --dry-run --format json >"$dir/a1" 2>&1
"$trellis" assess --body telford --period 2018-19 --policy "$dir/policies/tostring.toml" --dry-run --format json >"$dir/a2" 2>&1
cmp -s "$dir/a1" "$dir/a2" && ok || bad "two dry runs differ: $(diff "$dir/a1" "$dir/a2" | head -5)"
grep -q "seen table nil" "$dir/a1" && ok || bad "tostring({}) is \"table\": $(grep -m1 seen "$dir/a1")"

# A script returning 1,000,000 reasons is stopped at once, naming the bound (200), not printed.
cat >"$dir/scripts/telford/million.lua" <<'LUA'
return function(school, params)
  local r = {}
  for i = 1, 1000000 do r[i] = "reason " .. i end
  return "green", r
end
LUA
sed 's|../scripts/telford/classify.lua|../scripts/telford/million.lua|' "$src/policies/telford-and-wrekin.toml" >"$dir/policies/million.toml"
start=$(date +%s)
expect 3 'million.lua:[0-9]+:.*(at most 200 entries, found 1000000|memory limit)' assess --body telford --period 2018-19 --policy "$dir/policies/million.toml" --dry-run
[ $(( $(date +%s) - start )) -le 30 ] && ok || bad "a million reasons took $(( $(date +%s) - start ))s"
[ "$(wc -c <"$dir/out")" -lt 100000 ] && ok || bad "a million reasons printed $(wc -c <"$dir/out") bytes"

# A reason holding an escape sequence is shown escaped, never sent raw to the terminal.
cat >"$dir/scripts/telford/escape.lua" <<'LUA'
return function(school, params)
  return "green", { "bold\27[1m title\27]0;pwned\7" }
end
LUA
sed 's|../scripts/telford/classify.lua|../scripts/telford/escape.lua|' "$src/policies/telford-and-wrekin.toml" >"$dir/policies/escape.toml"
run assess --body telford --period 2018-19 --policy "$dir/policies/escape.toml" --dry-run
grep -q "$(printf '\033')" "$dir/out" && bad "a script's ESC reached the terminal" || ok
grep -Fq 'bold\x1B[1m title\x1B]0;pwned\x07' "$dir/out" && ok || bad "the reason is shown escaped: $(grep -m1 bold "$dir/out")"

## Bad input that is accepted.
# Text that is not UTF-8, on the command line: refused, nothing stored.
expect 2 'UTF-8' body add latin --kind la --name "$(printf 'Caf\xe9')"
sql "SELECT count(*) FROM bodies WHERE id = 'latin'" | grep -qx 0 && ok || bad "nothing stored for latin"
expect 2 '--by.*UTF-8' record "$urn" --indicator safeguarding_concern --period 2018-19 --value 1 --by "$(printf 'O\x92Brien')"
# Bytes stored by an older version never break an output.
sql "UPDATE bodies SET name = CAST(X'54656C666F7264E9' AS TEXT) WHERE id = 'telford'" >/dev/null
expect 0 'telford' body list --format json
expect 0 'Telford\\xE9' body list
sql "UPDATE bodies SET name = 'Telford and Wrekin Council' WHERE id = 'telford'" >/dev/null
# Free text is bounded at every way in: names at 200 bytes, rationales, reasons and notes at 4000.
long_name=$(head -c 201 /dev/zero | tr '\0' n) long_text=$(head -c 4001 /dev/zero | tr '\0' t)
expect 2 'name of at most 200 bytes, found 201 bytes' body add longname --kind la --name "$long_name"
expect 2 'name of at most 200 bytes, found 201 bytes' person add longname --name "$long_name" --role viewer
expect 2 '--by.*at most 200 bytes' record "$urn" --indicator safeguarding_concern --period 2018-19 --value 1 --by "$long_name"
expect 2 '--note.*at most 4000 bytes' record "$urn" --indicator safeguarding_concern --period 2018-19 --value 1 --note "$long_text"
expect 2 '--rationale.*at most 4000 bytes' rate "$urn" --body telford --period 2018-19 --subject overall --level green --stage final --on 2018-10-01 --rationale "$long_text"
expect 2 '--by.*at most 200 bytes' rate "$urn" --body telford --period 2018-19 --subject overall --level green --stage final --on 2018-10-01 --by "$long_name"
expect 2 '--reason.*at most 4000 bytes' review "$urn" --body telford --reason "$long_text"
sql "SELECT count(*) FROM bodies WHERE id = 'longname'" | grep -qx 0 && ok || bad "nothing stored for longname"
sql "SELECT count(*) FROM ratings" | grep -qx 0 && ok || bad "no rating stored"
# record --value inf and nan are refused, as the CSV importer refuses them; a percentage stays in 0-100.
expect 2 'finite' record "$urn" --indicator safeguarding_concern --period 2018-19 --value inf
expect 2 'finite' record "$urn" --indicator safeguarding_concern --period 2018-19 --value nan
pct=$(sql "SELECT id FROM indicators WHERE unit = '%' ORDER BY id LIMIT 1")
expect 2 'percentage from 0 to 100' record "$urn" --indicator "$pct" --period 2018-19 --value 150
# Impossible dates, everywhere.
expect 2 '2019-02-30' body join telford "$urn" --from 2019-02-30
expect 2 '2019-02-30' body join telford "$urn" --from 2019-02-01 --to 2019-02-30
expect 2 '2019-02-30' body adopt telford "$src/policies/telford-and-wrekin.toml" --from 2019-02-30
# Overflowing numbers, and octal.
expect 2 'whole number' evidence 99999999999999999999
run evidence "0$urn"
grep -q "$urn" "$dir/out" && ok || bad "evidence 0$urn reads $urn in decimal"
# Periods stay canonical.
expect 2 'from 1000-01' record "$urn" --indicator safeguarding_concern --period 0000-01 --value 1
# An unknown verb is named, with the nearest.
expect 2 'unknown verb "reprot".*trellis report' reprot --body telford
# No person may record the computed stage.
expect 3 'computed' rate "$urn" --body telford --period 2018-19 --subject overall --level green --stage computed --by me --on 2018-10-01

# Importers.
printf 'URN,URN,LA\n%s,%s,894\n' "$urn" "$urn" >"$dir/dup.csv"
expect 3 'dup.csv:1:2.*a second "URN" column' import schools "$dir/dup.csv"
printf 'urn,period,subject,level,stage,by\n' >"$dir/ratings.csv"
expect 3 'ratings.csv:2:.*none' import ratings "$dir/ratings.csv" --body telford
before=$(sql "SELECT count(*) FROM evidence")
timeout 20 "$trellis" import evidence <(cat "$ex/la-held-evidence-2018-19.csv") --period 2018-19 >"$dir/out" 2>"$dir/err"; rc=$?
[ "$rc" = 0 ] && ok || bad "import evidence from a pipe exited $rc: $(cat "$dir/err")"
[ "$(sql "SELECT count(*) FROM evidence")" -gt "$before" ] && ok || bad "the pipe's rows were stored"

## Output that can be steered by data.
run body add inj --kind la --name '=HYPERLINK("http://example.invalid","x")'
run body list --format csv
grep -q "\"'=HYPERLINK" "$dir/out" && ok || bad "a formula is neutralised in CSV: $(grep -i hyperlink "$dir/out")"
run body add esc --kind la --name "$(printf 'Evil\033]0;pwned\007 \342\200\256gnp.exe')"
run body list
grep -q "$(printf '\033')" "$dir/out" && bad "ESC reached the terminal" || ok
grep -q "$(printf '\342\200\256')" "$dir/out" && bad "a bidirectional override reached the terminal" || ok
grep -Fq 'Evil\x1B]0;pwned\x07 \u{202E}gnp.exe' "$dir/out" && ok || bad "the controls are shown escaped: $(grep Evil "$dir/out")"
# A school's name with HTML, a pipe and a line break, in a Markdown report.
run assess --body telford --period 2018-19 --on 2018-09-03
sql "UPDATE schools SET name = '<img src=x onerror=alert(1)> A | B' || char(10) || '# Heading' WHERE urn = $urn" >/dev/null
run assess --body telford --period 2018-19 --on 2018-09-03
run report --body telford --period 2018-19 --format md -o "$dir/r.md"
grep -q "<img" "$dir/r.md" && bad "HTML in a name reached the Markdown" || ok
grep -q '^# Heading' "$dir/r.md" && bad "a newline in a name made a heading" || ok
grep -Fq '&lt;img src=x onerror=alert(1)&gt; A \| B # Heading' "$dir/r.md" && ok || bad "the name is escaped: $(grep -F 'onerror' "$dir/r.md" | head -2)"
run report --body telford --period 2018-19 --format csv -o "$dir/r.csv"
run schedule --body telford --year 2018-19 --format ics -o "$dir/s.ics"
sql "UPDATE activities SET title = 'Visit' || char(27) || '[31m red' WHERE id = (SELECT min(id) FROM activities)" >/dev/null
run schedule --body telford --year 2018-19 --format ics -o "$dir/s.ics"
grep -q "$(printf '\033')" "$dir/s.ics" && bad "a control character reached the ICS" || ok
grep -q "Visit\[31m red" "$dir/s.ics" && ok || bad "the title is kept, less its control: $(grep -m1 Visit "$dir/s.ics")"

echo "$passes passed, $fails failed"
[ "$fails" = 0 ]
