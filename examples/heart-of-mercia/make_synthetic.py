#!/usr/bin/env python3
"""Writes the SYNTHETIC parts of the Heart of Mercia example for 2019-20:
the academies' self-assessment reports (SARs) on 2018-19, the year just
ended, the validation panels' outcomes in autumn 2019 (§5.5), the central
team's support allocations and a quality visit note.

None of it describes the real schools named, nor the real trust: it is made
up to exercise the regime (QA policy §5.5 SAR validation, §8.3 central
support, §5.4 quality visits). Run it from this folder to regenerate the
files; it is deterministic.
"""
import csv

SAR_YEAR = "2018-19"  # §5.5: the panels in autumn 2019 validate the SARs of the year just ended
YEAR = "2019-20"      # the year the QA calendar runs in
SAR_SENT = "2019-11-08"  # the SARs reach the Director of Quality (due ten school days before the panels)
PANEL_HELD = "2019-11-27"  # both panels meet on this day of autumn 2
# The five Trust Quality Description pillars (§1.3), then the overall grade.
SUBJECTS = ["inclusive_leadership", "improvement", "workforce", "finance_operations", "governance", "overall"]
LEVEL = {"O": "outstanding", "G": "good", "R": "requires_improvement", "I": "inadequate"}
COLLEGES = {130713, 130710}
# §5.5: the colleges' SARs are validated at one meeting in the second half of
# the autumn term; the policy leaves the schools' panel and timing to the trust.
PANEL = {True: "College SAR validation panel, autumn 2 (SYNTHETIC)",
         False: "School SAR validation panel, autumn 2 (SYNTHETIC)"}

# urn: (name, leader's title, self-assessment, validation), a letter per
# subject in the order above; None: no SAR was submitted.
SCHOOLS = {
    135662: ("The Hereford Academy", "Principal", "RRRGGR", "RIRGRI"),
    136803: ("John Masefield High School", "Headteacher", "GGGGGG", "GGGGGG"),
    137415: ("Kingstone and Thruxton Primary School", "Headteacher", "GGGGOG", "GGGGGG"),
    138035: ("Lugwardine Primary Academy", "Headteacher", "OGGGGG", "GGGGGG"),
    139189: ("Whitecross Hereford", "Headteacher", "GGGGGG", "GGRGGG"),
    140183: ("St Thomas Cantilupe CofE Academy", "Headteacher", "RRGGRR", "RRGGRR"),
    135913: ("Tudor Grange Academy Worcester", "Principal", "GGGGGG", "GGGGGG"),
    136984: ("Great Malvern Primary School", "Headteacher", "GGGGGG", "GOGGGG"),
    137051: ("Nunnery Wood High School", "Headteacher", "OOGGOO", "GOGGOG"),
    139001: ("Perry Wood Primary and Nursery School", "Headteacher", "GGRGGG", "GGRGGG"),
    141246: ("Heronswood Primary School", "Headteacher", None, None),  # no SAR: insufficient evidence
    144367: ("Baxter College", "Headteacher", "GGGRGG", "GGGRGG"),  # an academy, whatever its name
    130713: ("Heart of Worcestershire College", "Principal", "GGGGGG", "GRGGGG"),
    130710: ("Herefordshire, Ludlow and North Shropshire College", "Principal", "GGGGGG", "GGGGGG"),
}

# The panel's findings where it did not agree with the SAR: strengths,
# weaknesses, and potential areas for collaboration and support (§5.5).
FINDINGS = {
    (135662, "improvement"): ("Behaviour policy applied consistently since January",
                              "Outcomes at KS4 below the SAR's account; improvement plan lacks milestones",
                              "Central team member to co-write the improvement plan; link with Nunnery Wood High School"),
    (135662, "governance"): ("Local governing body meets as planned",
                             "Governors' challenge on outcomes is not minuted",
                             "Trust governance lead to attend two LGB meetings"),
    (135662, "overall"): ("A stable senior team", "Quality of education not yet good",
                          "Allocated central support (§8.3)"),
    (137415, "governance"): ("Governors know the school well", "Evidence of outstanding impact beyond the school not seen",
                             "Share governor induction with St Thomas Cantilupe"),
    (138035, "inclusive_leadership"): ("Inclusive culture evident in pupil voice",
                                       "SEND provision reviewed only once this year",
                                       "Join the trust SENCo network"),
    (139189, "workforce"): ("Strong early career teacher support", "Staff turnover high in science; two long-term vacancies",
                            "Workforce lead to support recruitment"),
    (136984, "improvement"): ("Reading curriculum and its impact are exemplary", "None found",
                              "Lead the trust's primary reading network"),
    (137051, "inclusive_leadership"): ("Leaders are ambitious for all pupils",
                                       "Disadvantaged pupils' attendance gap not closing",
                                       "Attendance work with Baxter College"),
    (137051, "governance"): ("Clear scheme of delegation at local level",
                             "Minutes do not show outstanding impact", "None needed"),
    (137051, "overall"): ("Strong curriculum leadership", "Self-assessment generous in two pillars",
                          "Moderate the SAR with a partner academy next year"),
    (130713, "improvement"): ("Apprenticeship achievement rates above national",
                              "16-18 study programme retention below the SAR's figure",
                              "Director of Quality to support a retention review"),
}

AGREED = "SYNTHETIC: Validated: the panel agreed with the self-assessment"


def rationale(urn, subject):
    if (urn, subject) not in FINDINGS:
        return AGREED
    s, w, c = FINDINGS[(urn, subject)]
    return f"SYNTHETIC: Strengths: {s}. Weaknesses: {w}. Collaboration and support: {c}."


def write(path, stage, pick, only=lambda urn: True):
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["urn", "period", "subject", "level", "stage", "by", "rationale", "on"])
        for urn, school in SCHOOLS.items():
            if school[2] is None or not only(urn):
                continue
            for subject, by, level, why in pick(urn, school):
                w.writerow([urn, SAR_YEAR, subject, LEVEL[level], stage, by, why, SAR_SENT if stage == "self" else PANEL_HELD])


def main():
    write("self-assessments-2018-19.csv", "self",
          lambda urn, s: [(subj, f"{s[1]}, {s[0]} (SYNTHETIC)", lv, "SYNTHETIC example self-assessment report")
                          for subj, lv in zip(SUBJECTS, s[2])])
    validated = lambda urn, s: [(subj, PANEL[urn in COLLEGES], lv, rationale(urn, subj)) for subj, lv in zip(SUBJECTS, s[3])]
    write("validations-schools-2018-19.csv", "validated", validated, lambda urn: urn not in COLLEGES)
    write("validations-colleges-2018-19.csv", "validated", validated, lambda urn: urn in COLLEGES)
    # §8.3: a named member of the central team working with the academy's leaders,
    # allocated on the SAR of the year just ended (the evidence of that year).
    with open("central-support-2019-20.csv", "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["urn", "indicator", "period", "value"])  # a text value keeps no note beside it
        w.writerow([135662, "central_support", SAR_YEAR, "R. Example, Director of School Improvement (SYNTHETIC)"])
        w.writerow([140183, "central_support", SAR_YEAR, "P. Example, Primary Improvement Lead (SYNTHETIC)"])
        w.writerow([130713, "central_support", SAR_YEAR, "Q. Example, Director of Quality (SYNTHETIC)"])
    with open("quality-visit-135662.md", "w") as f:
        f.write("# Quality visit: The Hereford Academy, 2019-20 (SYNTHETIC)\n\n"
                "SYNTHETIC: made up for the example; says nothing about the real school.\n\n"
                "Quality Team: Director of Quality; Director of School Improvement; a partner principal.\n\n"
                "- Strength: behaviour in lessons and corridors is calm and consistent.\n"
                "- Improvement needed: the improvement plan has no measurable milestones for KS4 outcomes.\n"
                "- Action: the central team member and the principal rewrite the plan by the spring half-term.\n")


if __name__ == "__main__":
    main()
