#!/usr/bin/env python3
"""The peer of issue 18's benchmark: what an LA analyst would write instead of
Trellis. Bands every open maintained school in England by the Telford policy's
section 6 criteria and section 7 bands, straight from the raw DfE/Ofsted CSVs,
with a reason for each concern. Prints `urn,band,reasons` as CSV.

Usage: telford_pandas.py DATA_DIR POLICY.toml [URN_LIST_FILE]
DATA_DIR is ../shared/data; the thresholds are read from the policy's
[thresholds.params], so both tools band by the same numbers. With
URN_LIST_FILE (one URN a line) only those schools are banded.
"""
import sys
import tomllib

import pandas as pd

data, policy_path = sys.argv[1], sys.argv[2]
with open(policy_path, "rb") as f:
    policy = tomllib.load(f)
p = policy["thresholds"]["params"]
maintained_types = set(policy["classification"]["maintained_types"])

spine = pd.read_csv(f"{data}/dfe-2017-18/england_spine.csv", encoding="latin-1", dtype=str,
                    usecols=["URN", "SCHNAME", "NFTYPE", "ICLOSE", "ISPRIMARY", "ISSECONDARY"])
spine = spine[spine["ICLOSE"].isin(["1", "3"]) & spine["NFTYPE"].isin(maintained_types)].copy()
spine["URN"] = spine["URN"].astype(int)
if len(sys.argv) > 3:
    wanted = set(pd.read_csv(sys.argv[3], header=None)[0].astype(int))
    spine = spine[spine["URN"].isin(wanted)]
kind = spine["NFTYPE"].str.lower()
spine["special"] = kind.str.contains("special|pupil referral|alternative provision")
primary, secondary = spine["ISPRIMARY"] == "1", spine["ISSECONDARY"] == "1"
name = spine["SCHNAME"].str.lower()
infant = primary & ~secondary & name.str.contains("infant") & ~name.str.contains("junior|primary")
spine["primary"] = primary & ~spine["special"] & ~infant
spine["secondary"] = secondary & ~spine["special"]


def numbers(frame, column):
    """DfE markers (SUPP, NE, NA, ...) are no value; percentages are written `88%`."""
    return pd.to_numeric(frame[column].astype(str).str.rstrip("%"), errors="coerce")


absence = pd.read_csv(f"{data}/dfe-2018-19/england_abs.csv", encoding="utf-8-sig", dtype=str)
national_rows = absence[absence["LA"] == "NAT"].set_index("ESTAB")
absence = absence[absence["URN"].notna()].copy()
absence["URN"] = absence["URN"].astype(int)
absence["overall"], absence["persistent"] = numbers(absence, "PERCTOT"), numbers(absence, "PPERSABS10")
special_overall = float(national_rows.loc["SPE", "PERCTOT"])
special_persistent = float(national_rows.loc["SPE", "PPERSABS10"])

ks2 = pd.read_csv(f"{data}/dfe-2017-18/ks2_perf_2018.csv", dtype=str, usecols=["URN", "Overall Meet Std"])
ks2 = ks2[ks2["URN"].str.fullmatch(r"\d+", na=False)].copy()
ks2["URN"] = ks2["URN"].astype(int)
ks2["rwm"] = numbers(ks2, "Overall Meet Std")
ks2_national = ks2["rwm"].mean()  # no published figure in the file: the mean of the schools'

ks4 = pd.read_csv(f"{data}/dfe-2018-19/england_ks4provisional.csv", encoding="utf-8-sig", dtype=str,
                  usecols=["RECTYPE", "URN", "ATT8SCR", "P8MEA"])
att8_national = float(ks4.loc[ks4["RECTYPE"] == "7", "ATT8SCR"].iloc[0])  # England, state-funded
ks4 = ks4[ks4["RECTYPE"] == "1"].copy()
ks4["URN"] = pd.to_numeric(ks4["URN"], errors="coerce")
ks4 = ks4[ks4["URN"].notna()]
ks4["URN"] = ks4["URN"].astype(int)
ks4["att8"], ks4["p8"] = numbers(ks4, "ATT8SCR"), numbers(ks4, "P8MEA")

ofsted = pd.read_csv(f"{data}/dfe-2017-18/ofsted_ratings_2018.csv", dtype=str)
ofsted = ofsted[ofsted["Inspection Date"] <= "20190831"]  # up to the end of 2018-19
ofsted = ofsted.sort_values("Inspection Date").groupby("URN").tail(1).copy()
ofsted["URN"] = ofsted["URN"].astype(int)
grades = {"Outstanding": 1, "Good": 2, "Requires Improvement": 3, "Satisfactory": 3, "Inadequate": 4}
ofsted["grade"] = ofsted["Rating"].map(grades)

s = (spine.merge(absence[["URN", "overall", "persistent"]], on="URN", how="left")
     .merge(ks2[["URN", "rwm"]].drop_duplicates("URN"), on="URN", how="left")
     .merge(ks4[["URN", "att8", "p8"]].drop_duplicates("URN"), on="URN", how="left")
     .merge(ofsted[["URN", "grade", "Rating"]], on="URN", how="left"))

serious = pd.Series(0, index=s.index)
concern = pd.Series(0, index=s.index)
reasons = pd.Series("", index=s.index)


def check(mask_serious, mask_concern, words):
    """Counts a serious concern or a concern where the masks hold, with its reason."""
    global serious, concern, reasons
    mask_serious = mask_serious.fillna(False)
    mask_concern = mask_concern.fillna(False) & ~mask_serious
    serious += mask_serious.astype(int)
    concern += mask_concern.astype(int)
    reasons = reasons.where(~(mask_serious | mask_concern), reasons + words + "; ")


gap = ks2_national - s["rwm"]
check(s["primary"] & (gap >= p["ks2_rwm_gap_serious"]), s["primary"] & (gap >= p["ks2_rwm_gap_concern"]),
      "KS2 RWM below national")
gap = att8_national - s["att8"]
check(s["secondary"] & (gap >= p["attainment8_gap_serious"]), s["secondary"] & (gap >= p["attainment8_gap_concern"]),
      "Attainment 8 below national")
check(s["secondary"] & (s["p8"] <= p["progress8_serious"]), s["secondary"] & (s["p8"] <= p["progress8_concern"]),
      "Progress 8 below average")
sp, main = s["special"], ~s["special"]
check(main & (s["persistent"] >= p["persistent_absence_serious"]), main & (s["persistent"] >= p["persistent_absence_concern"]),
      "persistent absence")
check(main & False, main & (s["overall"] >= p["overall_absence_concern"]), "overall absence")
over = s["persistent"] - special_persistent
check(sp & (over >= p["special_persistent_absence_serious_margin"]), sp & (over >= p["special_persistent_absence_margin"]),
      "persistent absence against special schools")
check(sp & False, sp & (s["overall"] - special_overall >= p["special_overall_absence_margin"]),
      "overall absence against special schools")
check(s["grade"] >= 4, s["grade"] >= 3, "Ofsted " + s["Rating"].fillna(""))

band = pd.Series("green", index=s.index)
band[concern >= 1] = "yellow"
band[concern >= p["amber_min_concerns"]] = "amber"
band[(serious > 0) | (concern >= p["red_min_concerns"])] = "red"
out = pd.DataFrame({"urn": s["URN"], "band": band, "reasons": reasons.str.rstrip("; ")}).sort_values("urn")
out.to_csv(sys.stdout, index=False)
