// What the Nexus regime declares: the dashboard scale, the intervention
// tiers, the four Dashboard/EIF areas, the evidence it reads, the rating
// stages and the policy keys with their defaults. The KPIs and the Big 3
// priorities are the policy's ([indicators], [priorities]); the kernel merges
// them in, and validate.cpp checks they make a dashboard.
#include "nexus_regime.hpp"
#include "trellis/sdk/policy_keys.hpp"

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

// Evidence the plugin and its script read, as the kernel's importers name it.
// The dashboard's KPIs are the trust's own: [indicators] in policies/nexus.toml.
std::vector<IndicatorSpec> evidence_indicators() {
  return {
      {"ofsted_grade", "Ofsted overall effectiveness (1 Outstanding to 4 Inadequate)", "grade", Direction::lower_is_better, ""},
      {"ofsted_inspection_date", "Date of the last Ofsted inspection", "date", Direction::neutral, ""},
      {"overall_absence_pct", "Overall absence (% of sessions missed)", "%", Direction::lower_is_better, ""},
      {"persistent_absence_pct", "Persistent absentees (% of pupils)", "%", Direction::lower_is_better, ""},
      {"qa_partner", "Allocated QA & Improvement partner", "name", Direction::neutral, ""},
      // 000 §3.8.1: the termly data drop, as the trust's own file names it (examples/nexus/data-drops-*.csv).
      {"tracking_on_track_pct", "Pupils on track in reading, writing and maths (or communication and cognition)",
       "%", Direction::higher_is_better, ""},
      {"attendance_pct", "Attendance this term", "%", Direction::higher_is_better, ""},
      {"behaviour_incidents", "Behaviour incidents recorded this term", "incidents", Direction::lower_is_better, ""},
      {"child_on_child_incidents", "Child-on-child abuse incidents recorded this term", "incidents",
       Direction::lower_is_better, ""},
      {"safeguarding_referrals", "Safeguarding referrals this term", "referrals", Direction::neutral, ""},
  };
}

std::vector<PolicyKeySpec> policy_keys() {
  using namespace keys;
  auto days = [](std::string path, int value, std::string doc) {
    return number(std::move(path)).range(1, 60).default_value(value).doc(std::move(doc));
  };
  auto params = [](std::string name) { return "thresholds.params." + name; };
  return {
      // The dashboard (000 §3.5-3.7). Its KPIs and the Big 3 priorities they
      // serve are the policy's [indicators] and [priorities].
      list("dashboard.levels").required().doc("the rating levels, best first (000 §3.7 \"the defined rating system\")"),
      table("dashboard.level_meanings").doc("what each level means, for those who rate"),
      text("dashboard.level_meanings.*").doc("what the level means"),
      // Intervention tiers (000 §5.2), computed by the tiers script.
      number(params("area_strong_from")).range(1, 4).doc("mean score (weak 1 .. strong 4) at which an area is strong"),
      number(params("area_secure_from")).range(1, 4).doc("mean score at which an area is secure"),
      number(params("area_developing_from")).range(1, 4).doc("mean score at which an area is developing"),
      flag(params("weak_kpi_caps_area")).doc("one weak KPI keeps its area at developing or below"),
      text(params("unrated_area")).choices(dashboard_levels()).doc("how an area with no rating at all counts"),
      number(params("formal_min_weak_areas")).range(1, 4).doc("weak areas that put a school in Formal Intervention"),
      number(params("formal_min_weak_kpis")).range(1, 100).doc("weak KPIs that put a school in Formal Intervention"),
      number(params("early_min_developing_areas")).range(1, 4)
          .doc("areas at developing or below that put a school in Early Intervention"),
      number(params("early_min_weak_kpis")).range(1, 100).doc("weak KPIs that put a school in Early Intervention"),
      list(params("limiting_kpis")).doc("KPIs that, rated weak, mean Formal Intervention"),
      number(params("enquiry_persistent_absence_above")).range(0, 100)
          .doc("persistent absence (%) that is a question for enquiry beside a good attendance rating (000 §3.8.1)"),
      number(params("enquiry_overall_absence_above")).range(0, 100)
          .doc("overall absence (%) that is a question for enquiry beside a good attendance rating"),
      // 000 §3.8.1: the data drop's questions for further enquiry (the tiers script reads them).
      number(params("enquiry_on_track_below")).range(0, 100)
          .doc("% of pupils on track this term below which the drop raises a question"),
      number(params("enquiry_attendance_below")).range(0, 100)
          .doc("% attendance this term below which the drop raises a question"),
      number(params("enquiry_behaviour_incidents_above")).range(0, 10000)
          .doc("behaviour incidents this term above which the drop raises a question"),
      number(params("enquiry_child_on_child_above")).range(0, 10000)
          .doc("child-on-child abuse incidents this term above which the drop raises a question"),
      number(params("enquiry_safeguarding_referrals_above")).range(0, 10000)
          .doc("safeguarding referrals this term above which the drop raises a question"),
      // The Ofsted window (000 §3.10.9: "within the Ofsted window"; the seed gives no years).
      number("ofsted.window_after_years").range(0, 10).default_value(3)
          .doc("years after its last inspection that a school is within its Ofsted window"),
      table("ofsted.window_after_years_by_grade").doc("the same, by the last inspection's grade"),
      number("ofsted.window_after_years_by_grade.*").range(0, 10).doc("years, for schools last judged this grade"),
      flag("ofsted.no_inspection_in_window").default_value(true)
          .doc("a school with no inspection on record is within its window"),
      text("ofsted.external_professional").default_value("External professional (Ofsted window)")
          .doc("how the external professional is named in visits"),
      // Partners (000 §3.10.2).
      table("partners").doc("URN = the allocated QA & Improvement partner (evidence qa_partner wins)"),
      text("partners.*").doc("the partner's name"),
      // The boards (000 §3.9, §3.11, §6.1).
      text("boards.ascb_half_term").choices(half_terms()).default_value("autumn-1")
          .doc("when the Annual Support and Challenge Board sits (000 §3.9.1)"),
      list("boards.ascb_attendees")
          .default_value(std::vector<std::string>{"CEO", "Assistant CEO - School Improvement", "Headteachers",
                                                  "QA & Improvement partners"})
          .doc("who sits on the Annual Support and Challenge Board"),
      list("boards.spsb_half_terms").default_value(std::vector<std::string>{"autumn-2", "spring-2", "summer-2"})
          .doc("the half-term of each term's SPSB (000 §3.11.1 \"each term\")"),
      list("boards.spsb_attendees")
          .default_value(std::vector<std::string>{"CEO", "Assistant CEO - School Improvement", "Trust executive"})
          .doc("who sits on the SPSB"),
      list("boards.forum_attendees")
          .default_value(std::vector<std::string>{"Assistant CEO - School Improvement", "QA & Improvement partners"})
          .doc("who attends the QA Intelligence Sharing Forum"),
      days("boards.forum_working_days_before_spsb", 5,
           "school days (term time) the forum sits before the SPSB (000 §3.10.11)"),
      days("boards.standards_report_working_days_after_spsb", 15,
           "working days (the office's, all year) after the SPSB the Standards Committee report is due (000 §6.1)"),
      days("boards.directors_report_working_days_after_standards", 20,
           "working days after its report is due that the Standards Committee reports on to the Board of Directors "
           "(000 §6.1)"),
      // Each school's year (000 §3.7-3.10).
      days("school_year.planning_visit_within_working_days", 15,
           "school days (term time) after the Annual Board within which the planning visit falls (000 §3.10.5)"),
      days("school_year.self_assessment_working_days_before_spsb", 10,
           "school days (term time) before the SPSB the dashboard self-assessment is due (000 §3.7)"),
      // Collaborative enquiry (000 §3.10.6-3.10.9).
      days("enquiry.autumn_school_days_before_forum", 10,
           "school days (term time) before the autumn QA Intelligence Sharing Forum that the autumn enquiry is held, "
           "so its feedback reaches the Forum (000 §3.10.11)"),
      text("enquiry.spring_half_term").choices(half_terms()).default_value("spring-1")
          .doc("when the spring enquiry takes place"),
      text("enquiry.summer_half_term").choices(half_terms()).default_value("summer-1")
          .doc("when the summer enquiry takes place"),
      text("enquiry.focus").choices({"weakest", "rotation"}).default_value("rotation")
          .doc("the area each enquiry looks into: the rotation (three different areas a year, never changed by a "
               "re-assessment), or the weakest area as assessed for the terms after it"),
      text("enquiry.weakest_ties").choices({"rotation"})
          .doc("with focus = \"weakest\": how a tie between areas is broken (the earlier area of the rotation)"),
      list("enquiry.rotation").doc("the areas in turn, one a term (default: the four areas in order)"),
      list("enquiry.team").default_value(std::vector<std::string>{"Headteacher", "Peer headteacher (wherever possible)"})
          .doc("who joins the partner on the visit (000 §3.10.7)"),
      // Data submissions (000 §3.8).
      list("data_submissions.half_terms").default_value(std::vector<std::string>{"autumn-1", "spring-1", "summer-1"})
          .doc("when each term's data drop is due, one a term"),
      list("data_submissions.items").required().doc("what each drop holds (000 §3.8.1)"),
      list("data_submissions.evidence")
          .default_value(std::vector<std::string>{"tracking_on_track_pct", "attendance_pct", "behaviour_incidents",
                                                  "child_on_child_incidents", "safeguarding_referrals"})
          .doc("the evidence a term's drop must hold for the term; one missing makes the drop overdue at its deadline"),
      // 000 §5.2: the tier guides the support; the seed defers the detail to
      // the Academies of Concern policy, so the policy declares it.
      table("tier_support").doc("extra activities per tier: [tier_support.TIER.ID]"),
      table("tier_support.*").doc("the tier's extra activities"),
      text("tier_support.*.*.title").required().doc("the activity"),
      text("tier_support.*.*.type").choices({"visit", "meeting", "review", "report"}).doc("its kind"),
      text("tier_support.*.*.cadence").choices({"monthly", "per_half_term", "per_term"})
          .doc("how often, from the assessment on (default monthly)"),
      number("tier_support.*.*.count").range(1, 10).doc("how many each half-term or term (default 1)"),
      list("tier_support.*.*.attendees").doc("roles"),
      list("tier_support.*.*.documents").doc("documents it needs"),
      text("data_submissions.special_school_tracking")
          .default_value("Tracking and outcomes data in reading, writing and maths, or communication and cognition "
                         "where these are not taught explicitly")
          .doc("the tracking item for special schools (000 §3.8.1: \"or where these subjects are not taught "
               "explicitly communication and cognition\")"),
      // Letters to heads, in the Trust's words (000 §5.2, figure 4 "Tiers of intervention").
      table("notification").doc("the letters to headteachers"),
      text("notification.level_word").default_value("tier of intervention")
          .doc("what a letter calls the school's level (000 §5.3 figure 4: \"Tiers of intervention\")"),
      text("notification.offer").doc("what the Trust offers the headteacher, closing each letter (000 §5.1-5.2)"),
      // The CSIF calendar table.
      table("csif").doc("the CSIF QA calendar, one table per row"),
      text("csif.*.title").required().doc("the activity"),
      text("csif.*.type").choices({"visit", "meeting", "deadline", "submission", "review", "network"}).doc("its kind"),
      text("csif.*.scope").choices({"school", "trust"}).doc("each school's, or the trust's"),
      list("csif.*.half_terms").required().doc("the half-terms it happens in"),
      list("csif.*.attendees").doc("roles"),
      list("csif.*.documents").doc("documents it needs"),
      flag("csif.*.deadline").doc("a due date rather than an event"),
  };
}

}  // namespace

namespace {

RegimeDescription build_description() {
  RegimeDescription d;
  d.name = "Nexus MAT quality assurance and improvement (CSIF dashboard and intervention tiers)";
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
  // 000 §3.7: each area is rated on the dashboard scale; so is each KPI,
  // which the policy declares with scale = "dashboard".
  for (auto& a : d.areas) d.subject_scales.push_back({a.id, "dashboard"});
  d.indicators = evidence_indicators();
  // What the policy declares: 000 §3.6 leaves the KPIs to the Trust ("a
  // suite of key performance indicators which align to the Ofsted Education
  // Inspection Framework but go beyond it"), and the CSIF's Big 3 priorities
  // are the Trust's own. Fixed here: the two scales (the tiers script scores
  // the four dashboard levels weak 1 .. strong 4, and 000 §5.2 names the three
  // tiers) and the four areas (000 §3.10.6 "one of the four areas of the
  // Dashboard/EIF").
  d.from_policy.indicators = true;
  d.from_policy.priorities = true;
  d.from_policy.stage_labels = true;
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

}  // namespace

// Built once: assess and plan read it for every school (issue 18).
const RegimeDescription& describe_regime() {
  static const RegimeDescription d = build_description();
  return d;
}

}  // namespace nexus
