#!/usr/bin/env bash
# Issue 15: `trellis compare` sets other policies beside a body's adopted one
# on the same evidence, storing nothing: for every school exactly the level
# `assess --policy OTHER --dry-run` gives, the reasons, the evidence each
# policy wanted and did not find; across the body, level against level
# (through a crosswalk where one exists) and each policy's workload per term.
# Usage: compare.sh TRELLIS SOURCE_DIR
trellis=$1 src=$2
. "$(dirname "$0")/merged_lib.sh"

import_telford
run body add merged --kind trust --name "A merged trust"
run body join merged $schools --from 2017-09-01
run body adopt merged "$src/policies/telford-and-wrekin.toml" --from 2017-09-01
run assess --body merged --period 2017-18 --on 2017-09-04 --format json
stored=$(sql "select count(*) from assessments")
acts=$(sql "select count(*) from activities")

# ---- Two regimes: the LA's bands beside Nexus's tiers ----
nexus=$src/policies/nexus.toml
run compare --body merged --period 2018-19 --policy "$nexus" --format json; save cmp.json
run assess --body merged --period 2018-19 --policy "$nexus" --dry-run --format json; save dry-nexus.json
run assess --body merged --period 2018-19 --dry-run --format json; save dry-adopted.json
py <<'PY' && ok || bad "compare: every school's level under each policy is what assess --dry-run gives"
import json, sys
d = sys.argv[1]
c = json.load(open(d + "/cmp.json"))
assert [p["adopted"] for p in c["policies"]] == [True, False]
assert [p["regime"] for p in c["policies"]] == ["telford-la", "nexus-mat"]
for p, dry in zip(c["policies"], ["dry-adopted.json", "dry-nexus.json"]):
    want = {s["urn"]: (s["level"], s["reasons"]) for s in json.load(open(d + "/" + dry))}
    got = {s["urn"]: (s["level"], s["reasons"]) for s in p["schools"]}
    assert got == want and len(got) == 5, (p["regime"], got, want)
PY
[ "$(sql "select count(*) from assessments")" = "$stored" ] && [ "$(sql "select count(*) from activities")" = "$acts" ] \
  && ok || bad "compare stores nothing: no assessment, no activity"
py <<'PY' && ok || bad "compare: the evidence Nexus wants of an LA school and does not find (its KPI ratings)"
import json, sys
c = json.load(open(sys.argv[1] + "/cmp.json"))
nexus = c["policies"][1]
for s in nexus["schools"]:
    e = s["evidence"]
    assert e["rated"]["wanted"] == 16 and len(e["rated"]["missing"]) == 16, e
    assert e["summary"].startswith("ratings of 16 indicators: none held; %d measures: " % e["measured"]["wanted"]), e["summary"]
    assert "Broad, rich and personalised curriculum with a clear rationale" in e["rated"]["missing"]
tel = c["policies"][0]
for s in tel["schools"]:
    e = s["evidence"]
    assert e["rated"]["wanted"] == 0 and 0 < e["measured"]["wanted"] and len(e["measured"]["missing"]) < e["measured"]["wanted"], e
PY
py <<'PY' && ok || bad "compare: level against level counts every school once; no crosswalk, so none matched"
import json, sys
c = json.load(open(sys.argv[1] + "/cmp.json"))
t = c["tables"][0]
assert t["crosswalk"] is None and t["same"] is None, t
assert sum(x["schools"] for x in t["cells"]) == 5
pairs = {(x["adopted"], x["other"]) for x in t["cells"]}
levels = [(a["level"], b["level"]) for a in c["policies"][0]["schools"] for b in c["policies"][1]["schools"] if a["urn"] == b["urn"]]
assert pairs == set(levels), (pairs, levels)
PY

# ---- The workload per term is the plan the policy would make ----
run compare --body merged --period 2018-19 --policy "$nexus" --format json; save cmp.json
run assess --body merged --period 2018-19 --on 2018-09-03 --format json
run schedule --body merged --year 2018-19 --format json; save sched.json
py <<'PY' && ok || bad "compare: the adopted policy's workload by type is what assessing then plans for the year"
import json, sys, collections
d = sys.argv[1]
c = json.load(open(d + "/cmp.json"))
planned = collections.Counter(a["type"] for a in json.load(open(d + "/sched.json")))
work = collections.Counter()
for w in c["policies"][0]["workload"]: work[w["type"]] += w["activities"]
assert work == planned and sum(work.values()) > 0, (work, planned)
assert {w["term"] for w in c["policies"][0]["workload"]} <= {"autumn", "spring", "summer"}
assert sum(w["activities"] for w in c["policies"][1]["workload"]) > 0
PY

# ---- Two versions of one regime: the what-if before adopting a new version ----
draft=$(policy_copy draft telford-and-wrekin.toml telford)
sed -i 's/^version *=.*/version = "2024-25.2-draft"/; s/^persistent_absence_concern = 15.0/persistent_absence_concern = 8.0/; s/^amber_min_concerns = 2/amber_min_concerns = 1/' "$draft"
grep -q '^amber_min_concerns = 1' "$draft" || bad "the draft changes a threshold (test setup)"
run compare --body merged --period 2018-19 --policy "$draft" --policy "$nexus" --format json; save cmp2.json
run assess --body merged --period 2018-19 --policy "$draft" --dry-run --format json; save dry-draft.json
py <<'PY' && ok || bad "compare: a draft version of the same regime, levels as its dry run, compared as they are"
import json, sys
d = sys.argv[1]
c = json.load(open(d + "/cmp2.json"))
assert [p["version"] for p in c["policies"]] == ["2024-25.1", "2024-25.2-draft", c["policies"][2]["version"]], c["policies"]
want = {s["urn"]: s["level"] for s in json.load(open(d + "/dry-draft.json"))}
assert {s["urn"]: s["level"] for s in c["policies"][1]["schools"]} == want
t = c["tables"][0]
assert t["crosswalk"].startswith("one regime") and t["same"] + t["different"] == 5, t
adopted = {s["urn"]: s["level"] for s in c["policies"][0]["schools"]}
assert t["same"] == sum(adopted[u] == want[u] for u in want)
assert len(c["tables"]) == 2
PY

# ---- Every format, and -o ----
run compare --body merged --period 2018-19 --policy "$nexus" --format csv; save cmp.csv
py <<'PY' && ok || bad "compare --format csv: one row per school and policy"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1] + "/cmp.csv", newline="")))
assert len(rows) == 10 and {r["regime"] for r in rows} == {"telford-la", "nexus-mat"}, rows[:2]
assert all(r["level"] for r in rows)
PY
run compare --body merged --period 2018-19 --policy "$nexus" --format html -o "$dir/cmp.html"
grep -q "<table>" "$dir/cmp.html" && grep -q "Level against level" "$dir/cmp.html" && grep -q "ratings of 16 indicators: none held" "$dir/cmp.html" \
  && ok || bad "compare --format html -o FILE writes the tables"
run compare --body merged --period 2018-19 --policy "$nexus"
grep -q "^## Workload per term" "$dir/out" && grep -q "^### 123404 " "$dir/out" && grep -q "Nothing was stored" "$dir/out" \
  && ok || { bad "compare: the readable table"; head -30 "$dir/out"; }
# Levels as each scale names them, in the scale's order (best first), not as ids in alphabetical order.
python3 - "$dir/out" <<'PY' && ok || { bad "compare: the level table uses each scale's labels in order"; sed -n '/Level against/,/crosswalk/p' "$dir/out"; }
import re, sys
text = open(sys.argv[1]).read()
table = text.split("## Level against level", 1)[1].split("\n\n", 2)[1]
header, rows = table.splitlines()[0], [l.split("|")[1].strip() for l in table.splitlines()[2:]]
assert "early_intervention" not in header and ("Early Intervention" in header or "Formal Intervention" in header or "Targeted Support" in header), header
order = ["Green", "Yellow", "Amber", "Red"]
assert all(r in order for r in rows) and rows == sorted(rows, key=order.index), rows
assert "**: early_intervention" not in text and "**: red" not in text, "school lines use labels"
PY

# ---- Bad usage ----
"$trellis" compare --body nobody --period 2018-19 --policy "$nexus" >"$dir/out" 2>&1; [ $? -eq 2 ] && ok || bad "compare: an unknown body is bad usage (exit 2)"
printf '[policy]\nregime = "nexus-mat"\n' >"$dir/broken.toml"
"$trellis" compare --body merged --period 2018-19 --policy "$dir/broken.toml" >"$dir/out" 2>&1
[ $? -eq 3 ] && grep -q "broken.toml" "$dir/out" && ok || { bad "compare: a bad policy is bad input (exit 3), named"; cat "$dir/out"; }

finish
