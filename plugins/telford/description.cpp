#include "telford_regime.hpp"
#include "trellis/sdk/policy_keys.hpp"

namespace telford {
namespace {

const std::vector<std::string>& half_terms() {
  static const std::vector<std::string> h = {"autumn-1", "autumn-2", "spring-1", "spring-2", "summer-1", "summer-2"};
  return h;
}

std::vector<std::string> year_or_half_terms() {
  std::vector<std::string> h = half_terms();
  h.insert(h.begin(), "year");
  return h;
}

}  // namespace

namespace {

RegimeDescription build_description() {
  RegimeDescription d;
  d.name = "Telford & Wrekin LA quality assurance (maintained schools)";
  // Section 6: "a traffic light approach", best first.
  d.scales = {{"band", "Classification band",
               {{"green", "Green", "#2e7d32"},
                {"yellow", "Yellow", "#f9a825"},
                {"amber", "Amber", "#ef6c00"},
                {"red", "Red", "#c62828"}}}};
  // Section 5: the LA's statutory steps for a school causing concern, each recorded as the LA's decision
  // (a rating at the final stage, with who took it and why), so that it shows in the report and the
  // school's history: `trellis rate URN --subject warning_notice --level taken --stage final ...`.
  d.scales.push_back({"statutory_step", "Statutory step",
                      {{"considered", "Considered, not taken", "#9e9e9e"}, {"taken", "Taken", "#c62828"}}});
  d.overall_scale = "band";
  // Fixed here, not in the policy: section 6 fixes the four bands ("a traffic
  // light approach", green/yellow/amber/red, each with the monitoring section
  // 7 sets for it) and their criteria headings, for every maintained school in
  // the borough. Only the stage labels are the LA's to word.
  d.from_policy.stage_labels = true;
  // Section 6 headings, and the "in addition" list.
  d.areas = {{"quality_of_education", "Quality of education"},
             {"behaviour_and_attitudes", "Behaviour and attitudes"},
             {"personal_development", "Personal development"},
             {"leadership_and_management", "Leadership and management"},
             {"in_addition", "Other information (Ofsted, finance, context)"}};
  using D = Direction;
  d.indicators = {
      {"ks2_rwm_expected_pct", "KS2 reading, writing and maths: expected standard", "%", D::higher_is_better, "quality_of_education"},
      {"ks2_disadvantaged_rwm_pct", "KS2 RWM expected standard, disadvantaged pupils", "%", D::higher_is_better, "quality_of_education"},
      {"ks4_attainment8", "KS4 Attainment 8", "score", D::higher_is_better, "quality_of_education"},
      {"ks4_progress8", "KS4 Progress 8", "score", D::higher_is_better, "quality_of_education"},
      {"overall_absence_pct", "Overall absence", "%", D::lower_is_better, "behaviour_and_attitudes"},
      {"persistent_absence_pct", "Persistent absence", "%", D::lower_is_better, "behaviour_and_attitudes"},
      {"suspension_rate_pct", "Suspensions as % of pupils", "%", D::lower_is_better, "behaviour_and_attitudes"},
      {"permanent_exclusions", "Permanent exclusions", "pupils", D::lower_is_better, "behaviour_and_attitudes"},
      {"modified_timetables", "Pupils on modified timetables", "pupils", D::lower_is_better, "behaviour_and_attitudes"},
      {"ehe_removals", "Removals to elective home education", "pupils", D::lower_is_better, "behaviour_and_attitudes"},
      {"inclusion_concern", "Concern about inclusion", "flag", D::lower_is_better, "personal_development"},
      {"safeguarding_concern", "Safeguarding concern", "flag", D::lower_is_better, "leadership_and_management"},
      {"complaints_qualifying", "Qualifying complaints", "complaints", D::lower_is_better, "leadership_and_management"},
      {"governance_concern", "Concern about governance", "flag", D::lower_is_better, "leadership_and_management"},
      {"leadership_change", "Change in leadership", "flag", D::lower_is_better, "leadership_and_management"},
      {"ofsted_grade", "Ofsted overall effectiveness", "grade", D::lower_is_better, "in_addition"},
      {"ofsted_inspection_date", "Date of the last Ofsted inspection", "date", D::neutral, "in_addition"},
      {"finance_concern", "Concern about finances", "flag", D::lower_is_better, "in_addition"},
      // Section 5, "Powers of intervention": recorded by the LA, not measured.
      {"warning_notice", "Formal warning notice issued by the LA", "step", D::neutral, "leadership_and_management"},
      {"rsc_notified", "Regional Schools Commissioner notified of the concerns", "step", D::neutral, "leadership_and_management"},
      {"additional_governors", "Additional governors appointed", "step", D::neutral, "leadership_and_management"},
      {"interim_executive_board", "Interim executive board established", "step", D::neutral, "leadership_and_management"},
  };
  for (const char* step : {"warning_notice", "rsc_notified", "additional_governors", "interim_executive_board"})
    d.subject_scales.push_back({step, "statutory_step"});
  // Who records each stage, in the kernel's role ids, from the policy (shared/seeds/003):
  // - computed: Trellis's proposal from the section 6 criteria; nobody records it.
  // - final: the LA's officers. Section 5: "Each maintained school will be classified by the Local
  //   Authority"; section 6: "A cross service delivery area model is used to classify schools, with
  //   representatives from areas of the Local Authority". No board, head or verifier sets a band.
  // Reviews are the kernel's, not a stage: section 7, a classification "can be reviewed at any time
  // where changes to circumstances occur, or a school themselves request this", so the school's head
  // or an LA officer may ask (section 5: the headteacher may "discuss the rationale" with the LA).
  d.stages = {{"computed", {}}, {"final", {"officer"}}};
  // Section 5: the officer's final level is the LA's decision.
  d.deciding_stage = "final";
  // The numbers section 7 and section 8 give are the keys' defaults, here
  // and nowhere else; the classification thresholds are the LA's own, so
  // the policy must set them.
  auto threshold = [](std::string name, double min, double max, std::string doc) {
    return keys::number("thresholds.params." + std::move(name)).range(min, max).required().doc(std::move(doc));
  };
  auto count = [](std::string path, double min, double max, int seed_value, std::string doc) {
    return keys::number(std::move(path)).range(min, max).default_value(seed_value).doc(std::move(doc));
  };
  d.policy_keys = {
      threshold("ks2_rwm_gap_concern", 0, 100, "points below national KS2 RWM that raise a concern"),
      threshold("ks2_rwm_gap_serious", 0, 100, "points below national KS2 RWM that are a serious concern"),
      threshold("attainment8_gap_concern", 0, 90, "Attainment 8 points below national: concern"),
      threshold("attainment8_gap_serious", 0, 90, "Attainment 8 points below national: serious"),
      threshold("progress8_concern", -5, 5, "Progress 8 at or below this: concern"),
      threshold("progress8_serious", -5, 5, "Progress 8 at or below this: serious"),
      keys::flag("thresholds.params.compare_special_attainment")
          .doc("compare special schools' and AP's attainment with national averages"),
      threshold("persistent_absence_concern", 0, 100, "% persistent absentees: concern"),
      threshold("persistent_absence_serious", 0, 100, "% persistent absentees: serious"),
      threshold("overall_absence_concern", 0, 100, "% sessions missed: concern"),
      // Section 6: special schools and AP against special schools nationally. The seed gives no number;
      // the defaults keep the mainstream thresholds' margins over England's figures (6.0 vs 4.7,
      // 15.0 vs 10.9, 25.0 vs 10.9 in 2018-19).
      keys::number("thresholds.params.special_overall_absence_margin").range(0, 100).default_value(1.3)
          .doc("points above special schools' national overall absence that raise a concern (special schools and AP)"),
      keys::number("thresholds.params.special_persistent_absence_margin").range(0, 100).default_value(4.1)
          .doc("points above special schools' national persistent absence that raise a concern"),
      keys::number("thresholds.params.special_persistent_absence_serious_margin").range(0, 100).default_value(14.1)
          .doc("points above special schools' national persistent absence that are a serious concern"),
      threshold("suspension_rate_concern", 0, 100, "suspensions as % of roll: concern"),
      threshold("exclusions_concern", 1, 1000, "permanent exclusions: concern"),
      threshold("modified_timetables_concern", 1, 1000, "pupils on modified timetables: concern"),
      threshold("ehe_removals_concern", 1, 1000, "removals to EHE: concern"),
      threshold("complaints_concern", 1, 1000, "qualifying complaints: concern"),
      threshold("amber_min_concerns", 1, 50, "concerns that make a school amber"),
      threshold("red_min_concerns", 1, 50, "concerns that make a school red"),
      keys::list("classification.maintained_types").doc("DfE types the LA classifies"),
      keys::list("classification.academy_types").doc("DfE types in the Academies category"),
      // Section 7 grid.
      count("visits.green.per_year", 2, 20, 2, "QA visits a year for green schools (section 7: \"two QA visits as a minimum\")"),
      // The seed gives no number: a week before the visit is the plugin's default.
      count("visits.green.enquiry_working_days_before", 1, 30, 5,
            "working days before a green school's QA visit that the lines of enquiry are agreed with the head (section 7)"),
      count("visits.yellow.per_term", 1, 20, 1, "QA visits a term for yellow schools (section 7: one)"),
      count("visits.amber.meetings_per_term", 1, 10, 1, "monitoring and support meetings a term, amber (section 7: termly)"),
      count("visits.amber.interim_per_term", 1, 10, 1, "interim visits a term, amber (section 7: \"an interim visit each term\")"),
      count("visits.red.meetings_per_term", 1, 10, 1, "monitoring and support meetings a term, red (section 7: termly)"),
      count("visits.red.interim_per_term", 2, 10, 2, "interim visits a term, red (section 7: \"at least two\")"),
      // Section 8.
      keys::number("meetings.agenda_days_before").range(1, 60).default_value(14)
          .doc("days before a meeting the agenda goes out (section 8: \"two weeks prior\")"),
      keys::number("meetings.papers_days_before").range(1, 60).default_value(7)
          .doc("days before a meeting papers are due (section 8: \"seven days prior\")"),
      keys::number("meetings.minutes_working_days_after").range(1, 60).default_value(7)
          .doc("working days after a meeting for the minutes (section 8: \"within seven working days\")"),
      keys::list("meetings.attendees").required().doc("who attends monitoring and support meetings (section 8)"),
      keys::list("documents.amber_red").required().doc("documents amber and red schools are asked for (section 7)"),
      // The seed gives no number for these two; ten working days is the plugin's default.
      keys::number("documents.due_working_days").range(1, 60).default_value(10).doc("working days to provide them"),
      keys::list("governance.areas").required().doc("the annual governing board conversation's areas (section 6)"),
      keys::text("governance.half_term").choices(year_or_half_terms()).default_value("year")
          .doc("when the annual conversation takes place: a half-term, or \"year\" to spread the conversations "
               "across the year (the seed sets no time; spreading them is the default)"),
      keys::text("academies.conversation_half_term").choices(half_terms()).default_value("autumn-1")
          .doc("when academies' trusts are offered the initial conversation"),
      // Section 7: the accountable body first. The register's trust (GIAS "Trusts (name)") or the LA's own list.
      keys::table("academies.trusts")
          .doc("URN = the academy's trust, winning over the register's (GIAS \"Trusts (name)\"): one "
               "conversation per trust (section 7)"),
      keys::text("academies.trusts.*").doc("the trust's name"),
      keys::number("notification.discuss_within_working_days").range(1, 60).default_value(10)
          .doc("working days by which the classification is discussed with the headteacher (sections 5 and 7)"),
  };
  d.threshold_scripts = {"classify"};
  return d;
}

}  // namespace

// Built once: assess and plan read it for every school (issue 18).
const RegimeDescription& describe_regime() {
  static const RegimeDescription d = build_description();
  return d;
}

}  // namespace telford
