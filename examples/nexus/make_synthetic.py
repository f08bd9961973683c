#!/usr/bin/env python3
"""Writes the SYNTHETIC parts of the Nexus example: the headteachers'
dashboard self-assessments, the SPSB's moderation, the QA & Improvement
partner allocations and a trust-held data drop, for 2019-20.

None of it describes the real schools named: it is made up to exercise the
regime (000 §3.7 self-assessment, §3.11 moderation, §5.2 tiers). Run it from
this folder to regenerate the CSV files; it is deterministic.
"""
import csv

KPIS = ["curriculum", "assessment", "progress", "teaching",            # quality of education
        "attendance", "behaviour", "bullying",                          # behaviour and attitudes
        "wellbeing", "pupil_voice", "equality", "pshe_rse",             # personal development
        "safeguarding", "self_evaluation", "staff_development", "governance", "collaboration"]  # leadership
LEVEL = {"S": "strong", "s": "secure", "d": "developing", "w": "weak"}
TERMS = ["autumn", "spring", "summer"]

# Per school and term: (self-assessment, moderation), one letter per KPI in
# the order above, grouped by area; "-" means not rated at that stage.
SCHOOLS = {
    141589: ("Flanderwell Primary School", {  # strong throughout: Prevention
        "autumn": ("SSSS|SSs|SsSs|SSsSs", "SsSS|SSs|Ssss|SSsSs"),
        "spring": ("SSSS|SSS|SsSs|SSsSs", "SSSS|SSs|SsSs|SSsSs"),
        "summer": ("SSSS|SSS|SSSs|SSSSs", "SSSS|SSs|----|SSsSs")}),   # PD not moderated: self used
    142768: ("Abbey School", {  # special: secure, self a little generous
        "autumn": ("SSss|Sss|SSss|SSsss", "sSss|sss|Ssss|Sssss"),
        "spring": ("SSss|Sss|SSss|SSsss", "sSss|sss|SSss|SSsss"),
        "summer": ("SSss|SSs|SSss|SSsss", "sSss|Sss|SSss|SSsss")}),
    138357: ("Thurcroft Junior Academy", {  # attendance concern resolved: Early, then Prevention
        "autumn": ("sssd|sss|ssss|sssss", "ssdd|dds|ssss|sssss"),
        "spring": ("ssss|sss|ssss|sssss", "sssd|sss|ssss|sssss"),
        "summer": ("ssss|Sss|ssss|sssss", "ssss|sss|ssss|sssss")}),
    141488: ("Bramley Grange Primary School", {  # summer self-assessment half missing
        "autumn": ("ssss|sss|ssss|sssss", "ssss|sss|ssss|sssss"),
        "spring": ("ssss|sss|Ssss|sssss", "sssd|sss|ssss|sssss"),
        "summer": ("ssss|sss|----|-----", "ssss|sss|----|-----")}),
    140170: ("Wath Victoria Primary School", {  # progress in reading: Early Intervention
        "autumn": ("sssd|dss|ssss|sssss", "dddd|dss|ssss|ssdss"),
        "spring": ("ssss|sss|ssss|sssss", "sddd|sss|ssss|ssdss"),
        "summer": ("ssss|sss|ssss|sssss", "ssdd|sss|ssss|sssss")}),
    144490: ("Sandhill Primary Academy", {  # after a Requires Improvement inspection
        "autumn": ("ssds|sss|ssss|sdsds", "ssdd|sss|ssss|sddds"),
        "spring": ("ssss|sss|s---|sssds", "ssds|sss|s---|ssdws"),
        "summer": ("ssss|sss|ssss|sssss", "ssss|sss|ssss|sssds")}),
    141729: ("Maltby Lilly Hall Academy", {  # weak teaching and progress: Formal, then Early
        "autumn": ("ddds|sds|ssss|sddss", "wwwd|sds|ssss|sddds"),
        "spring": ("sdds|sss|ssss|sssss", "dwwd|sds|ssss|sddss"),
        "summer": ("ssss|sss|ssss|sssss", "sddd|sss|ssss|ssdss")}),
    142795: ("Hilltop School", {  # special: a safeguarding finding in spring
        "autumn": ("ssss|sss|SSss|sssss", "ssss|sss|SSss|sssss"),
        "spring": ("ssss|sss|SSss|sssss", "ssss|sss|SSss|wssds"),
        "summer": ("ssss|sss|SSss|dssss", "ssss|sss|SSss|dssss")}),
}

RATIONALE = {
    ("strong", "secure"): "Evidence seen supports secure practice; impact beyond the school not yet shown",
    ("secure", "developing"): "Practice is improving but not yet consistent across classes",
    ("strong", "developing"): "Enquiry evidence does not yet support the self-evaluation",
    ("developing", "weak"): "Ineffective practice found at the collaborative enquiry; Trust to act",
    ("secure", "weak"): "Ineffective practice found at the collaborative enquiry; Trust to act",
    ("developing", "secure"): "Evidence shows the actions taken have had impact",
    ("secure", "strong"): "Evidence shows consistently strong practice",
}


def letters(code):
    flat = code.replace("|", "")
    assert len(flat) == len(KPIS), code
    return flat


def main():
    with open("self-assessments-2019-20.csv", "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["urn", "period", "subject", "level", "stage", "by", "rationale"])
        for term in TERMS:
            for urn, (name, terms) in SCHOOLS.items():
                for kpi, c in zip(KPIS, letters(terms[term][0])):
                    if c != "-":
                        w.writerow([urn, f"2019-20/{term}", kpi, LEVEL[c], "self", f"Headteacher, {name} (SYNTHETIC)",
                                    "SYNTHETIC example self-assessment"])
    with open("moderation-2019-20.csv", "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["urn", "period", "subject", "level", "stage", "by", "rationale"])
        for term in TERMS:
            for urn, (name, terms) in SCHOOLS.items():
                selfs, mods = letters(terms[term][0]), letters(terms[term][1])
                for kpi, s, m in zip(KPIS, selfs, mods):
                    if m == "-":
                        continue
                    why = "Agreed with the self-assessment" if s == m else RATIONALE.get(
                        (LEVEL.get(s, "none"), LEVEL[m]), "Moderated on the evidence presented")
                    w.writerow([urn, f"2019-20/{term}", kpi, LEVEL[m], "moderated",
                                f"Schools Performance and Scrutiny Board, {term} (SYNTHETIC)",
                                f"SYNTHETIC: {why}"])
    partners = ["Partner A (SYNTHETIC)", "Partner B (SYNTHETIC)", "Partner C (SYNTHETIC)"]
    with open("qa-partners-2019-20.csv", "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["urn", "indicator", "period", "value"])
        for i, urn in enumerate(SCHOOLS):
            w.writerow([urn, "qa_partner", "2019-20", partners[i % len(partners)]])
    # 000 §3.8: a trust-held data drop each term (tracking, behaviour
    # including child-on-child abuse, safeguarding).
    with open("data-drops-2019-20.csv", "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["urn", "indicator", "period", "value", "note"])
        for t, term in enumerate(TERMS):
            for i, urn in enumerate(SCHOOLS):
                on_track = 62 + (i * 7 + t * 5) % 30
                w.writerow([urn, "tracking_on_track_pct", f"2019-20/{term}", on_track, "SYNTHETIC data drop"])
                w.writerow([urn, "behaviour_incidents", f"2019-20/{term}", (i * 5 + t * 3) % 23, "SYNTHETIC data drop"])
                w.writerow([urn, "child_on_child_incidents", f"2019-20/{term}", (i + t) % 4, "SYNTHETIC data drop"])
                w.writerow([urn, "safeguarding_referrals", f"2019-20/{term}", (i * 3 + t) % 5, "SYNTHETIC data drop"])
    # 000 §3.8.1: the drop's attendance, each term, in a file of its own (the
    # one above is kept byte for byte: its hash is stored in older databases).
    # Bramley Grange (141488), short of its summer self-assessment too, sends
    # no summer attendance: its summer drop is overdue at its deadline.
    with open("data-drops-attendance-2019-20.csv", "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["urn", "indicator", "period", "value", "note"])
        for t, term in enumerate(TERMS):
            for i, urn in enumerate(SCHOOLS):
                if urn == 141488 and term == "summer":
                    continue
                w.writerow([urn, "attendance_pct", f"2019-20/{term}", 93.0 + (i * 3 + t * 2) % 6 * 0.5,
                            "SYNTHETIC data drop"])


if __name__ == "__main__":
    main()
