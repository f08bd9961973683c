#!/usr/bin/env bash
# Reviews of a classification end to end on the real LA 894 data
# (examples/telford-and-wrekin), citing Telford and Wrekin's QA policy
# (shared/seeds/003): section 5, "headteachers will be notified individually if
# their school classification is to change and the reasons for this"; section 7,
# "A school classification level can be reviewed at any time where changes to
# circumstances occur, or a school themselves request this."
# Usage: review.sh TRELLIS SOURCE_DIR
set -u
trellis=$1 src=$2
ex=$src/examples/telford-and-wrekin
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
export TRELLIS_DB=$dir/t.db TRELLIS_NOW=2019-01-14T09:00:00Z TRELLIS_USER=tester
passes=0 fails=0
ok() { passes=$((passes+1)); }
bad() { fails=$((fails+1)); echo "FAIL: $*"; }
run() { "$trellis" "$@" >"$dir/out" 2>"$dir/err" || { bad "trellis $* exited $?"; cat "$dir/err"; }; }
py() { python3 - "$@"; }
# Everything the database holds (the outbox with it), and every letter file anywhere in the test's folder:
# "nothing written" means both are unchanged.
state() {
  python3 -c "import sqlite3,sys; print('\n'.join(sqlite3.connect(sys.argv[1]).iterdump()))" "$TRELLIS_DB"
  find "$dir" -name '*.md' -type f | sort
}
# refused CODE WHAT -- ARGS: trellis ARGS exits CODE and changes nothing.
refused() {
  local code=$1 what=$2; shift 3
  local before after rc
  before=$(state)
  "$trellis" "$@" >"$dir/out" 2>"$dir/err"; rc=$?
  after=$(state)
  if [ "$rc" -ne "$code" ]; then bad "$what: exit $rc, expected $code"; cat "$dir/err"
  elif [ "$before" != "$after" ]; then bad "$what: the database or letters changed"
  else ok; fi
}

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
run assess --body telford --period 2017-18 --format json
run assess --body telford --period 2018-19 --format json
cp "$dir/out" "$dir/2018.json"

urn=$(python3 -c "import json;print([s['urn'] for s in json.load(open('$dir/2018.json')) if s['level']=='amber'][0])")
name=$(python3 -c "import json;print([s['name'] for s in json.load(open('$dir/2018.json')) if s['urn']==$urn][0])")
# In the register, but not a member of telford (closed, or in another LA).
outsider=$(python3 -c "
import sqlite3
db = sqlite3.connect('$TRELLIS_DB')
print(db.execute('SELECT urn FROM schools WHERE urn NOT IN (SELECT urn FROM memberships) ORDER BY urn LIMIT 1').fetchone()[0])")

# s7: the school asks; the request is kept against the year's classification.
run review "$urn" --body telford --by "Headteacher" --reason "Complaints were counted twice"
grep -q "Review request 1 recorded for $urn" "$dir/out" && ok || bad "the request's id is printed: $(cat "$dir/out")"
run reviews --body telford --format json
py "$dir/out" "$urn" "$name" <<'PY' && ok || bad "s7: reviews --format json has every field, status requested"
import json, sys
d = json.load(open(sys.argv[1]))
assert len(d) == 1, d
r = d[0]
assert sorted(r) == sorted(["id", "urn", "school", "body", "period", "requested_by", "requested_at", "reason", "status",
                   "outcome_level", "outcome_rationale", "outcome_on", "outcome_by"]), list(r)
assert r["id"] == 1 and r["urn"] == int(sys.argv[2]) and r["school"] == sys.argv[3] and r["body"] == "telford", r
assert r["period"] == "2018-19" and r["requested_by"] == "Headteacher" and r["requested_at"] == "2019-01-14T09:00:00Z"
assert r["reason"] == "Complaints were counted twice" and r["status"] == "requested"
assert r["outcome_level"] is None and r["outcome_rationale"] is None and r["outcome_on"] is None and r["outcome_by"] is None
PY

# Refusals: each exits with its code and writes nothing.
refused 3 "a URN not in the register" -- review 999999 --body telford --by Head --reason "Why"
refused 3 "a school that is not a member of the body" -- review "$outsider" --body telford --by Head --reason "Why"
refused 2 "a request with no reason" -- review "$urn" --body telford --by Head
refused 2 "an unknown body" -- review "$urn" --body nobody --by Head --reason "Why"
refused 3 "deciding a review before it is started" -- review decide 1 --changed --level yellow --by "A. Officer" --rationale "Why"
grep -q "is requested" "$dir/err" && ok || bad "the refusal names the current status: $(cat "$dir/err")"
refused 2 "decide with neither --confirmed nor --changed" -- review decide 1 --by "A. Officer" --rationale "Why"
refused 2 "an unknown review id" -- review start 42 --by "A. Officer"

export TRELLIS_NOW=2019-01-16T10:00:00Z
run review start 1 --by "A. Officer"
run reviews --body telford --status "under review" --format json
py "$dir/out" <<'PY' && ok || bad "start: requested -> under review"
import json, sys
d = json.load(open(sys.argv[1]))
assert [r["status"] for r in d] == ["under review"], d
PY
refused 3 "starting a review twice" -- review start 1 --by "A. Officer"
grep -q "is under review" "$dir/err" && ok || bad "the refusal names the current status: $(cat "$dir/err")"
refused 2 "a level off the overall scale" -- review decide 1 --changed --level purple --by "A. Officer" --rationale "Why"
refused 2 "--changed with no level" -- review decide 1 --changed --by "A. Officer" --rationale "Why"
refused 2 "a decision with no rationale" -- review decide 1 --changed --level yellow --by "A. Officer"

# s5: the LA changes the band; it is the LA's final level, and the head gets a letter.
export TRELLIS_NOW=2019-01-21T15:30:00Z
run review decide 1 --changed --level yellow --by "A. Officer" --rationale "Two complaints were one matter; none qualifies"
grep -q "changed from amber to yellow" "$dir/out" && ok || bad "decide says what changed: $(cat "$dir/out")"
# The letter is in the outbox, not on disk: decide says how to write it out.
grep -qF "1 letter to a head is in the outbox (id " "$dir/out" && grep -qF "trellis letters --body telford --period 2018-19 -o DIR" "$dir/out" \
  && [ -z "$(find "$dir" -name '*.md')" ] && ok || bad "decide stores the letter and says how to write it: $(cat "$dir/out")"
run letters --body telford --period 2018-19 -o "$dir/letters"
letter="$dir/letters/review-1-$urn.md"
py "$letter" "$urn" "$name" <<'PY' && ok || bad "s5: the head's letter gives the outcome, the rationale, the date and who decided"
import sys
t = open(sys.argv[1]).read()
for want in ["To the headteacher, %s (URN %s)" % (sys.argv[3], sys.argv[2]), "From Telford and Wrekin Council, 2019-01-21",
             "On 2019-01-14, Headteacher asked Telford and Wrekin Council to review", "> Complaints were counted twice",
             "**changed from amber to yellow**", "Two complaints were one matter; none qualifies",
             "Decided by A. Officer on 2019-01-21."]:
    assert want in t, (want, t)
PY
run reviews --body telford --format json
py "$dir/out" <<'PY' && ok || bad "reviews --format json shows the outcome"
import json, sys
r = json.load(open(sys.argv[1]))[0]
assert r["status"] == "changed" and r["outcome_level"] == "yellow" and r["outcome_by"] == "A. Officer", r
assert r["outcome_on"] == "2019-01-21" and r["outcome_rationale"] == "Two complaints were one matter; none qualifies", r
PY
run reviews --body telford --status requested --format json
[ "$(cat "$dir/out")" = "[]" ] && ok || bad "--status filters: $(cat "$dir/out")"
run report --body telford --period 2018-19 --format json
py "$dir/out" "$urn" <<'PY' && ok || bad "s5: the report shows the final level the review set, and the review's outcome"
import json, sys
r = json.load(open(sys.argv[1]))
s = [s for s in r["schools"] if s["urn"] == int(sys.argv[2])][0]
# The review's outcome is the decision: it counts, beside the computed level.
assert s["level"] == "yellow" and s["computed_level"] == "amber", s
assert s["final_level"] == "yellow" and s["final_by"] == "A. Officer", s
v = [v for v in r["reviews"] if v["id"] == 1][0]
assert v["status"] == "changed" and v["outcome_level"] == "yellow" and v["period"] == "2018-19", v
PY
run report --body telford --period 2018-19 --format md
grep -q "Complaints were counted twice — \*\*changed to yellow\*\* on 2019-01-21 by A. Officer: Two" "$dir/out" && ok \
  || bad "the Markdown report's review section gives the outcome"
refused 3 "deciding a review twice" -- review decide 1 --confirmed --by "A. Officer" --rationale "Again"
grep -q "is changed" "$dir/err" && ok || bad "the refusal names the current status: $(cat "$dir/err")"
audit_rows=$(python3 -c "import sqlite3;print(sqlite3.connect('$TRELLIS_DB').execute(\"select count(*) from audit where command like 'review%'\").fetchone()[0])")
[ "$audit_rows" = 3 ] && ok || bad "each writing verb records one audit row ($audit_rows)"

# A second request is confirmed: the level the LA set stands.
run review "$urn" --body telford --by "Chair of Governors" --reason "Asks again" --period 2018-19
run review start 2 --by "A. Officer"
run review decide 2 --confirmed --by "B. Officer" --rationale "Nothing has changed since January" --on 2019-01-28
grep -q "confirmed at yellow" "$dir/out" && ok || bad "confirmed keeps the decided level: $(cat "$dir/out")"
run letters --body telford --period 2018-19 -o "$dir/letters"
grep -q "\*\*confirmed at yellow\*\*" "$dir/letters/review-2-$urn.md" && ok || bad "the confirmation letter"

echo "$passes passed, $fails failed"
[ "$fails" -eq 0 ]
