#!/usr/bin/env bash
# People and roles (issue 11), end to end: who may record which stage, as each
# regime declares it from its seed, and every other write, enforced by the
# kernel. A refusal exits 3, names the stage (or the request), the person and
# who may do it, and writes nothing.
#   Nexus, shared/seeds/000 §3.7: "Headteachers are required to self-assess";
#   §3.11.2: the SPSB "Moderates the school's self-assessment".
#   Telford and Wrekin, shared/seeds/003 §5: "Each maintained school will be
#   classified by the Local Authority"; §7: a classification "can be reviewed
#   at any time where ... a school themselves request this".
# Usage: roles.sh TRELLIS SOURCE_DIR
set -u
trellis=$1 src=$2
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
export TRELLIS_USER=tester
unset TRELLIS_DB
PY=$(command -v /usr/bin/python3 || command -v python3)
passes=0 fails=0
ok() { passes=$((passes+1)); }
bad() { fails=$((fails+1)); echo "FAIL: $*"; }
run() { "$trellis" "$@" >"$dir/out" 2>"$dir/err" || { bad "trellis $* exited $?"; cat "$dir/err"; }; }
# Everything the database holds: "nothing written" means it is unchanged.
state() { "$PY" -c "import sqlite3,sys; print('\n'.join(sqlite3.connect(sys.argv[1]).iterdump()))" "$TRELLIS_DB"; }
# refused CODE WHAT -- ARGS: trellis ARGS exits CODE and changes nothing.
refused() {
  local code=$1 what=$2; shift 3
  local before after rc
  before=$(state)
  "$trellis" "$@" >"$dir/out" 2>"$dir/err"; rc=$?
  after=$(state)
  if [ "$rc" -ne "$code" ]; then bad "$what: exit $rc, expected $code"; cat "$dir/out" "$dir/err"
  elif [ "$before" != "$after" ]; then bad "$what: the database changed"
  else ok; fi
}
# says WHAT TEXT...: each TEXT is in the last command's stderr.
says() {
  local what=$1; shift
  for want in "$@"; do
    grep -qF -- "$want" "$dir/err" || { bad "$what: the message does not say \"$want\": $(cat "$dir/err")"; return; }
  done
  ok
}
allowed() { # WHAT -- ARGS: trellis ARGS exits 0
  local what=$1; shift 2
  "$trellis" "$@" >"$dir/out" 2>"$dir/err" && ok || { bad "$what: exit $?"; cat "$dir/err"; }
}
count() { "$PY" -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])" "$TRELLIS_DB" "$1"; }

# ============================ Nexus (000) ===================================
export TRELLIS_DB=$dir/nexus.db TRELLIS_NOW=2020-06-30T09:00:00Z
nx=$src/examples/nexus
run init
grep -q 'Its admin is "tester"' "$dir/out" && ok || bad "init names its creator as the admin: $(cat "$dir/out")"
run import schools "$nx/data/england_spine.csv"
run body add nexus --kind trust --name "Nexus Multi Academy Trust (example)"
run body join nexus 141589 142768 138357 141488 140170 144490 141729 142795 --from 2019-09-01
run body adopt nexus "$src/policies/nexus.toml" --from 2019-09-01

# ---- person add: an admin adds anyone; an officer their own body's people ----
allowed "an admin adds a body's officer" -- person add qa-lead --name "Nexus QA Lead" --role officer --body nexus
allowed "an officer adds the board for their own body" -- \
  person add spsb --name "Schools Performance and Scrutiny Board" --role board --body nexus --as qa-lead
allowed "an officer adds a head of a member school" -- \
  person add head-flanderwell --name "Head, Flanderwell" --role headteacher --body nexus --school 141589 --as qa-lead
run person add head-abbey --name "Head, Abbey" --role head --body nexus --school 142768
run person add looker --name "A Governor" --role viewer --body nexus
run person add verifier --name "External Verifier" --role verifier --body nexus

refused 3 "a head adds people" -- person add extra --name Extra --role viewer --body nexus --as head-flanderwell
says "a head adds people" "head-flanderwell" "an admin or an officer of nexus may"
refused 3 "an officer adds an admin" -- person add boss --name Boss --role admin --as qa-lead
says "an officer adds an admin" "qa-lead" "only an admin may"
refused 3 "an officer adds someone for every body" -- person add any --name Any --role viewer --as qa-lead
refused 3 "a viewer adds people" -- person add extra --name Extra --role viewer --body nexus --as looker
refused 2 "a person for an unknown body" -- person add extra --name Extra --role officer --body nowhere
says "a person for an unknown body" 'unknown body "nowhere"'
refused 2 "a head without their school" -- person add extra --name Extra --role head --body nexus
says "a head without their school" "--school"
refused 2 "a school for someone who is not a head" -- person add extra --name Extra --role board --body nexus --school 141589
refused 2 "a head of a school not in the register" -- person add extra --name Extra --role head --body nexus --school 999999
says "a head of an unknown school" "999999" "not in the register"
refused 2 "an unknown role" -- person add extra --name Extra --role caretaker --body nexus
says "an unknown role" "expected one of admin, officer, board, head, verifier, viewer" '"caretaker"'
refused 3 "a duplicate id" -- person add spsb --name "Someone Else" --role viewer --body nexus
says "a duplicate id" '"spsb" already exists'
refused 2 "a person with no name" -- person add extra --name " " --role viewer --body nexus

# ---- person list ----
run person list
"$PY" - "$dir/out" <<'PY' && ok || bad "person list (table): a header, the admin first, each person's role, body and school"
import sys
rows = [l.split() for l in open(sys.argv[1]).read().splitlines()]
assert rows[0] == ["id", "name", "role", "body", "school"], rows[0]
assert rows[1][0] == "tester" and rows[1][2] == "admin" and rows[1][3:] == ["-", "-"], rows[1]
flan = next(r for r in rows if r[0] == "head-flanderwell")
assert flan[-3:] == ["head", "nexus", "141589"], flan
assert len(rows) == 1 + 7, rows
PY
run person list --format json
"$PY" - "$dir/out" <<'PY' && ok || bad "person list --format json: id, name, role, body, school for each"
import json, sys
d = json.load(open(sys.argv[1]))
by = {p["id"]: p for p in d}
assert all(sorted(p) == ["body", "id", "name", "role", "school"] for p in d), d[0]
assert by["tester"] == {"id": "tester", "name": "tester", "role": "admin", "body": None, "school": None}, by["tester"]
assert by["head-flanderwell"] == {"id": "head-flanderwell", "name": "Head, Flanderwell", "role": "head",
                                  "body": "nexus", "school": 141589}, by["head-flanderwell"]
assert by["spsb"]["role"] == "board" and by["spsb"]["school"] is None
assert by["qa-lead"]["role"] == "officer" and by["looker"]["role"] == "viewer" and by["verifier"]["role"] == "verifier"
PY
run person list --format csv
head -1 "$dir/out" | tr -d '\r' | grep -qx "id,name,role,body,school" && ok || bad "person list --format csv: $(head -2 "$dir/out")"

# ---- 000 §3.7 and §3.11.2: who records which stage ----
rate_nx() { echo rate "$1" --body nexus --period 2019-20/summer --subject curriculum --level "$2" --stage "$3"; }
refused 3 "000 §3.11.2: a head may not moderate" -- $(rate_nx 141589 secure moderated) --as head-flanderwell
says "a head moderating" 'stage "moderated"' "head-flanderwell" "Head, Flanderwell (head of 141589)" "board member of nexus"
refused 3 "000 §3.7: a head self-assesses their own school only" -- $(rate_nx 142768 strong self) --as head-flanderwell
says "a head rating another school" 'stage "self"' "school 142768" "head-flanderwell" "the school's own head"
refused 3 "000 §3.11.2: the board does not self-assess for the school" -- $(rate_nx 141589 strong self) --as spsb
says "the board self-assessing" 'stage "self"' "spsb" "the school's own head"
refused 3 "an external verifier has no Nexus stage" -- $(rate_nx 141589 strong moderated) --as verifier
refused 3 "a viewer may not rate" -- $(rate_nx 141589 strong self) --as looker
says "a viewer rating" 'stage "self"' "looker" "A Governor (viewer, nexus)"
ratings=$(count "select count(*) from ratings")
allowed "000 §3.7: the head self-assesses their own school" -- $(rate_nx 141589 strong self) --as head-flanderwell
allowed "000 §3.11.2: the SPSB moderates it" -- $(rate_nx 141589 secure moderated) --as spsb --rationale "Triangulated at SPSB"
allowed "an officer of the body records any stage" -- $(rate_nx 142768 secure moderated) --as qa-lead
allowed "an admin records any stage" -- $(rate_nx 142768 strong self)
[ "$(count "select count(*) from ratings")" = $((ratings + 4)) ] && ok || bad "the four allowed ratings are stored"
"$PY" - "$TRELLIS_DB" <<'PY' && ok || bad "the audit records the person and the role they acted in"
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
rows = c.execute("select who, role, body_id, urn from audit where command = 'rate' order by id").fetchall()
assert rows == [("head-flanderwell", "head", "nexus", 141589), ("spsb", "board", "nexus", 141589),
                ("qa-lead", "officer", "nexus", 142768), ("tester", "admin", "nexus", 142768)], rows
r = c.execute("select set_by, stage from ratings where urn = 141589 and stage = 'moderated'").fetchone()
assert r == ("Schools Performance and Scrutiny Board", "moderated"), r   # --by defaults to the person's name
PY

# ---- bulk import: each row's stage is checked, one refusal imports nothing ----
printf 'urn,period,subject,level,stage,by\n141589,2019-20/summer,wellbeing,strong,self,Head\n141589,2019-20/summer,wellbeing,secure,moderated,Head\n' \
  >"$dir/head-moderates.csv"
before=$(count "select count(*) from ratings")
refused 3 "import ratings: a row whose stage the importer may not record" -- \
  import ratings "$dir/head-moderates.csv" --body nexus --as head-flanderwell
says "import ratings refusal" "head-moderates.csv:3:5" 'stage "moderated"' "head-flanderwell" "nothing was imported"
printf 'urn,period,subject,level,stage,by\n141589,2019-20/summer,wellbeing,strong,self,Head\n142768,2019-20/summer,wellbeing,strong,self,Head\n' \
  >"$dir/two-schools.csv"
refused 3 "import ratings: a head's file with another school's row" -- \
  import ratings "$dir/two-schools.csv" --body nexus --as head-flanderwell
says "import ratings, another school" "two-schools.csv:3:5" "school 142768"
[ "$(count "select count(*) from ratings")" = "$before" ] && ok || bad "refused imports wrote ratings"
allowed "import ratings: the SPSB's moderation file" -- import ratings "$dir/head-moderates.csv" --body nexus --as qa-lead
[ "$(count "select count(*) from ratings")" = $((before + 2)) ] && ok || bad "the officer's import stored both rows"

# ---- an unknown person ----
refused 3 "--as a person the database does not know" -- $(rate_nx 141589 strong self) --as nobody
says "--as nobody" 'nobody called "nobody"' "--as" "trellis person add"
TRELLIS_USER=nobody refused 3 "\$TRELLIS_USER naming a person the database does not know" -- $(rate_nx 141589 strong self)
says "TRELLIS_USER=nobody" 'nobody called "nobody"' '$TRELLIS_USER'
TRELLIS_USER=nobody refused 3 "an unknown person adds people" -- person add extra --name Extra --role viewer --body nexus
TRELLIS_USER=nobody run person list   # reading needs no one
grep -q "head-flanderwell" "$dir/out" && ok || bad "anyone may read the people list"

# ======================= Telford and Wrekin (003) ===========================
export TRELLIS_DB=$dir/telford.db TRELLIS_NOW=2018-10-01T09:00:00Z
ex=$src/examples/telford-and-wrekin
run init
run import schools "$ex/data/england_spine.csv"
for f in england_census england_abs; do run import evidence "$ex/data/$f.csv" --period 2018-19; done
run import evidence "$ex/data/ks2_perf_2018.csv" --period 2017-18
run import evidence "$ex/data/ofsted_ratings_2018.csv"
run import evidence "$ex/data/national-benchmarks.csv"
run import evidence "$ex/la-held-evidence-2018-19.csv" --period 2018-19
run body add telford --kind la --name "Telford and Wrekin Council"
run body add elsewhere --kind la --name "Another Council"
run body join telford --la 894 --from 2017-09-01
run body adopt telford "$src/policies/telford-and-wrekin.toml" --from 2017-09-01
run assess --body telford --period 2018-19 --on 2018-09-03 --format json
cp "$dir/out" "$dir/assess.json"
read -r urn other <<<"$("$PY" -c "
import json, sys
d = [s['urn'] for s in json.load(open(sys.argv[1])) if s['level'] in ('green', 'yellow', 'amber', 'red')]
print(d[0], d[1])" "$dir/assess.json")"

run person add la-officer --name "LA Quality Assurance Lead" --role officer --body telford
run person add la-board --name "Member, Schools Forum" --role board --body telford
run person add far-officer --name "Officer Elsewhere" --role officer --body elsewhere
run person add head --name "Headteacher" --role head --body telford --school "$urn"
run person add head-other --name "Other Headteacher" --role head --body telford --school "$other"
run person add reader --name "Reader" --role viewer --body telford
refused 2 "an officer makes a head of a school that was never their body's" -- \
  person add stray --name "Stray" --role head --body elsewhere --school "$urn" --as far-officer
says "a head of another body's school" "$urn" "never been a member of elsewhere"

final() { echo rate "$1" --body telford --period 2018-19 --subject overall --level "$2" --stage final --on 2018-10-01; }
refused 3 "003 §5: a board member does not set the LA's final level" -- $(final "$urn" yellow) --as la-board
says "a board member recording final" 'stage "final"' "la-board" "Member, Schools Forum (board, telford)" \
  'stage "final" may be recorded by an officer of telford or an admin'
refused 3 "003 §5: a head does not classify their own school" -- $(final "$urn" green) --as head
says "a head recording final" 'stage "final"' "school $urn" "head"
refused 3 "an officer of another body does not decide for telford" -- $(final "$urn" yellow) --as far-officer
says "another body's officer" "far-officer" "an officer of telford"
refused 3 "a viewer may not decide" -- $(final "$urn" yellow) --as reader
allowed "003 §5: an LA officer sets the final level" -- $(final "$urn" yellow) --as la-officer --rationale "Leadership secure"
allowed "an admin sets the final level" -- $(final "$other" yellow) --rationale "Admin"

# 003 §7: a review may be asked for by the school (its head) or an officer.
refused 3 "003 §7: a head asks for a review of their own school only" -- \
  review "$urn" --body telford --reason "Not our school" --as head-other
says "a head's review of another school" "head-other" "the school's own head"
refused 3 "a viewer may not ask for a review" -- review "$urn" --body telford --reason "Why" --as reader
allowed "003 §7: the school's head asks for a review" -- review "$urn" --body telford --reason "Complaints counted twice" --as head
refused 3 "a head may not take up a review" -- review start 1 --as head
allowed "an officer takes up the review" -- review start 1 --as la-officer
refused 3 "a board member may not decide a review" -- review decide 1 --confirmed --rationale "Stands" --as la-board
allowed "an officer decides it" -- review decide 1 --confirmed --rationale "Nothing has changed" --as la-officer

# A viewer reads only: every other write is refused too.
read -r activity held <<<"$("$PY" -c "
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
print(*c.execute(\"\"\"select id, start_date from activities where status = 'planned' and start_date <= '2018-10-01'
                   order by start_date, id limit 1\"\"\").fetchone())" "$TRELLIS_DB")"
refused 3 "a viewer may not record evidence" -- record "$urn" --indicator complaints_qualifying --period 2018-19 --value 1 --as reader
says "a viewer recording" "reader" "an admin or an officer may"
refused 3 "a viewer may not join schools to a body" -- body join telford "$urn" --from 2018-09-01 --as reader
refused 3 "a viewer may not mark an activity done" -- activity done "$activity" --on "$held" --as reader
says "a viewer's activity done" "reader" "an admin or an officer of telford may"
refused 3 "a viewer may not assess" -- assess --body telford --period 2018-19 --as reader
refused 3 "a viewer may not import evidence" -- import evidence "$ex/la-held-evidence-2018-19.csv" --period 2018-19 --as reader
refused 3 "a head may not mark an activity done" -- activity done "$activity" --on "$held" --as head
allowed "a head records evidence about their own school" -- \
  record "$urn" --indicator complaints_qualifying --period 2018-19 --value 0 --as head
refused 3 "a head may not record evidence about another school" -- \
  record "$other" --indicator complaints_qualifying --period 2018-19 --value 0 --as head
allowed "an officer marks the activity done" -- activity done "$activity" --on "$held" --as la-officer
allowed "an admin adds a body" -- body add focus --kind trust --name "Focus-Trust"
refused 3 "an officer may not add a body" -- body add other --kind trust --name "Other" --as la-officer

"$PY" - "$TRELLIS_DB" "$urn" <<'PY' && ok || bad "the audit names each person and their role"
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
urn = int(sys.argv[2])
rows = c.execute("select command, who, role from audit where urn = ? and command in ('rate', 'review', 'record') order by id",
                 (urn,)).fetchall()
assert ("rate", "la-officer", "officer") in rows and ("review", "head", "head") in rows and ("record", "head", "head") in rows, rows
assert c.execute("select count(*) from audit where who in ('reader', 'la-board', 'far-officer', 'head-other')").fetchone()[0] == 0
d = c.execute("select set_by, stage, level from ratings where urn = ? and stage = 'final'", (urn,)).fetchone()
assert d == ("LA Quality Assurance Lead", "final", "yellow"), d
PY

echo "$passes passed, $fails failed"
[ "$fails" -eq 0 ]
