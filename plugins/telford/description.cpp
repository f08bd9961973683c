#include "telford_regime.hpp"

namespace telford {

RegimeDescription describe_regime() {
  RegimeDescription d;
  d.id = "telford-la";
  d.name = "Telford & Wrekin LA quality assurance (maintained schools)";
  d.version = "1.0.0";
  // Section 6: "a traffic light approach", best first.
  d.scales = {{"band", "Classification band",
               {{"green", "Green", "#2e7d32"},
                {"yellow", "Yellow", "#f9a825"},
                {"amber", "Amber", "#ef6c00"},
                {"red", "Red", "#c62828"}}}};
  d.overall_scale = "band";
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
  };
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
  using K = KeyType;
  auto num = [](std::string path, double min, double max, std::string doc) {
    PolicyKeySpec k{std::move(path), K::number, true, min, max, {}, std::move(doc)};
    return k;
  };
  d.policy_keys = {
      num("thresholds.params.ks2_rwm_gap_concern", 0, 100, "points below national KS2 RWM that raise a concern"),
      num("thresholds.params.ks2_rwm_gap_serious", 0, 100, "points below national KS2 RWM that are a serious concern"),
      num("thresholds.params.attainment8_gap_concern", 0, 90, "Attainment 8 points below national: concern"),
      num("thresholds.params.attainment8_gap_serious", 0, 90, "Attainment 8 points below national: serious"),
      num("thresholds.params.progress8_concern", -5, 5, "Progress 8 at or below this: concern"),
      num("thresholds.params.progress8_serious", -5, 5, "Progress 8 at or below this: serious"),
      {"thresholds.params.compare_special_attainment", K::boolean, false, {}, {}, {},
       "compare special schools' and AP's attainment with national averages"},
      num("thresholds.params.persistent_absence_concern", 0, 100, "% persistent absentees: concern"),
      num("thresholds.params.persistent_absence_serious", 0, 100, "% persistent absentees: serious"),
      num("thresholds.params.overall_absence_concern", 0, 100, "% sessions missed: concern"),
      num("thresholds.params.suspension_rate_concern", 0, 100, "suspensions as % of roll: concern"),
      num("thresholds.params.exclusions_concern", 1, 1000, "permanent exclusions: concern"),
      num("thresholds.params.modified_timetables_concern", 1, 1000, "pupils on modified timetables: concern"),
      num("thresholds.params.ehe_removals_concern", 1, 1000, "removals to EHE: concern"),
      num("thresholds.params.complaints_concern", 1, 1000, "qualifying complaints: concern"),
      num("thresholds.params.amber_min_concerns", 1, 50, "concerns that make a school amber"),
      num("thresholds.params.red_min_concerns", 1, 50, "concerns that make a school red"),
      {"classification.maintained_types", K::string_list, false, {}, {}, {}, "DfE types the LA classifies"},
      {"classification.academy_types", K::string_list, false, {}, {}, {}, "DfE types in the Academies category"},
      num("visits.green.per_year", 2, 20, "QA visits a year for green schools (section 7: at least two)"),
      num("visits.yellow.per_term", 1, 20, "QA visits a term for yellow schools (section 7: one)"),
      num("visits.amber.meetings_per_term", 1, 10, "monitoring and support meetings a term, amber"),
      num("visits.amber.interim_per_term", 1, 10, "interim visits a term, amber"),
      num("visits.red.meetings_per_term", 1, 10, "monitoring and support meetings a term, red"),
      num("visits.red.interim_per_term", 2, 10, "interim visits a term, red (section 7: at least two)"),
      num("meetings.agenda_days_before", 1, 60, "days before a meeting the agenda goes out (section 8: 14)"),
      num("meetings.papers_days_before", 1, 60, "days before a meeting papers are due (section 8: 7)"),
      num("meetings.minutes_working_days_after", 1, 60, "working days after a meeting for the minutes (section 8: 7)"),
      {"meetings.attendees", K::string_list, true, {}, {}, {}, "who attends monitoring and support meetings (section 8)"},
      {"documents.amber_red", K::string_list, true, {}, {}, {}, "documents amber and red schools are asked for (section 7)"},
      num("documents.due_working_days", 1, 60, "working days to provide them"),
      {"governance.areas", K::string_list, true, {}, {}, {}, "the annual governing board conversation's areas (section 6)"},
      {"governance.half_term", K::string, false, {}, {}, {"autumn-1", "autumn-2", "spring-1", "spring-2", "summer-1", "summer-2"},
       "when the annual conversation takes place"},
      {"academies.conversation_half_term", K::string, false, {}, {}, {"autumn-1", "autumn-2", "spring-1", "spring-2", "summer-1", "summer-2"},
       "when academies' trusts are offered the initial conversation"},
      num("notification.discuss_within_working_days", 1, 60, "working days to offer a discussion of a change of band (section 5)"),
  };
  d.threshold_scripts = {"classify"};
  return d;
}

}  // namespace telford
