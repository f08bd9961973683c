#!/usr/bin/env bash
# Issue 18: a stored `assess` stores each school as it is judged, in one
# transaction, and prints through the dry run's spool. What it stores and
# prints: the assessments in the order printed, the audit row counting what
# was printed, the letters chosen as each school is stored and written once
# the year is re-planned; a run that fails part-way (after storing schools
# inside its transaction) prints none of them, names the first failing school
# and stores nothing.
# Usage: stored_assess.sh TRELLIS SOURCE_DIR DEMO_FIXTURE_DIR
set -u
trellis=$1 src=$2
source "$(dirname "$0")/demo_copy.sh"
source "$(dirname "$0")/assess_rows.sh"
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
export TRELLIS_NOW=2020-07-20T09:00:00Z TRELLIS_USER=demo-admin
unset TRELLIS_THREADS
passes=0 fails=0
ok() { passes=$((passes+1)); }
bad() { fails=$((fails+1)); echo "FAIL: $*"; }
demo_copy "$3" "$dir/demo.db"
export TRELLIS_DB=$dir/demo.db

# Telford's letters of 2018-19 are taken out of the outbox, so that re-assessing writes them again.
sqlite3 "$dir/demo.db" "DELETE FROM outbox WHERE body_id = 'telford' AND period = '2018-19'" && ok || bad "clear the outbox"
before=$(sqlite3 "$dir/demo.db" "SELECT coalesce(max(id), 0) FROM assessments; SELECT coalesce(max(id), 0) FROM outbox" | paste -sd' ')
read -r last_assessment last_letter <<<"$before"
"$trellis" assess --body telford --period 2018-19 --format json --threads 2 >"$dir/run.json" 2>"$dir/err" \
  && ok || bad "a stored run of telford: $(cat "$dir/err")"

# The assessments are stored in the order printed, each naming the run's audit row, whose changes count what was printed.
python3 - "$dir/demo.db" "$dir/run.json" "$last_assessment" "$last_letter" <<'PY' && ok || bad "the stored rows do not match what the run printed"
import json, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
printed = json.load(open(sys.argv[2]))
after, after_letter = int(sys.argv[3]), int(sys.argv[4])
rows = db.execute("SELECT urn, level, audit_id FROM assessments WHERE id > ? ORDER BY id", (after,)).fetchall()
assert [(r[0], r[1]) for r in rows] == [(s["urn"], s["level"]) for s in printed], "order or levels differ"
audits = {r[2] for r in rows}
assert len(audits) == 1 and None not in audits, audits
(changes,) = db.execute("SELECT changes FROM audit WHERE id = ?", (audits.pop(),)).fetchone()
changes = json.loads(changes)
assert changes["schools"] == len(printed), changes
assert changes["levels_changed"] == sum(s["changed"] for s in printed), changes
assert changes["decided"] == sum(s["decision"] is not None for s in printed), changes
assert changes["unclassified"] == sum(not s["classified"] for s in printed), changes
# A letter for each school whose band changed, in the order printed, telling its new level.
letters = db.execute("SELECT urn, kind, from_level, to_level, text FROM outbox WHERE id > ? ORDER BY id", (after_letter,)).fetchall()
assert changes["letters"] == len(letters) > 0, (changes, len(letters))
changed = [s for s in printed if s["changed"] and s["classified"]]
assert [(l[0], l[2], l[3]) for l in letters] == [(s["urn"], s["previous_level"], s["level"]) for s in changed], letters
assert all(l[1] == "change" and s["name"] in l[4] for l, s in zip(letters, changed))
PY

# A second run on the same day writes no letter: each head was told, in the run before, the level that counts.
"$trellis" assess --body telford --period 2018-19 --brief >"$dir/out" 2>"$dir/err" && ! grep -q "letters to heads" "$dir/out" \
  && ok || bad "a second run wrote letters again: $(tail -2 "$dir/out") $(cat "$dir/err")"

# A stored run that fails after storing the schools before the failing one (inside its transaction):
# exit 3, the first failing school named, nothing printed, nothing stored.
python3 -c "
import json, sys
print(' '.join(str(s['urn']) for s in json.load(open(sys.argv[1])) if s['level'] not in ('academy', 'out of scope')))
" "$dir/run.json" >"$dir/urns"
read -r -a urns <"$dir/urns"
[ "${#urns[@]}" -ge 6 ] && ok || bad "the demo's Telford has classified schools: ${urns[*]}"
first=${urns[4]} second=${urns[5]}
failing_telford "$src" "$dir" "$first" "$second"
rows=$(stored_rows "$dir/demo.db" | md5sum)
for n in 1 2; do
  for format in table json; do
    "$trellis" assess --body telford --period 2018-19 --policy "$dir/draft/telford.toml" --format $format --threads $n \
      >"$dir/out" 2>"$dir/err"; rc=$?
    [ $rc = 3 ] && [ ! -s "$dir/out" ] && grep -q "($first): .*first school fails" "$dir/err" \
      && ! grep -q "second school fails" "$dir/err" && ok \
      || bad "a failing stored run, $format on $n threads: exit $rc, $(wc -c <"$dir/out") bytes printed: $(head -c 300 "$dir/err")"
  done
done
[ "$(stored_rows "$dir/demo.db" | md5sum)" = "$rows" ] && ok || bad "a failed stored run stored something"
"$trellis" audit verify >"$dir/out" 2>&1 && ok || bad "audit verify after the runs: $(cat "$dir/out")"
# Schema 11 no longer checks an activity's assessment as a foreign key: the planner must write one it stored.
[ "$(sqlite3 "$dir/demo.db" "SELECT count(*) FROM activities a WHERE assessment_id IS NOT NULL AND
      NOT EXISTS (SELECT 1 FROM assessments s WHERE s.id = a.assessment_id)")" = 0 ] && ok ||
  bad "an activity refers to an assessment that is not there"
[ "$(sqlite3 "$dir/demo.db" "SELECT count(*) FROM activities a JOIN assessments s ON s.id = a.assessment_id
      WHERE s.urn IS NOT a.urn OR s.body_id <> a.body_id")" = 0 ] && ok ||
  bad "an activity refers to another school's assessment"

echo "$passes passed, $fails failed"
[ "$fails" = 0 ]
