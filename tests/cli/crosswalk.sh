#!/usr/bin/env bash
# Issue 15: a policy's [crosswalk.REGIME] maps another regime's levels onto its
# own. `policy check` validates it against both regimes' scales (the other's
# from its plugin) and names file:line:col on an unknown level; a switch with a
# crosswalk gives a correct previous level, and compare matches levels through it.
# Usage: crosswalk.sh TRELLIS SOURCE_DIR
trellis=$1 src=$2
. "$(dirname "$0")/merged_lib.sh"

walked=$(policy_copy walked nexus.toml nexus)
printf '%s' "$crosswalk_telford" >>"$walked"
# Per area, where it makes sense: Telford's area bands onto Nexus's dashboard ratings.
area_walk='
[crosswalk.telford-la.areas.quality_of_education]
from = "quality_of_education"
levels = { green = "strong", yellow = "secure", amber = "developing", red = "weak" }
[crosswalk.telford-la.areas.leadership_and_management]
from = "leadership_and_management"
levels = { green = "strong", yellow = "secure", amber = "developing", red = "weak" }
'
printf '%s' "$area_walk" >>"$walked"
run policy check "$walked" && ok

# ---- Per area: checked against both regimes' area scales, at file:line:col ----
area_bad() {  # NAME TOML-LINES GREP-LINE MESSAGE-REGEX WHAT
  local p; p=$(policy_copy "$1" nexus.toml nexus)
  printf '%s' "$crosswalk_telford" >>"$p"; printf '%s' "$2" >>"$p"
  local line; line=$(grep -n "$3" "$p" | cut -d: -f1)
  "$trellis" policy check "$p" >"$dir/out" 2>"$dir/err"
  [ $? -eq 1 ] && grep -q "nexus.toml:$line:[0-9]*: $4" "$dir/out" && ok || { bad "$5"; cat "$dir/out"; }
}
area_bad area_from '
[crosswalk.telford-la.areas.quality_of_education]
from = "quality_of_teaching"
levels = { green = "strong" }
' '^from = "quality_of_teaching"' 'expected an area of telford-la (quality_of_education, .*), found "quality_of_teaching"' \
  "policy check: an area crosswalk from an area the other regime does not have"
area_bad area_theirs '
[crosswalk.telford-la.areas.quality_of_education]
from = "quality_of_education"
levels = { green = "strong", amberr = "developing" }
' '^levels = { green = "strong", amberr' "expected a level of telford-la's [a-z_]* scale (green, yellow, amber, red), the scale its area quality_of_education is rated on, found \"amberr\"; did you mean 'amber'?" \
  "policy check: an area crosswalk naming a level off the other regime's area scale"
area_bad area_ours '
[crosswalk.telford-la.areas.quality_of_education]
from = "quality_of_education"
levels = { green = "stong" }
' '^levels = { green = "stong"' "expected a level of the dashboard scale (strong, secure, developing, weak), the scale quality_of_education is rated on, found \"stong\"; did you mean 'strong'?" \
  "policy check: an area crosswalk naming a level off this regime's area scale"
area_bad area_name '
[crosswalk.telford-la.areas.in_addition]
from = "in_addition"
levels = { green = "strong" }
' '^\[crosswalk.telford-la.areas.in_addition\]' "expected an area of the regime 'nexus-mat' (quality_of_education, .*), found \"in_addition\"" \
  "policy check: an area crosswalk onto an area this regime does not have"

# ---- Checked against both scales ----
bad_left=$(policy_copy left nexus.toml nexus)
printf '\n[crosswalk.telford-la]\ngreen = "prevention"\ngrene = "prevention"\nred = "formal_intervention"\n' >>"$bad_left"
line=$(grep -n '^grene' "$bad_left" | cut -d: -f1)
"$trellis" policy check "$bad_left" >"$dir/out" 2>"$dir/err"
[ $? -eq 1 ] && grep -q "nexus.toml:$line:1: expected a level of telford-la's [a-z_]* scale (green, yellow, amber, red), found \"grene\"; did you mean 'green'?" "$dir/out" \
  && ok || { bad "policy check: an unknown level of the other regime, at file:line:col"; cat "$dir/out"; }
bad_right=$(policy_copy right nexus.toml nexus)
printf '\n[crosswalk.telford-la]\ngreen = "preventoin"\n' >>"$bad_right"
line=$(grep -n '^green = "preventoin"' "$bad_right" | cut -d: -f1)
"$trellis" policy check "$bad_right" >"$dir/out" 2>"$dir/err"
[ $? -eq 1 ] && grep -q "nexus.toml:$line:[0-9]*: expected a level of the .* scale (.*), found \"preventoin\"; did you mean 'prevention'?" "$dir/out" \
  && ok || { bad "policy check: an unknown level of this regime, at file:line:col"; cat "$dir/out"; }
bad_regime=$(policy_copy regime nexus.toml nexus)
printf '\n[crosswalk.telford]\ngreen = "prevention"\n' >>"$bad_regime"
line=$(grep -n '^\[crosswalk.telford\]' "$bad_regime" | cut -d: -f1)
"$trellis" policy check "$bad_regime" --format json >"$dir/out" 2>"$dir/err"
py "$line" <<'PY' && ok || bad "policy check: a crosswalk from a regime that is not installed"
import json, sys
d = json.load(open(sys.argv[1] + "/out"))
p = [p for p in d["problems"] if "installed regime" in p["message"]]
assert not d["ok"] and len(p) == 1 and p[0]["line"] == int(sys.argv[2]) and '"telford"' in p[0]["message"], d["problems"]
PY

import_telford
run body add merged --kind trust --name "A merged trust"
run body join merged $schools --from 2017-09-01
run body adopt merged "$src/policies/telford-and-wrekin.toml" --from 2017-09-01
run assess --body merged --period 2017-18 --on 2017-09-04 --format json; save was.json

# A policy with a bad crosswalk is refused, and nothing is written.
before=$(sql "select count(*) from adoptions")
"$trellis" body adopt merged "$bad_left" --from 2018-09-01 >"$dir/out" 2>&1
[ $? -eq 3 ] && grep -q "grene" "$dir/out" && [ "$(sql "select count(*) from adoptions")" = "$before" ] \
  && ok || { bad "body adopt: a policy whose crosswalk names an unknown level is refused (exit 3), nothing written"; cat "$dir/out"; }

# ---- compare through the crosswalk, before the switch ----
run compare --body merged --period 2018-19/autumn --policy "$walked" --format json; save cmp.json
py <<'PY' && ok || bad "compare: the crosswalk puts both regimes on one scale; same + different = the schools it maps"
import json, sys
c = json.load(open(sys.argv[1] + "/cmp.json"))
t = c["tables"][0]
walk = {"green": "prevention", "yellow": "prevention", "amber": "early_intervention", "red": "formal_intervention"}
assert t["crosswalk"] and "maps telford-la onto nexus-mat" in t["crosswalk"], t
tel = {s["urn"]: s["level"] for s in c["policies"][0]["schools"]}
nex = {s["urn"]: s["level"] for s in c["policies"][1]["schools"]}
mapped = [u for u in tel if tel[u] in walk]
assert t["same"] == sum(walk[tel[u]] == nex[u] for u in mapped) and t["same"] + t["different"] == len(mapped), t
PY
py <<'PY' && ok || bad "compare: per area through the crosswalk, each school's area rating walked and matched"
import json, sys
c = json.load(open(sys.argv[1] + "/cmp.json"))
t = c["tables"][0]
walk = {"green": "strong", "yellow": "secure", "amber": "developing", "red": "weak"}
def rated(s, area):
    return next((r["level"] for r in s["ratings"] if r["subject"] == area and r["stage"] == "computed"), None)
tel = {s["urn"]: s for s in c["policies"][0]["schools"]}
nex = {s["urn"]: s for s in c["policies"][1]["schools"]}
assert [a["area"] for a in t["areas"]] == ["leadership_and_management", "quality_of_education"] or \
       sorted(a["area"] for a in t["areas"]) == ["leadership_and_management", "quality_of_education"], t["areas"]
seen = 0
for a in t["areas"]:
    same = diff = un = 0
    for u in nex:
        mine, theirs = rated(nex[u], a["area"]), rated(tel[u], a["from"])
        if mine is None or walk.get(theirs) is None: un += 1
        elif walk[theirs] == mine: same += 1
        else: diff += 1
        seen += theirs is not None
    assert (a["same"], a["different"], a["unmatched"]) == (same, diff, un), (a, same, diff, un)
    assert same + diff + un == 5, a
assert seen > 0, "Telford rates its areas"
PY
"$trellis" compare --body merged --period 2018-19/autumn --policy "$walked" >"$dir/out" 2>"$dir/err"
grep -q "^- Area quality_of_education (from quality_of_education): at the same place [0-9]*; at another [0-9]*" "$dir/out" \
  && ok || { bad "compare: the per-area lines in the readable table"; cat "$dir/out" | head -30; }

# ---- A switch with a crosswalk: the previous level is the old one, walked ----
export TRELLIS_NOW=2018-09-03T09:00:00Z
run body adopt merged "$walked" --from 2018-09-01
run assess --body merged --period 2018-19/autumn --on 2018-09-03 --format json; save after.json
py <<'PY' && ok || bad "switch with a crosswalk: previous level is the 2017-18 level mapped; a change is a real change"
import json, sys
d = sys.argv[1]
was = {s["urn"]: s["level"] for s in json.load(open(d + "/was.json"))}
walk = {"green": "prevention", "yellow": "prevention", "amber": "early_intervention", "red": "formal_intervention"}
after = json.load(open(d + "/after.json"))
assert len(after) == 5
for s in after:
    assert s["regime"] == "nexus-mat" and s["switch"] is None, s
    assert s["previous_level"] == walk.get(was[s["urn"]]), (s["urn"], s["previous_level"], was[s["urn"]])
    assert s["changed"] == (s["previous_level"] is not None and s["level"] != s["previous_level"] and s["level"] != "insufficient_evidence")
PY
[ "$(sql "select count(*) from assessments where body_id = 'merged' and period = '2018-19/autumn' and prior_regime is not null")" = 0 ] \
  && ok || bad "switch with a crosswalk: no assessment is stored as a first assessment under the new regime"

finish
