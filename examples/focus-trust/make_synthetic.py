#!/usr/bin/env python3
"""Writes the SYNTHETIC parts of the Focus-Trust example for 2019-20: the
academies' termly KPI returns (§05), the half-termly data drops (§02), the
partnership visit outcomes (§06), the improvement plan checklist (§13), the
consultancy days used (Role of the Focus Education Consultant), the Chief
Executive's confirmations of each term's RAG, and the Roundtable's ratings of
the five areas of leadership impact (§07).

None of it describes the real academies named, nor the real trust: it is made
up to exercise the regime. Run it from this folder to regenerate the files;
it is deterministic.
"""
import csv

YEAR = "2019-20"
TERMS = ["autumn", "spring", "summer"]
HALVES = ["autumn-1", "autumn-2", "spring-1", "spring-2", "summer-1", "summer-2"]
KPIS = ["kpi_attendance_pct", "kpi_persistent_absence_pct", "kpi_reading_on_track_pct",
        "kpi_writing_on_track_pct", "kpi_maths_on_track_pct"]

# urn: name, then per term the five KPIs (None: no return), the visit outcome.
ACADEMIES = {
    140597: ("Werneth Primary School", [
        ((95.2, 12.0, 72.0, 66.0, 70.0), "amber"),
        ((93.5, 16.5, 63.0, 60.0, 62.0), "red"),
        ((95.6, 11.0, 76.0, 70.0, 74.0), "amber")]),
    137951: ("Silver Springs Primary Academy", [
        ((96.1, 9.5, 79.0, 77.0, 80.0), "green"),
        ((96.3, 7.9, 81.0, None, 82.0), "green"),      # §05: spring's writing KPI never returned
        ((96.4, 7.5, 82.0, 79.0, 83.0), "green")]),
    141401: ("Westwood Academy", [
        ((96.8, 6.0, 84.0, 80.0, 85.0), "green"),
        ((96.5, 6.5, 85.0, 81.0, 86.0), "green"),
        ((96.9, 5.8, 86.0, 83.0, 87.0), "green")]),
    142286: ("Manor Green Primary Academy", [
        ((96.2, 7.0, 81.0, 79.0, 81.0), "green"),
        ((96.0, 7.8, 74.0, 78.0, 76.0), "amber"),
        ((96.4, 7.2, 82.0, 80.0, 82.0), "green")]),
    139651: ("Richmond Academy", [
        ((97.0, 5.5, 86.0, 82.0, 84.0), "green"),
        ((96.7, 6.0, 85.0, 82.0, 85.0), "green"),
        ((97.1, 5.2, 87.0, 84.0, 86.0), "green")]),
    141408: ("Linden Road Academy and Hearing Impaired Base", [
        ((96.3, 7.5, 80.0, 78.0, 80.0), "green"),
        ((96.1, 7.9, 80.0, 78.0, 81.0), "green"),
        ((96.6, 7.0, 81.0, 79.0, 82.0), "green")]),
}
# §02: pupils on track at each half-termly data drop.
DROPS = {
    140597: [64, 62, 58, 57, 63, 66],
    137951: [76, 77, 78, 78, 79, 80],
    141401: [80, 81, 82, 82, 83, 84],
    142286: [78, 78, 72, 73, 77, 79],
    139651: [82, 82, 83, 84, 84, 85],
    141408: [77, 78, 66, 58, 76, 78],   # a red drop in spring 2
}
# Consultancy days used, the year's running total at each term's end.
DAYS = {140597: (2, 5, 8), 137951: (2, 4, 6), 141401: (2, 4, 6), 142286: (2, 4, 6), 139651: (1, 2, 4), 141408: (2, 4, 6)}
# §13: the improvement plan against the six success criteria, checked at the autumn visit.
CRITERIA = ["ip_measurable_targets", "ip_timescales", "ip_sequenced_actions", "ip_monitoring",
            "ip_external_validation", "ip_resources"]
PLAN = {140597: "101100", 137951: "111101", 141401: "111111", 142286: "111111", 139651: "111111", 141408: "111110"}
# §12: the self-evaluation statement's headlines each term (None: not returned),
# and §04: the teaching profile, the share of teaching good or better.
SES = {
    140597: ("writing and maths below the Trust's on-track threshold", "attendance and Year 6 staffing",
             "reading recovered; writing still the priority"),
    137951: ("phonics secure; writing in Year 4", "writing moderation across KS2", "writing on track"),
    141401: ("strong outcomes; stretching the most able", "most able in maths", "most able in maths"),
    142286: ("reading fluency in KS2", None, "reading and maths recovered"),   # §12: spring's never returned
    139651: ("outcomes strong; curriculum breadth", "curriculum breadth", "curriculum breadth"),
    141408: ("the Hearing Impaired Base's tracking", "the spring data drop", "recovery after spring 2"),
}
PROFILE = {140597: (62, 55, 70), 137951: (78, 80, 84), 141401: (90, 92, 92), 142286: (82, 74, 84),
           139651: (92, 93, 94), 141408: (84, 80, 86)}
# The RAG each term, as the Chief Executive confirmed it ("Trust intervention").
CONFIRMED = {140597: ("amber", "red", "amber"), 137951: ("amber", "amber", "green"),
             141401: ("green", "green", "green"), 142286: ("green", "amber", "green"),
             139651: ("green", "green", "green"), 141408: ("green", "amber", "green")}
# §07: the Roundtable's ratings of leadership's impact on its five areas.
AREAS = ["pupil_outcomes", "personal_development", "teaching_learning", "smsc", "capacity"]
ROUNDTABLE = {140597: "aagga", 137951: "ggagg", 141401: "ggggg", 142286: "agggg", 139651: "ggggg", 141408: "gaggg"}
RAG = {"g": "green", "a": "amber", "r": "red"}


def write(name, header, rows):
    with open(name, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


evidence = []
for urn, (_, terms) in ACADEMIES.items():
    for term, (kpis, outcome) in zip(TERMS, terms):
        period = f"{YEAR}/{term}"
        for kpi, v in zip(KPIS, kpis):
            if v is not None:
                evidence.append([urn, kpi, period, v, "SYNTHETIC termly KPI return"])
        # A text value carries no note: the file is SYNTHETIC throughout (see the docstring).
        evidence.append([urn, "partnership_visit_outcome", period, outcome, ""])
        evidence.append([urn, "consultancy_days_used", period, DAYS[urn][TERMS.index(term)],
                         "SYNTHETIC consultancy log"])
        headlines = SES[urn][TERMS.index(term)]
        if headlines is not None:
            evidence.append([urn, "self_evaluation_statement", period, "SYNTHETIC: " + headlines, ""])
        evidence.append([urn, "teaching_profile_good_pct", period, PROFILE[urn][TERMS.index(term)],
                         "SYNTHETIC teaching profile"])
    for half, v in zip(HALVES, DROPS[urn]):
        evidence.append([urn, "data_drop_on_track_pct", f"{YEAR}/{half}", v, "SYNTHETIC data drop"])
    for c, met in zip(CRITERIA, PLAN[urn]):
        evidence.append([urn, c, f"{YEAR}/autumn", int(met), "SYNTHETIC improvement plan checklist, autumn visit"])
evidence.append([140597, "visit_concern", f"{YEAR}/spring",
                 "SYNTHETIC: two Year 6 teachers on long-term absence; cover not yet secured", ""])
write("evidence-2019-20.csv", ["urn", "indicator", "period", "value", "note"], evidence)

# The day the Chief Executive confirms each term's RAG, before the term's Board report.
CONFIRMED_ON = ("2019-12-13", "2020-03-27", "2020-07-10")
for i, term in enumerate(TERMS):
    rows = [[urn, f"{YEAR}/{term}", "overall", CONFIRMED[urn][i], "final", "Chief Executive (SYNTHETIC)",
             "SYNTHETIC: confirmed for the termly RAG report to the Trust Board", CONFIRMED_ON[i]] for urn in ACADEMIES]
    write(f"confirmations-{YEAR}-{term}.csv", ["urn", "period", "subject", "level", "stage", "by", "rationale", "on"], rows)

rows = [[urn, f"{YEAR}/summer", area, RAG[letter], "moderated", "Roundtable (SYNTHETIC)",
         "SYNTHETIC: leadership's impact as the Roundtable judged it", "2020-06-17"]
        for urn, letters in ROUNDTABLE.items() for area, letter in zip(AREAS, letters)]
write(f"roundtable-{YEAR}.csv", ["urn", "period", "subject", "level", "stage", "by", "rationale", "on"], rows)

# §07: the Roundtable's written report on one academy. The policy marks the
# "Internal" section internal: its edited version for sharing with Ofsted
# (`trellis note show ID --edition shareable`) leaves it out.
with open("roundtable-140597.md", "w") as f:
    f.write("""# Roundtable evaluation, summer 2020: Werneth Primary School (SYNTHETIC)

Present: Principal and SLT; Chair of Governors; Chief Executive; Academy Improvement Partner; Trustee Advocate.

## Strengths
- Attendance and reading recovered since the spring term.
- Governors' challenge on outcomes is minuted and followed up.

## Weaknesses
- Writing in Key Stage 2 remains below the Trust's on-track threshold.

## Leadership impact
- Pupil outcomes: amber
- Personal development, behaviour and welfare: amber
- Teaching, learning and assessment: green
- Spiritual, moral, social and cultural development: green
- Capacity for improvement: amber

## Next steps
- Writing moderation with a partner academy each half-term.

## Internal: personnel and capability
- Two Year 6 teachers on long-term absence; the agreed capability procedure is not in use.
""")
