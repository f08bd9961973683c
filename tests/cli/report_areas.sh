#!/usr/bin/env bash
# The report per area (issue 13), on the demo: each area across the body's
# schools, a column per stage the regime declares, the reported stage set
# against the self-assessment with its rationale, colleges flagged from the
# register, and the central support allocated (evidence `central_support`).
# Nexus: KPIs self-assessed and moderated, areas computed. Telford: areas computed.
# Usage: report_areas.sh TRELLIS DEMO_FIXTURE_DIR
set -u
trellis=$1
source "$(dirname "$0")/demo_copy.sh"
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
export TRELLIS_DB=$dir/demo.db TRELLIS_NOW=2024-09-02T09:00:00Z TRELLIS_USER=demo-admin
passes=0 fails=0
ok() { passes=$((passes+1)); }
bad() { fails=$((fails+1)); echo "FAIL: $*"; }
report() { "$trellis" report "$@" >"$dir/out" 2>"$dir/err" && ok || bad "report $*: $(cat "$dir/err")"; }
py() { # NAME FILE: python on stdin asserting on d, the JSON in FILE
  local name=$1 file=$2
  python3 -c "import json, sys; d = json.load(open(sys.argv[1])); exec(sys.stdin.read())" "$file" >"$dir/py" 2>&1 \
    && ok || { bad "$name"; tail -4 "$dir/py"; }
}

demo_copy "$2" "$TRELLIS_DB"
# One school's central support for the year, and another's for the year before, which a 2019-20 report leaves out.
printf 'urn,indicator,period,value\n141729,central_support,2019-20,A. Lead (central team)\n142795,central_support,2018-19,B. Lead (central team)\n' \
  >"$dir/support.csv"
"$trellis" import evidence "$dir/support.csv" >"$dir/err" 2>&1 && ok || bad "import central_support: $(cat "$dir/err")"

report --body nexus --period 2019-20/summer --format json
cp "$dir/out" "$dir/nexus.json"
py "areas: one section per Nexus area, in the regime's order, with its stages in order" "$dir/nexus.json" <<'PY'
assert [a["area"] for a in d["areas"]] == ["quality_of_education", "behaviour_and_attitudes", "personal_development",
                                          "leadership_and_management"], [a["area"] for a in d["areas"]]
assert d["areas"][0]["label"] == "Quality of education"
assert [s["id"] for s in d["areas"][0]["stages"]] == ["self", "computed", "moderated"], d["areas"][0]["stages"]
assert d["self_stage"] == "self" and d["compared_stage"] == "moderated", (d["self_stage"], d["compared_stage"])
assert all(len(a["schools"]) == 8 for a in d["areas"])
PY
py "areas: Maltby's area is computed; its teaching KPI, self secure, moderated developing, is lower, with the SPSB's rationale" "$dir/nexus.json" <<'PY'
a = d["areas"][0]
s = next(s for s in a["schools"] if s["urn"] == 141729)
area, *kpis = s["ratings"]
assert area["subject"] == "quality_of_education" and not area["indicator"], area
assert area["levels"] == {"self": None, "computed": "developing", "moderated": None}, area["levels"]
assert area["against_self"] is None, area
t = next(r for r in kpis if r["subject"] == "teaching")
assert t["indicator"] and t["levels"] == {"self": "secure", "computed": None, "moderated": "developing"}, t
assert t["against_self"] == "lower", t
assert t["rationale"] == "SYNTHETIC: Practice is improving but not yet consistent across classes", t
c = next(r for r in kpis if r["subject"] == "curriculum")
assert c["against_self"] == "agrees" and c["rationale"] == "SYNTHETIC: Agreed with the self-assessment", c
PY
py "areas: where the SPSB did not moderate (Flanderwell, summer, personal development) nothing is set against self" "$dir/nexus.json" <<'PY'
a = next(a for a in d["areas"] if a["area"] == "personal_development")
s = next(s for s in a["schools"] if s["urn"] == 141589)
kpis = [r for r in s["ratings"] if r["indicator"]]
assert kpis and all(r["levels"]["moderated"] is None and r["levels"]["self"] for r in kpis), kpis
assert all(r["against_self"] is None for r in kpis), kpis
PY
py "areas: a KPI moderated away from self is exactly a self/moderated stage difference" "$dir/nexus.json" <<'PY'
marked = {(s["urn"], r["subject"]) for a in d["areas"] for s in a["schools"] for r in s["ratings"]
          if r["against_self"] not in (None, "agrees")}
diffs = {(x["urn"], x["subject"]) for x in d["differences"]
         if x["first"]["stage"] == "self" and x["second"]["stage"] == "moderated"}
assert marked and marked == diffs, (sorted(marked ^ diffs))
PY
py "central support: the year's allocation is shown on the school and in each area; last year's is not" "$dir/nexus.json" <<'PY'
by = {s["urn"]: s for s in d["schools"]}
assert by[141729]["central_support"] == "A. Lead (central team)", by[141729]
assert by[142795]["central_support"] is None, by[142795]
assert all(s["central_support"] == ("A. Lead (central team)" if s["urn"] == 141729 else None)
           for a in d["areas"] for s in a["schools"])
assert not any(s["college"] for s in d["schools"])
PY

report --body nexus --period 2019-20/summer --format md
grep -q '^## By area$' "$dir/out" && ok || bad "md: no By area section"
grep -q '^### Leadership and management$' "$dir/out" && ok || bad "md: no section for leadership and management"
grep -q '| School | Subject | .* | moderated against self | Why | Central support |' "$dir/out" && ok || bad "md: the area table's header: $(grep -m1 '^| School' "$dir/out")"
grep -q '| Maltby Lilly Hall Academy (141729) | the area |  | Developing |  |  | .* | A. Lead (central team) |' "$dir/out" \
  && ok || bad "md: Maltby's quality of education row: $(grep -m1 'Maltby Lilly Hall Academy (141729) | the area' "$dir/out")"
grep -q '|  | Quality of teaching and learning, tested by peer review | Secure |  | Developing | \*\*lower\*\* | SYNTHETIC: Practice is improving' "$dir/out" \
  && ok || bad "md: Maltby's teaching row is not marked lower"
grep -q '^Central support: A. Lead (central team)$' "$dir/out" && ok || bad "md: the school's central support line"
report --body nexus --period 2019-20/summer --format html
grep -q '<h2>By area</h2>' "$dir/out" && ok || bad "html: no By area section"
grep -q '<tr class="differs"><td></td><td>Quality of teaching and learning, tested by peer review</td><td>Secure</td><td></td><td>Developing</td><td><strong>lower</strong></td>' "$dir/out" \
  && ok || bad "html: Maltby's teaching row is not marked as differing"

report --body nexus --period 2019-20/summer
grep -q '^By area, with each moderated level that differs from the self one:$' "$dir/out" && ok || bad "text: no By area heading"
grep -q '^  Quality of education: 8 rated. Moderated against self: 26 agree, 6 lower.$' "$dir/out" && ok || bad "text: the area's tally"
grep -q '^    Maltby Lilly Hall Academy (141729), Quality of teaching and learning, tested by peer review: self Secure, moderated Developing (lower) — SYNTHETIC: Practice' "$dir/out" \
  && ok || bad "text: Maltby's teaching is not listed as lower"

report --body telford --period 2018-19 --format json
cp "$dir/out" "$dir/telford.json"
py "areas: Telford's areas hold only computed ratings, with their reasons, and nothing is set against self" "$dir/telford.json" <<'PY'
assert d["self_stage"] is None, d["self_stage"]
assert [a["area"] for a in d["areas"]][:4] == ["quality_of_education", "behaviour_and_attitudes", "personal_development",
                                              "leadership_and_management"], [a["area"] for a in d["areas"]]
for a in d["areas"]:
    assert [s["id"] for s in a["stages"]] == ["computed"], a["stages"]
    for s in a["schools"]:
        assert len(s["ratings"]) == 1 and s["ratings"][0]["against_self"] is None, s
        assert s["ratings"][0]["rationale"].startswith("Computed from the section 6 criteria"), s
w = next(s for s in next(a for a in d["areas"] if a["area"] == "leadership_and_management")["schools"] if s["urn"] == 123404)
assert w["ratings"][0]["levels"] == {"computed": "amber"}, w
PY
py "register: Telford College is flagged a college, and named among those its areas do not rate" "$dir/telford.json" <<'PY'
by = {s["urn"]: s for s in d["schools"]}
assert by[130796]["college"] is True, by[130796]
assert by[123404]["college"] is False
for a in d["areas"]:
    assert {"urn": 130796, "name": "Telford College"} in a["unrated"], a["unrated"]
    assert len(a["unrated"]) + len(a["schools"]) == len(d["schools"]), a["area"]
PY
report --body telford --period 2018-19 --format md
grep -q '^Not rated here: .*Telford College (130796)' "$dir/out" && ok || bad "md: Telford College is not named as not rated"

echo "$passes passed, $fails failed"
[ "$fails" -eq 0 ]
