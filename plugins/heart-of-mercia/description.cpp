// What the Heart of Mercia regime declares: the five TQD pillars (§1.3), the
// rating stages with the college validation panel (§5.5), the evidence it
// reads, and the policy keys with their defaults. The grade scale is the
// policy's [scales.grade] (the seed names none), so a trust can move to
// another scale without code.
#include "hom_regime.hpp"
#include "trellis/sdk/policy_keys.hpp"

namespace hom {

const std::vector<std::string>& half_terms() {
  static const std::vector<std::string> h = {"autumn-1", "autumn-2", "spring-1", "spring-2", "summer-1", "summer-2"};
  return h;
}

namespace {

std::vector<PolicyKeySpec> policy_keys() {
  using namespace keys;
  using texts = std::vector<std::string>;
  return {
      // §5.5: SAR validation. Colleges' meeting is fixed by the seed (autumn-2);
      // schools' timing is the policy's.
      text("sar.schools_validation_half_term").choices(half_terms()).default_value("autumn-2")
          .doc("when schools' SARs for the year just ended are validated (§5.5 gives no timing)"),
      integer("sar.due_school_days_before_validation").range(1, 60).default_value(10)
          .doc("school days before its validation meeting that an academy's SAR is due"),
      list("sar.college_panel")
          .default_value(texts{"CEO", "Principals of the colleges", "Vice Principals of the colleges",
                               "Director of Quality", "External verifier(s)"})
          .doc("who attends the college SAR validation meeting (§5.5)"),
      list("sar.school_panel")
          .default_value(texts{"Director of Quality", "CEO", "Headteachers of the schools"})
          .doc("who validates schools' SARs (§5.5 names no panel for schools)"),
      text("sar.unvalidated").choices({"provisional", "insufficient_evidence"}).default_value("provisional")
          .doc("what a SAR not yet validated gives: its self-assessed grade, marked provisional, or no grade"),
      // §5.4: quality visits.
      integer("quality_visits.per_year").range(1, 12).default_value(1)
          .doc("quality visits to each academy a year (§5.4 \"periodic\")"),
      list("quality_visits.team")
          .default_value(texts{"Quality Team (organised by the Director of Quality)"})
          .doc("who visits, beside the academy's head or principal"),
      // §4.1, §9.1: reports to the Board of Trustees through the Curriculum and Quality Committee.
      list("reporting.half_terms").default_value(texts{"autumn-2", "spring-2", "summer-2"})
          .doc("when the termly QA report goes to the Curriculum and Quality Committee"),
      integer("reporting.after_validation_working_days").range(1, 60).default_value(15)
          .doc("working days after the SAR validation meetings that their report to the committee is due"),
      list("reporting.attendees").default_value(texts{"Director of Quality", "CEO", "Curriculum and Quality Committee"})
          .doc("who reports and who receives it"),
      // §6.3, §7.2: the annual collaboration events.
      list("collaboration.half_terms").default_value(texts{"summer-2"})
          .doc("when the annual collaboration events are held"),
      list("collaboration.organisers")
          .default_value(texts{"ECT/ITT and CPD Coordinator", "Marketing Coordinator"})
          .doc("who organises them (§6.3)"),
      // §8.3: allocated central support, by URN.
      table("support.allocated").doc("URN = the member of the Trust central team working with the academy (§8.3)"),
      text("support.allocated.*").doc("their name"),
  };
}

}  // namespace

namespace {

RegimeDescription build_description() {
  RegimeDescription d;
  d.name = "Heart of Mercia MAT quality assurance (TQD pillars, SAR validation, quality visits)";
  // §1.3 in the seed's words. DfE's Annex A calls pillar 1 "High-quality and
  // inclusive education"; the Trust's policy says leadership, and so do we.
  d.areas = {{"inclusive_leadership", "High-quality and inclusive leadership"},
             {"improvement", "School/College improvement"},
             {"workforce", "Workforce"},
             {"finance_operations", "Finance and operation"},
             {"governance", "Governance and leadership"}};
  d.overall_scale = "grade";  // declared by the policy: [scales.grade]
  d.indicators = {{"central_support", "Member of the Trust central team allocated (§8.3)", "name", Direction::neutral, ""}};
  d.from_policy.scales = true;
  d.from_policy.stage_labels = true;
  // §5.5: the head's or principal's SAR, then the panel's validation, which
  // decides. A college's is validated only at the college panel's meeting,
  // by a person present at it, with an external verifier present; the
  // meeting, in the next autumn, validates the SAR of the year just ended.
  d.stages = {{"self", {"head"}},
              {"computed", {}},
              {"validated", {"verifier"}, "", {{kCollegeValidationRule, {"college"}, {"verifier"}, 1}}}};
  d.deciding_stage = "validated";
  d.reported_stage = "validated";
  d.policy_keys = policy_keys();
  d.threshold_scripts = {"sar"};
  return d;
}

}  // namespace

// Built once: assess and plan read it for every school (issue 18).
const RegimeDescription& describe_regime() {
  static const RegimeDescription d = build_description();
  return d;
}

}  // namespace hom
