#!/usr/bin/env bash
# examples/focus-trust holds what its README says (issue 14), checked without
# the regime's plugin: the real data cut reproducibly from ../shared/data, the
# SYNTHETIC files as make_synthetic.py writes them, three terms of KPIs for
# every member, six data drops each, and a demo.trellis whose files and
# members are all there.
# Usage: ft_example.sh SOURCE_DIR
set -u
src=$1 ex=$1/examples/focus-trust
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
passes=0 fails=0
ok() { passes=$((passes+1)); }
bad() { fails=$((fails+1)); echo "FAIL: $*"; }

cp "$ex/make_synthetic.py" "$dir/" && (cd "$dir" && python3 make_synthetic.py) || bad "make_synthetic.py failed"
for f in evidence-2019-20.csv confirmations-2019-20-autumn.csv confirmations-2019-20-spring.csv \
         confirmations-2019-20-summer.csv roundtable-2019-20.csv roundtable-140597.md; do
  cmp -s "$dir/$f" "$ex/$f" && ok || bad "$f differs from what make_synthetic.py writes"
done

shared=${TRELLIS_SHARED_DIR:-$src/../shared}/data
if [ -d "$shared/dfe-2017-18" ]; then
  cp "$ex/data/make-subset.sh" "$dir/" && bash "$dir/make-subset.sh" "$shared" >/dev/null || bad "make-subset.sh failed"
  for f in "$ex"/data/*.csv; do
    cmp -s "$dir/$(basename "$f")" "$f" && ok || bad "data/$(basename "$f") is not the national file's rows"
  done
fi

python3 - "$ex" "$src" <<'PY' && ok || bad "the example's members, evidence, ratings and demo.trellis agree"
import csv, os, re, shlex, sys
ex, src = sys.argv[1], sys.argv[2]
rows = lambda f: list(csv.DictReader(open(os.path.join(ex, f), encoding="utf-8-sig", newline="")))
register = {int(r["URN"]): r for r in rows("data/england_spine.csv")}
assert len(register) == 6 and all(r["MINORGROUP"] == "Academy" and r["ISPRIMARY"] == "1" and r["LA"] in ("353", "357")
                                   for r in register.values()), register
lines = [l for l in open(os.path.join(ex, "demo.trellis")) if l.strip() and not l.lstrip().startswith("#")]
join = next(shlex.split(l) for l in lines if l.startswith("body join focus-trust"))
assert {int(w) for w in join[3:] if w.isdigit()} == set(register)
for l in lines:  # every file a step reads is in the example
    words = shlex.split(l)
    if words[:2] in (["import", "schools"], ["import", "evidence"], ["import", "ratings"]) or words[:2] == ["note", "add"] and "--file" in words:
        f = words[2] if words[0] == "import" else words[words.index("--file") + 1]
        assert os.path.exists(os.path.join(ex, f)), f
    for p in re.findall(r"\.\./\.\./\S+", l):
        assert p == "../../policies/focus-trust.toml", p
ev = rows("evidence-2019-20.csv")
assert all("SYNTHETIC" in r["note"] + r["value"] or r["indicator"] == "partnership_visit_outcome" for r in ev)
kpis = {(int(r["urn"]), r["period"]) for r in ev if r["indicator"].startswith("kpi_")}
# §05: every member returns KPIs each term.
assert kpis == {(u, "2019-20/" + t) for u in register for t in ("autumn", "spring", "summer")}, kpis
# §02: six half-termly data drops each.
drops = [r for r in ev if r["indicator"] == "data_drop_on_track_pct"]
assert len(drops) == 6 * len(register)
for f in ("confirmations-2019-20-autumn.csv", "confirmations-2019-20-spring.csv", "confirmations-2019-20-summer.csv"):
    c = rows(f)
    assert {int(r["urn"]) for r in c} == set(register) and all(r["stage"] == "final" and r["subject"] == "overall" for r in c)
rt = rows("roundtable-2019-20.csv")
assert len(rt) == 5 * len(register) and all(r["stage"] == "moderated" for r in rt)   # §07: five areas each
assert "## Internal" in open(os.path.join(ex, "roundtable-140597.md")).read()
assert any("--subject intervention --level formal" in l for l in lines) and any("--subject intervention --level none" in l for l in lines)
assert "focus-trust" in open(os.path.join(src, "examples/demo.order")).read().split()
readme = open(os.path.join(ex, "README.md")).read()
assert "membership is an example" in readme and "SYNTHETIC" in readme
assert "Open Government Licence" in readme and "Open Government Licence" in open(os.path.join(ex, "data/README.md")).read()
PY

echo "$passes passed, $fails failed"
[ "$fails" -eq 0 ]
