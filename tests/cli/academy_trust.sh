#!/usr/bin/env bash
# Issue 16, Telford section 7: an academy's trust comes from the GIAS register
# ("Trusts (code)", "Trusts (name)") or from the LA's own list in the policy
# (academies.trusts), the list winning where it names one. One offer of an
# initial conversation per trust, to its CEO; an academy with no known trust
# gets its own offer and a reason saying so. `schools` and `evidence` show the
# trust. Trust names in the fixture are SYNTHETIC.
# Usage: academy_trust.sh TRELLIS SOURCE_DIR
set -u
trellis=$1 src=$2
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
export TRELLIS_DB=$dir/t.db TRELLIS_NOW=2018-09-03T09:00:00Z TRELLIS_USER=tester
passes=0 fails=0
check() { # name expected-exit-code command...
  local name=$1 want=$2; shift 2
  "$@" >"$dir/out" 2>"$dir/err"; local got=$?
  if [ "$got" -eq "$want" ]; then passes=$((passes+1)); else
    fails=$((fails+1)); echo "FAIL $name: exit $got, wanted $want"; cat "$dir/out" "$dir/err"; fi
}
expect() { # name python-assertion over d, the JSON in $dir/out
  if python3 -c "import json; d=json.load(open('$dir/out')); $2" 2>"$dir/py"; then passes=$((passes+1)); else
    fails=$((fails+1)); echo "FAIL $1"; cat "$dir/py"; fi
}
gias=$src/tests/data/gias_telford_academies.csv
trusts="Haberdashers' Telford Trust (SYNTHETIC)"

check "init" 0 "$trellis" init
check "the GIAS register with its trusts" 0 "$trellis" import schools "$gias"
check "schools json" 0 "$trellis" schools --format json
expect "s7: the register's trust is kept with the school" "by={s['urn']: s for s in d}; assert by[135582]['trust_code']=='90001' and by[135582]['trust_name']==\"$trusts\", by[135582]; assert by[136439]['trust_code'] is None and by[136439]['trust_name'] is None, by[136439]"
check "schools table" 0 "$trellis" schools
grep -q "Telford Schools Trust (SYNTHETIC)" "$dir/out" && passes=$((passes+1)) || { fails=$((fails+1)); echo "FAIL the table shows the trust"; cat "$dir/out"; }
check "one school" 0 "$trellis" evidence 139536
head -1 "$dir/out" | grep -q "trust Telford Schools Trust (SYNTHETIC) (90002)" && passes=$((passes+1)) ||
  { fails=$((fails+1)); echo "FAIL evidence's heading names the trust"; cat "$dir/out"; }

check "body" 0 "$trellis" body add telford --kind la --name "Telford and Wrekin Council"
check "join" 0 "$trellis" body join telford 135582 137446 139536 139766 142285 141699 136439 --from 2017-09-01
check "adopt" 0 "$trellis" body adopt telford "$src/policies/telford-and-wrekin.toml" --from 2017-09-01
check "assess" 0 "$trellis" assess --body telford --period 2018-19 --on 2018-09-03 --format json
expect "s7: every academy is not classified" "assert len(d)==7 and all(s['level']=='academy' for s in d), d"
expect "s7: the offer goes to the CEO of the register's trust" "by={s['urn']: s for s in d}; r=by[139766]['reasons'][0]; assert 'goes to the CEO of Telford Schools Trust (SYNTHETIC) (the academy\'s trust in the register)' in r, r"
expect "s7: an academy with no known trust: its own offer, and a reason saying so" "by={s['urn']: s for s in d}; r=by[136439]['reasons'][0]; assert 'No trust is known for this academy' in r and 'goes to the school itself' in r, r"
check "schedule" 0 "$trellis" schedule --body telford --year 2018-19 --format json
expect "s7: one initial conversation per trust, to its CEO" "t=[a for a in d if a['rule'].startswith('s7.academy.trust-conversation.')]; assert len(t)==3, t; assert all(a['urn'] is None and 'Trust CEO' in a['attendees'] for a in t), t; s=[a for a in t if 'Telford Schools Trust' in a['title']]; assert len(s)==1 and 'URN 139536, URN 139766, URN 142285' in s[0]['title'], s"
expect "s7: the academy with no trust has its own offer, the others none of their own" "own=[a for a in d if a['rule']=='s7.academy.ceo-conversation']; assert [a['urn'] for a in own]==[136439], own; assert not [a for a in d if a['urn'] in (135582, 137446, 139536, 139766, 142285, 141699)], d"

# The LA's list wins where it names a trust: a draft policy tried without adopting it.
mkdir -p "$dir/policies" "$dir/scripts"
cp -r "$src/scripts/telford" "$dir/scripts/"
cp "$src/policies/telford-and-wrekin.toml" "$dir/policies/own.toml"
cat >>"$dir/policies/own.toml" <<'TOML'

[academies.trusts]
141699 = "Wrekin Learning Trust (SYNTHETIC, the LA's list)"
136439 = "Priorslee Partnership (SYNTHETIC, the LA's list)"
TOML
check "a draft with the LA's list" 0 "$trellis" assess --body telford --period 2018-19 --on 2018-09-03 --policy "$dir/policies/own.toml" --dry-run --format json
expect "s7: the LA's list wins over the register" "by={s['urn']: s for s in d}; r=by[141699]['reasons'][0]; assert 'CEO of Wrekin Learning Trust (SYNTHETIC, the LA\'s list),' in r and 'Lawley Learning Trust' not in r, r"
expect "s7: the LA's list names a trust the register does not" "by={s['urn']: s for s in d}; r=by[136439]['reasons'][0]; assert 'Priorslee Partnership' in r and 'No trust' not in r, r"

# A register file without the trust columns says nothing about trusts; one with them, and an empty cell, says none.
python3 - "$gias" "$dir" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
keep = [h for h in rows[0] if h not in ("Trusts (code)", "Trusts (name)")]
with open(sys.argv[2] + "/no_trusts.csv", "w", newline="") as f:
    w = csv.DictWriter(f, keep, extrasaction="ignore"); w.writeheader(); w.writerows(rows)
rows[0]["Trusts (code)"] = rows[0]["Trusts (name)"] = ""
with open(sys.argv[2] + "/left_trust.csv", "w", newline="") as f:
    w = csv.DictWriter(f, list(rows[0])); w.writeheader(); w.writerows(rows)
rows[1]["Trusts (name)"] = ""
with open(sys.argv[2] + "/code_alone.csv", "w", newline="") as f:
    w = csv.DictWriter(f, list(rows[0])); w.writeheader(); w.writerows(rows)
PY
check "a register without trust columns" 0 "$trellis" import schools "$dir/no_trusts.csv"
check "schools" 0 "$trellis" schools --format json
expect "the trust held stays" "by={s['urn']: s for s in d}; assert by[135582]['trust_name']==\"$trusts\", by[135582]"
check "a register naming no trust for one academy" 0 "$trellis" import schools "$dir/left_trust.csv"
check "schools" 0 "$trellis" schools --format json
expect "its trust is gone, the others' kept" "by={s['urn']: s for s in d}; assert by[135582]['trust_name'] is None and by[137446]['trust_name']==\"$trusts\", (by[135582], by[137446])"
check "a trust's code with no name is refused" 3 "$trellis" import schools "$dir/code_alone.csv"
grep -q "code_alone.csv:3:" "$dir/err" && grep -q "the trust's name beside its code 90001" "$dir/err" && passes=$((passes+1)) ||
  { fails=$((fails+1)); echo "FAIL the refusal names the file, line and what was expected"; cat "$dir/err"; }

echo "$passes passed, $fails failed"
[ "$fails" -eq 0 ]
