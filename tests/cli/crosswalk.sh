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
run policy check "$walked" && ok

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
