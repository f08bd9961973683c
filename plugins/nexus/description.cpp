// What the Nexus regime declares: the dashboard scale, the intervention
// tiers, the four Dashboard/EIF areas and their KPIs, the rating stages and
// the policy keys. describe() sees no policy, so the KPIs and levels that
// policies/nexus.toml lists must be among those declared here; validate.cpp
// checks that they are.
#include "nexus_regime.hpp"

namespace nexus {

const std::vector<std::string>& dashboard_levels() {
  static const std::vector<std::string> levels = {"strong", "secure", "developing", "weak"};
  return levels;
}

const std::vector<std::string>& terms() {
  static const std::vector<std::string> t = {"autumn", "spring", "summer"};
  return t;
}

const std::vector<std::string>& half_terms() {
  static const std::vector<std::string> h = {"autumn-1", "autumn-2", "spring-1", "spring-2", "summer-1", "summer-2"};
  return h;
}

namespace {

// The KPIs: 000 §3.6 "a suite of key performance indicators which align to
// the Ofsted Education Inspection Framework but go beyond it". The seed does
// not list them; these are drawn from the CSIF delivery plan's "what we will
// achieve" rows (cited in policies/nexus.toml beside each one's Big 3 link).
std::vector<IndicatorSpec> kpis() {
  const auto D = Direction::higher_is_better;
  const std::string qoe = "quality_of_education", ba = "behaviour_and_attitudes", pd = "personal_development",
                    lm = "leadership_and_management";
  return {
      {"curriculum", "Broad, rich and personalised curriculum with a clear rationale", "rating", D, qoe},
      {"assessment", "Accurate assessment and tracking used to set expectations and plan support", "rating", D, qoe},
      {"progress", "Pupils make at least good progress (reading, writing and maths, or communication and cognition)",
       "rating", D, qoe},
      {"teaching", "Quality of teaching and learning, tested by peer review", "rating", D, qoe},
      {"attendance", "Attendance at or above national; persistent absence falling", "rating", D, ba},
      {"behaviour", "Behaviour policies and practice secure; behaviour understood as communication", "rating", D, ba},
      {"bullying", "Bullying, derogatory language and child-on-child abuse dealt with effectively", "rating", D, ba},
      {"wellbeing", "Nurture and enrichment have a positive impact on wellbeing", "rating", D, pd},
      {"pupil_voice", "Pupils have a voice and feel safe", "rating", D, pd},
      {"equality", "Equality, diversity, SMSC and British values promoted across the curriculum", "rating", D, pd},
      {"pshe_rse", "PSHE and RSE taught to the statutory frameworks", "rating", D, pd},
      {"safeguarding", "Safeguarding policies and practice are secure", "rating", D, lm},
      {"self_evaluation", "Self-evaluation and improvement planning are accurate and robust", "rating", D, lm},
      {"staff_development", "Staff develop through CPD, networks and career pathways", "rating", D, lm},
      {"governance", "Governance scrutinises and challenges; statutory duties met", "rating", D, lm},
      {"collaboration", "Research-based practice and collaboration shared across the Trust", "rating", D, lm},
  };
}

// Evidence the plugin and its script read, as the kernel's importers name it.
std::vector<IndicatorSpec> evidence_indicators() {
  return {
      {"ofsted_grade", "Ofsted overall effectiveness (1 Outstanding to 4 Inadequate)", "grade", Direction::lower_is_better, ""},
      {"ofsted_inspection_date", "Date of the last Ofsted inspection", "date", Direction::neutral, ""},
      {"overall_absence_pct", "Overall absence (% of sessions missed)", "%", Direction::lower_is_better, ""},
      {"persistent_absence_pct", "Persistent absentees (% of pupils)", "%", Direction::lower_is_better, ""},
      {"qa_partner", "Allocated QA & Improvement partner", "name", Direction::neutral, ""},
  };
}

PolicyKeySpec key(std::string path, KeyType type, bool required, std::string doc) {
  PolicyKeySpec k;
  k.path = std::move(path);
  k.type = type;
  k.required = required;
  k.doc = std::move(doc);
  return k;
}

PolicyKeySpec number(std::string path, double min, double max, std::string doc) {
  PolicyKeySpec k = key(std::move(path), KeyType::number, false, std::move(doc));
  k.min = min;
  k.max = max;
  return k;
}

PolicyKeySpec choice(std::string path, std::vector<std::string> choices, std::string doc) {
  PolicyKeySpec k = key(std::move(path), KeyType::string, false, std::move(doc));
  k.choices = std::move(choices);
  return k;
}

std::vector<PolicyKeySpec> policy_keys() {
  using K = KeyType;
  std::vector<std::string> areas = {"quality_of_education", "behaviour_and_attitudes", "personal_development",
                                    "leadership_and_management"};
  std::vector<std::string> kpi_ids;
  for (auto& k : kpis()) kpi_ids.push_back(k.id);
  return {
      // The dashboard (000 §3.5-3.7; CSIF "Big 3").
      key("dashboard.levels", K::string_list, true, "the rating levels, best first (000 §3.7 \"the defined rating system\")"),
      key("dashboard.level_meanings", K::table, false, "what each level means, for those who rate"),
      key("dashboard.level_meanings.*", K::string, false, "what the level means"),
      key("dashboard.big3", K::table, true, "the CSIF Big 3 priorities by id"),
      key("dashboard.big3.*", K::string, true, "the priority's wording"),
      key("dashboard.kpis", K::table, true, "the KPIs of the dashboard, in the order reports show them"),
      choice("dashboard.kpis.*.area", areas, "the Dashboard/EIF area the KPI belongs to"),
      key("dashboard.kpis.*.big3", K::string, true, "the Big 3 priority the KPI serves (a key of dashboard.big3)"),
      key("dashboard.kpis.*.source", K::string, false, "where the KPI comes from in the CSIF or the QA policy"),
      key("dashboard.kpis.*.strong_looks_like", K::string, false, "the CSIF's measurable outcome for the KPI"),
      // Intervention tiers (000 §5.2), computed by the tiers script.
      number("thresholds.params.area_strong_from", 1, 4, "mean score (weak 1 .. strong 4) at which an area is strong"),
      number("thresholds.params.area_secure_from", 1, 4, "mean score at which an area is secure"),
      number("thresholds.params.area_developing_from", 1, 4, "mean score at which an area is developing"),
      key("thresholds.params.weak_kpi_caps_area", K::boolean, false, "one weak KPI keeps its area at developing or below"),
      choice("thresholds.params.unrated_area", dashboard_levels(), "how an area with no rating at all counts"),
      number("thresholds.params.formal_min_weak_areas", 1, 4, "weak areas that put a school in Formal Intervention"),
      number("thresholds.params.formal_min_weak_kpis", 1, 100, "weak KPIs that put a school in Formal Intervention"),
      number("thresholds.params.early_min_developing_areas", 1, 4,
             "areas at developing or below that put a school in Early Intervention"),
      number("thresholds.params.early_min_weak_kpis", 1, 100, "weak KPIs that put a school in Early Intervention"),
      key("thresholds.params.limiting_kpis", K::string_list, false, "KPIs that, rated weak, mean Formal Intervention"),
      number("thresholds.params.enquiry_persistent_absence_above", 0, 100,
             "persistent absence (%) that is a question for enquiry beside a good attendance rating (000 §3.8.1)"),
      number("thresholds.params.enquiry_overall_absence_above", 0, 100,
             "overall absence (%) that is a question for enquiry beside a good attendance rating"),
      // The Ofsted window (000 §3.10.9).
      number("ofsted.window_after_years", 0, 10, "years after its last inspection that a school is within its Ofsted window"),
      key("ofsted.window_after_years_by_grade", K::table, false, "the same, by the last inspection's grade"),
      number("ofsted.window_after_years_by_grade.*", 0, 10, "years, for schools last judged this grade"),
      key("ofsted.no_inspection_in_window", K::boolean, false, "a school with no inspection on record is within its window"),
      key("ofsted.external_professional", K::string, false, "how the external professional is named in visits"),
      // Partners (000 §3.10.2).
      key("partners", K::table, false, "URN = the allocated QA & Improvement partner (evidence qa_partner wins)"),
      key("partners.*", K::string, false, "the partner's name"),
      // The boards (000 §3.9, §3.11, §6.1).
      choice("boards.ascb_half_term", half_terms(), "when the Annual Support and Challenge Board sits (000 §3.9.1)"),
      key("boards.ascb_attendees", K::string_list, false, "who sits on the Annual Support and Challenge Board"),
      key("boards.spsb_half_terms", K::string_list, true, "the half-term of each term's SPSB (000 §3.11.1)"),
      key("boards.spsb_attendees", K::string_list, false, "who sits on the SPSB"),
      key("boards.forum_attendees", K::string_list, false, "who attends the QA Intelligence Sharing Forum"),
      number("boards.forum_working_days_before_spsb", 1, 60, "school days (term time) the forum sits before the SPSB (000 §3.10.11)"),
      number("boards.standards_report_working_days_after_spsb", 1, 60,
             "working days (the office's, all year) after the SPSB the Standards Committee report is due (000 §6.1)"),
      // Each school's year (000 §3.7-3.10).
      number("school_year.planning_visit_within_working_days", 1, 60,
             "school days (term time) after the Annual Board within which the planning visit falls (000 §3.10.5)"),
      number("school_year.self_assessment_working_days_before_spsb", 1, 60,
             "school days (term time) before the SPSB the dashboard self-assessment is due (000 §3.7)"),
      // Collaborative enquiry (000 §3.10.6-3.10.9).
      number("enquiry.autumn_within_working_days_of_planning_visit", 1, 60,
             "the autumn enquiry's window after the planning visit, in school days (term time)"),
      choice("enquiry.spring_half_term", half_terms(), "when the spring enquiry takes place"),
      choice("enquiry.summer_half_term", half_terms(), "when the summer enquiry takes place"),
      choice("enquiry.focus", {"weakest", "rotation"},
             "the area each enquiry looks into: the weakest area as assessed, or the rotation"),
      key("enquiry.rotation", K::string_list, false, "the areas in turn, one a term"),
      key("enquiry.team", K::string_list, false, "who joins the partner on the visit (000 §3.10.7)"),
      // Data submissions (000 §3.8).
      key("data_submissions.half_terms", K::string_list, true, "when each term's data drop is due, one a term"),
      key("data_submissions.items", K::string_list, true, "what each drop holds (000 §3.8.1)"),
      key("data_submissions.special_school_tracking", K::string, false,
          "the tracking item for special schools (communication and cognition)"),
      // The CSIF calendar table.
      key("csif", K::table, false, "the CSIF QA calendar, one table per row"),
      key("csif.*.title", K::string, true, "the activity"),
      choice("csif.*.type", {"visit", "meeting", "deadline", "submission", "review", "network"}, "its kind"),
      choice("csif.*.scope", {"school", "trust"}, "each school's, or the trust's"),
      key("csif.*.half_terms", K::string_list, true, "the half-terms it happens in"),
      key("csif.*.attendees", K::string_list, false, "roles"),
      key("csif.*.documents", K::string_list, false, "documents it needs"),
      key("csif.*.deadline", K::boolean, false, "a due date rather than an event"),
  };
}

}  // namespace

RegimeDescription describe_regime() {
  RegimeDescription d;
  d.id = "nexus-mat";
  d.name = "Nexus MAT quality assurance and improvement (CSIF dashboard and intervention tiers)";
  d.version = "1.0.0";
  d.scales = {
      // 000 §3.7: the seed leaves "the defined rating system" open. Four
      // levels, best first; policies/nexus.toml says what each means.
      {"dashboard", "Dashboard rating",
       {{"strong", "Strong", "#1b5e20"},
        {"secure", "Secure", "#558b2f"},
        {"developing", "Developing", "#ef6c00"},
        {"weak", "Weak", "#b71c1c"}}},
      // 000 §5.2: "Prevention (from decline), Early Intervention or Formal Intervention".
      {"tier", "Intervention tier",
       {{"prevention", "Prevention (from decline)", "#1565c0"},
        {"early_intervention", "Early Intervention", "#6a1b9a"},
        {"formal_intervention", "Formal Intervention", "#37474f"}}},
  };
  d.overall_scale = "tier";
  // 000 §3.10.6: "one of the four areas of the Dashboard/EIF".
  d.areas = {{"quality_of_education", "Quality of education"},
             {"behaviour_and_attitudes", "Behaviour and attitudes"},
             {"personal_development", "Personal development"},
             {"leadership_and_management", "Leadership and management"}};
  d.indicators = kpis();
  // 000 §3.7: each KPI, and so each area, is rated on the dashboard scale.
  for (auto& a : d.areas) d.subject_scales.push_back({a.id, "dashboard"});
  for (auto& k : d.indicators) d.subject_scales.push_back({k.id, "dashboard"});
  for (auto& e : evidence_indicators()) d.indicators.push_back(e);
  // The stages in the order they happen: the head's self-assessment, the tier
  // Trellis proposes from it, then the board's moderation before the executive
  // reports to Directors. Who records each stage, in the kernel's role ids,
  // from the policy (shared/seeds/000):
  // - self: the school's head. 000 §3.7: "Headteachers are required to self-assess the strength of
  //   practice in school for each indicator ... on a termly basis."
  // - computed: Trellis's tier from the thresholds (000 §5.2); nobody records it.
  // - moderated: the board. 000 §3.7: the ratings "are then moderated by the Trust executive at the
  //   Schools' Performance Scrutiny Board"; §3.11.2: the SPSB "Moderates the school's self-assessment
  //   in the Dashboard"; §3.11.3: it is "a formal subcommittee of the Trust Board".
  d.stages = {{"self", {"head"}}, {"computed", {}}, {"moderated", {"board"}}};
  d.reported_stage = "moderated";  // 000 §3.11: only moderated ratings go to Directors
  // 000 §3.11.2: the SPSB's moderation is what the executive reports, so its
  // rating of the overall tier is the trust's decision.
  d.deciding_stage = "moderated";
  d.policy_keys = policy_keys();
  d.threshold_scripts = {"tiers"};
  return d;
}

}  // namespace nexus
