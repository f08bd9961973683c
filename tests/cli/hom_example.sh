#!/usr/bin/env bash
# examples/heart-of-mercia holds what its README says (issue 13), checked
# without the regime's plugin: the real data cut reproducibly from
# ../shared/data, the SYNTHETIC files as make_synthetic.py writes them, a
# SAR row per pillar and overall on the year just ended, one academy without a SAR, validations that
# differ, and a demo.trellis whose files and members are all there.
# Usage: hom_example.sh SOURCE_DIR
set -u
src=$1 ex=$1/examples/heart-of-mercia
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
passes=0 fails=0
ok() { passes=$((passes+1)); }
bad() { fails=$((fails+1)); echo "FAIL: $*"; }

# make_synthetic.py is deterministic and its output is what is committed.
cp "$ex/make_synthetic.py" "$dir/" && (cd "$dir" && python3 make_synthetic.py) || bad "make_synthetic.py failed"
for f in self-assessments-2018-19.csv validations-schools-2018-19.csv validations-colleges-2018-19.csv \
         central-support-2019-20.csv quality-visit-135662.md; do
  cmp -s "$dir/$f" "$ex/$f" && ok || bad "$f differs from what make_synthetic.py writes"
done

# The real data is the national files cut to the example's URNs, byte for byte.
shared=${TRELLIS_SHARED_DIR:-$src/../shared}/data
if [ -d "$shared/dfe-2017-18" ]; then
  cp "$ex/data/make-subset.sh" "$dir/" && bash "$dir/make-subset.sh" "$shared" >/dev/null || bad "make-subset.sh failed"
  for f in "$ex"/data/*.csv; do
    cmp -s "$dir/$(basename "$f")" "$f" && ok || bad "data/$(basename "$f") is not the national file's rows"
  done
fi

python3 - "$ex" <<'PY' && ok || bad "the example's members, SARs, validations and demo.trellis agree"
import csv, os, re, shlex, sys
ex = sys.argv[1]
rows = lambda f: list(csv.DictReader(open(os.path.join(ex, f), encoding="utf-8-sig", newline="")))
register = {int(r["URN"]): r for r in rows("data/england_spine.csv")}
colleges = {u for u, r in register.items() if r["MINORGROUP"] == "College"}
assert colleges == {130713, 130710}, colleges
assert all(r["MINORGROUP"] == "Academy" and r["LA"] in ("884", "885") for u, r in register.items() if u not in colleges)
lines = [l for l in open(os.path.join(ex, "demo.trellis")) if l.strip() and not l.lstrip().startswith("#")]
join = next(shlex.split(l) for l in lines if l.startswith("body join heart-of-mercia"))
members = {int(w) for w in join[3:] if w.isdigit()}
assert members == set(register), members ^ set(register)
for l in lines:  # every file a step reads is in the example
    words = shlex.split(l)
    if words[:2] in (["import", "schools"], ["import", "evidence"], ["import", "ratings"]):
        assert os.path.exists(os.path.join(ex, words[2])), words[2]
    for p in re.findall(r"\.\./\.\./\S+", l):
        assert p.startswith("../../policies/heart-of-mercia.toml"), p
pillars = ["inclusive_leadership", "improvement", "workforce", "finance_operations", "governance", "overall"]
def graded(f, stage):
    out = {}
    for r in rows(f):
        # §5.5: the SAR of the year just ended (2018-19), validated at the panels of autumn 2019
        assert r["stage"] == stage and r["period"] == "2018-19" and "SYNTHETIC" in r["by"] + r["rationale"], r
        assert r["on"] == ("2019-11-08" if stage == "self" else "2019-11-27"), r
        assert r["level"] in ("outstanding", "good", "requires_improvement", "inadequate"), r
        out.setdefault(int(r["urn"]), {})[r["subject"]] = r
    assert all(sorted(s) == sorted(pillars) for s in out.values()), "a row per pillar and overall"
    return out
sar = graded("self-assessments-2018-19.csv", "self")
schools = graded("validations-schools-2018-19.csv", "validated")
college = graded("validations-colleges-2018-19.csv", "validated")
assert set(college) == colleges and not set(schools) & colleges
assert set(register) - set(sar) == {141246}, "Heronswood alone has no SAR"
assert set(sar) == set(schools) | set(college)
validated = {**schools, **college}
differ = [(u, s) for u in validated for s in pillars if validated[u][s]["level"] != sar[u][s]["level"]]
assert len(differ) >= 5, differ
for u, s in differ:  # the panel says why: strengths, weaknesses, collaboration and support (§5.5)
    why = validated[u][s]["rationale"]
    assert all(w in why for w in ("Strengths:", "Weaknesses:", "Collaboration and support:")), (u, s, why)
support = rows("central-support-2019-20.csv")
assert support and all(r["indicator"] == "central_support" and int(r["urn"]) in register for r in support)
readme = open(os.path.join(ex, "README.md")).read()
assert "membership is an example" in readme and "SYNTHETIC" in readme
assert "Open Government Licence" in readme and "Open Government Licence" in open(os.path.join(ex, "data/README.md")).read()
PY

echo "$passes passed, $fails failed"
[ "$fails" -eq 0 ]
