#!/usr/bin/env bash
# An assessment's ratings on the demo (issue 12, SDK 2): Telford's section 6
# areas (shared/seeds/003 section 6) come back from classify.lua as computed
# area ratings, are stored with the assessment, and are listed under `ratings`
# in `assess --format json` with the recorded ratings the assessment rests on.
# Usage: ratings.sh TRELLIS DEMO_FIXTURE_DIR
set -u
trellis=$1
source "$(dirname "$0")/demo_copy.sh"
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
export TRELLIS_DB=$dir/demo.db TRELLIS_NOW=2024-09-02T09:00:00Z TRELLIS_USER=demo-admin
passes=0 fails=0
ok() { passes=$((passes+1)); }
bad() { fails=$((fails+1)); echo "FAIL: $*"; }

demo_copy "$2" "$TRELLIS_DB"
"$trellis" assess --body telford --period 2018-19 --on 2018-09-03 --format json >"$dir/a.json" 2>"$dir/err" \
  && ok || bad "assess --format json: $(cat "$dir/err")"
"$trellis" assess --body telford --period 2018-19 --dry-run >"$dir/a.txt" 2>"$dir/err" && ok || bad "assess: $(cat "$dir/err")"

python3 - "$dir/a.json" <<'PY' && ok || bad "s6: every banded school has a computed rating of each section 6 area, on the band scale, with reasons"
import json, sys
areas = ["quality_of_education", "behaviour_and_attitudes", "personal_development", "leadership_and_management", "in_addition"]
schools = [s for s in json.load(open(sys.argv[1])) if s["classified"] and s["level"] in ("green", "yellow", "amber", "red")]
assert len(schools) > 20, len(schools)
for s in schools:
    computed = [r for r in s["ratings"] if r["stage"] == "computed"]
    assert [r["subject"] for r in computed] == ["overall"] + areas, (s["urn"], computed)
    for r in computed[1:]:
        assert r["level"] in ("green", "yellow", "amber", "red") and r["reasons"], (s["urn"], r)
PY

python3 - "$dir/a.json" <<'PY' && ok || bad "s6/s7: Wombridge's two leadership concerns make its leadership and management area amber, the rest green"
import json, sys
s = next(s for s in json.load(open(sys.argv[1])) if s["urn"] == 123404)
by = {r["subject"]: r for r in s["ratings"] if r["stage"] == "computed"}
assert by["leadership_and_management"]["level"] == "amber", by["leadership_and_management"]
assert by["leadership_and_management"]["reasons"][0] == "2 concerns here.", by["leadership_and_management"]
assert any("Qualifying complaints" in r for r in by["leadership_and_management"]["reasons"])
assert all(by[a]["level"] == "green" for a in ("quality_of_education", "behaviour_and_attitudes", "personal_development", "in_addition"))
PY

python3 - "$dir/a.json" <<'PY' && ok || bad "the recorded final rating an assessment rests on is listed with its stage and reasons"
import json, sys
s = next(s for s in json.load(open(sys.argv[1])) if s["urn"] == 123574)
final = [r for r in s["ratings"] if r["stage"] == "final"]
assert final and final[0]["subject"] == "overall" and final[0]["level"] == s["level"], s["ratings"]
assert final[0]["reasons"][0].startswith("SYNTHETIC"), final
PY

python3 - "$dir/a.json" <<'PY' && ok || bad "a school the LA does not band (an academy, too little evidence) has no area ratings"
import json, sys
for s in json.load(open(sys.argv[1])):
    if s["level"] not in ("green", "yellow", "amber", "red"):
        assert not [r for r in s["ratings"] if r["stage"] == "computed" and r["subject"] != "overall"], s
PY

python3 - "$TRELLIS_DB" <<'PY' && ok || bad "the area ratings are stored: in the ratings table with their rationale and evidence, and with the assessment"
import json, sqlite3, sys
c = sqlite3.connect(sys.argv[1])
rid, rationale = c.execute("""select id, rationale from ratings where urn = 123404 and period = '2018-19' and stage = 'computed'
                              and subject = 'leadership_and_management' order by id desc limit 1""").fetchone()
assert "Qualifying complaints" in rationale, rationale
assert c.execute("select count(*) from rating_evidence where rating_id = ?", (rid,)).fetchone()[0] == 2
kept = json.loads(c.execute("select ratings from assessments where urn = 123404 and period = '2018-19' order by id desc").fetchone()[0])
assert [r["level"] for r in kept if r["subject"] == "leadership_and_management"] == ["amber"], kept
PY

grep -q "^      Leadership and management: Amber. 2 concerns here.$" "$dir/a.txt" && ok \
  || bad "assess prints the area ratings in plain words: $(grep -A7 '^123404' "$dir/a.txt")"

# Nexus (shared/seeds/000 §5.2, §3.7, §3.11): each area's judgement is a computed rating on the dashboard
# scale, listed with the self-assessed and moderated KPI ratings the tier rests on.
"$trellis" assess --body nexus --period 2019-20/autumn --dry-run --format json >"$dir/n.json" 2>"$dir/err" \
  || bad "nexus assess: $(cat "$dir/err")"
python3 - "$dir/n.json" <<'PY' && ok || bad "000 §5.2: Nexus area judgements and the KPI ratings they rest on are listed"
import json, sys
areas = ["quality_of_education", "behaviour_and_attitudes", "personal_development", "leadership_and_management"]
for s in json.load(open(sys.argv[1])):
    computed = [r for r in s["ratings"] if r["stage"] == "computed"]
    assert [r["subject"] for r in computed] == ["overall"] + areas, computed
    assert all(r["level"] in ("strong", "secure", "developing", "weak") for r in computed[1:]), computed
    stages = {r["stage"] for r in s["ratings"]}
    assert {"self", "moderated"} <= stages, (s["urn"], stages)
PY

# Section 5: the head's letter, and the body's report, give the areas in plain words too.
"$trellis" letters --body telford --period 2018-19 -o "$dir/letters" >/dev/null 2>"$dir/err" || bad "letters: $(cat "$dir/err")"
letter=$(grep -l "Wombridge" "$dir"/letters/* 2>/dev/null | head -1)
[ -n "$letter" ] && grep -q "^## By area$" "$letter" && grep -q "^- Leadership and management: Amber. 2 concerns here.$" "$letter" \
  && ok || bad "s5: Wombridge's letter lists its area ratings: $(ls "$dir/letters" 2>&1 | head -3)"
"$trellis" report --body telford --period 2018-19 >"$dir/report.txt" 2>"$dir/err" || bad "report: $(cat "$dir/err")"
grep -q "^        Leadership and management: Amber. 2 concerns here.$" "$dir/report.txt" && ok \
  || bad "the report lists the area ratings: $(grep -A3 'By area' "$dir/report.txt" | head -5)"

echo "$passes passed, $fails failed"
[ "$fails" -eq 0 ]
