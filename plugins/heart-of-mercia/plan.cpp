// The regime's activity rules, dated by the kernel's scheduler from the
// body's calendar. Every number and list of people is a policy key.
#include "hom_regime.hpp"
#include "trellis/sdk/activity_rules.hpp"
#include "trellis/sdk/policy_keys.hpp"

namespace hom {
namespace {

std::vector<std::string> with(std::vector<std::string> people, const std::string& more) {
  people.push_back(more);
  return people;
}

void sar_validation(const PolicyView& p, std::vector<ActivityRule>& out) {
  ActivityRule colleges = activity_rule(
      kCollegeValidationRule, "meeting", "College SAR validation: the SARs of the year just ended",
      Cadence::in_half_term, p.texts("sar.college_panel"),
      "§5.5: one joint meeting in the second half of the Autumn term, organised by the Director of Quality; "
      "a college's validated grade is recorded by a member of the panel, with an external verifier present");
  colleges.window = "autumn-2";  // §5.5 "the second half of the Autumn term"
  colleges.documents = {"Each college's self-assessment report (SAR)"};
  out.push_back(std::move(colleges));

  ActivityRule schools = activity_rule(
      kSchoolValidationRule, "meeting", "School SAR validation: the SARs of the year just ended",
      Cadence::in_half_term, p.texts("sar.school_panel"),
      "§5.5: the panel records strengths, weaknesses and potential areas for collaboration and support");
  schools.window = p.text("sar.schools_validation_half_term").value();
  schools.documents = {"Each school's self-assessment report (SAR)"};
  out.push_back(std::move(schools));
}

void board_reports(const PolicyView& p, std::vector<ActivityRule>& out) {
  const auto attendees = p.texts("reporting.attendees");
  for (auto& half : p.texts("reporting.half_terms")) {
    ActivityRule r = activity_rule("hom-9.1.board-report." + half, "report",
                                   "QA report to the Board of Trustees (Curriculum and Quality Committee)",
                                   Cadence::in_half_term, attendees,
                                   "§4.1, §9.1: regular reports on the QA process and outcomes, through the "
                                   "Curriculum and Quality Committee");
    r.window = half;
    r.is_deadline = true;
    r.documents = {"Validated grades by academy and pillar", "Quality visit feedback", "Central support allocated"};
    out.push_back(std::move(r));
  }
  // Working days: the report is office work, written in the holidays too.
  const int days = whole_number(p, "reporting.after_validation_working_days");
  for (auto& [meeting, whose] : {std::pair{kCollegeValidationRule, "colleges"}, std::pair{kSchoolValidationRule, "schools"}}) {
    ActivityRule r = deadline_rule(meeting + ".board-report",
                                   std::string("Report on the ") + whose + "' SAR validation to the Curriculum and Quality Committee",
                                   Cadence::after, meeting, days, DayKind::working, attendees,
                                   "§4.1, §9.1: the outcomes of SAR validation (§5.5) reported to the Board of Trustees");
    r.type = "report";
    r.documents = {"Validated grades, with where they differ from the self-assessment"};
    out.push_back(std::move(r));
  }
}

void collaboration(const PolicyView& p, std::vector<ActivityRule>& out) {
  for (auto& half : p.texts("collaboration.half_terms")) {
    ActivityRule r = activity_rule("hom-6.3.collaboration." + half, "meeting",
                                   "Trust collaboration event: sharing best practice across the academies",
                                   Cadence::in_half_term, p.texts("collaboration.organisers"),
                                   "§6.3, §7.2: the Trust's annual collaboration events");
    r.window = half;
    out.push_back(std::move(r));
  }
}

}  // namespace

std::vector<ActivityRule> academy_rules(const EvidenceView& school, const PolicyView& p) {
  std::vector<ActivityRule> out;
  const bool college = is_college(school.school());
  const std::string lead = college ? "Principal" : "Headteacher";
  // §5.5: the SAR of the year just ended is due before the autumn meeting
  // that validates it; one not handed in shows overdue after that day.
  ActivityRule due = deadline_rule("hom-5.5.sar-due", "SAR for the year just ended due for validation", Cadence::before,
                                   college ? kCollegeValidationRule : kSchoolValidationRule,
                                   whole_number(p, "sar.due_school_days_before_validation"), DayKind::school, {lead},
                                   "§5.5: every academy's self-assessment report is validated");
  due.documents = {"SAR: a grade for each of the five pillars and overall"};
  out.push_back(std::move(due));
  // §5.4: quality visits, feedback on strengths and areas for improvement.
  ActivityRule visit = activity_rule("hom-5.4.quality-visit", "visit", "Quality visit", Cadence::per_year,
                                     with(p.texts("quality_visits.team"), lead),
                                     "§5.4: a Quality Team reviews the academy's provision and gives feedback on "
                                     "areas of strength or where improvement is needed",
                                     whole_number(p, "quality_visits.per_year"));
  visit.documents = {"The academy's SAR and improvement plan"};
  out.push_back(std::move(visit));
  // The feedback is the visit's note, due as the kernel's [notes] says.
  if (auto days = p.number("notes.send_within_working_days")) {
    ActivityRule feedback = deadline_rule("hom-5.4.quality-visit-feedback", "Quality visit feedback to the academy",
                                          Cadence::after, "hom-5.4.quality-visit", static_cast<int>(*days),
                                          DayKind::working, {"Director of Quality", lead},
                                          "§5.4: feedback on strengths and areas for improvement (the visit's note)");
    feedback.documents = {"Visit note: strengths, areas for improvement"};
    out.push_back(std::move(feedback));
  }
  return out;
}

std::vector<ActivityRule> trust_rules(const PolicyView& p) {
  std::vector<ActivityRule> out;
  sar_validation(p, out);
  board_reports(p, out);
  collaboration(p, out);
  return out;
}

}  // namespace hom
