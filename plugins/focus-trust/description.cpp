// What the Focus-Trust regime declares: the termly RAG scale, the Roundtable's
// five areas of leadership impact (§07), the Chief Executive's formal
// intervention decision ("Trust intervention"), the evidence the RAG reads,
// and the policy keys with their defaults. The KPIs (§05) are the policy's own
// [indicators] in its [areas.kpis].
#include "ft_regime.hpp"
#include "trellis/sdk/policy_keys.hpp"

namespace ft {
namespace {

using texts = std::vector<std::string>;


std::vector<PolicyKeySpec> policy_keys() {
  using namespace keys;
  return {
      // §06: at least three partnership visits a year, one a term, more if needed
      // (earned autonomy: more for a less successful academy).
      list("visits.attendees").default_value(texts{"Academy Improvement Partner", "Principal"})
          .doc("who holds each termly partnership visit (§06)"),
      integer("visits.extra_per_term.green").range(0, 6).default_value(0)
          .doc("partnership visits a term beyond the one every academy has, for a green academy"),
      integer("visits.extra_per_term.amber").range(0, 6).default_value(0).doc("likewise for amber"),
      integer("visits.extra_per_term.red").range(0, 6).default_value(1).doc("likewise for red"),
      list("visits.agenda")
          .default_value(texts{"Contextual issues with pupils and staffing", "Current strengths and challenges",
                               "At least one improvement-plan focus evaluated in detail", "Attendance data",
                               "Attainment and progress by cohort", "Teaching by year group",
                               "The most important actions going forward"})
          .doc("the visit's checklist (§06), reported on the agreed template"),
      integer("termly_returns.school_days_before_visit").range(1, 30).default_value(5)
          .doc("school days before each term's visit that the KPIs (§05), the self-evaluation statement (§12) "
               "and the teaching profile (§04) are due"),
      // §07: the Roundtable.
      text("roundtable.half_term").choices(texts{"summer-1", "summer-2"}).default_value("summer-2")
          .doc("when the summer Roundtable is held (§06: the summer term visit)"),
      list("roundtable.personnel")
          .default_value(texts{"Principal and SLT", "Chair of Governors (and governors if available)",
                               "Chief Executive", "Academy Improvement Partner", "Trustee Advocate"})
          .doc("who takes part (§07); others may be invited"),
      integer("roundtable.intervention_within_school_days").range(1, 60).default_value(15)
          .doc("school days after a red RAG within which a Roundtable meets as an intervention meeting (§07)"),
      integer("roundtable.summary_data_school_days_before").range(1, 30).default_value(5)
          .doc("school days before the Roundtable that the annual summary data (§03) is due"),
      integer("roundtable.report_statement_working_days_after").range(1, 60).default_value(10)
          .doc("working days after the Roundtable to agree the statement for the Annual Report to Parents (§08)"),
      // §02: data drops.
      list("data_drops.dates")
          .doc("the agreed data drop dates (YYYY-MM-DD, §02); none: the last school day of each half-term"),
      // Role of the Focus Education Consultant.
      integer("consultancy.days_per_year").range(0, 50).default_value(6)
          .doc("days of Focus Education consultancy each academy receives a year"),
      list("consultancy.attendees").default_value(texts{"Focus Education Consultant", "Principal"})
          .doc("who the consultancy days are with"),
      // Teaching and Learning Review: annual or twice a year by the Ofsted cycle.
      integer("tl_review.per_year").range(1, 2).default_value(1).doc("Teaching and Learning Reviews a year"),
      table("tl_review.per_year_by_urn").doc("URN = reviews a year for that academy (1 or 2)"),
      integer("tl_review.per_year_by_urn.*").range(1, 2).doc("reviews a year"),
      list("tl_review.attendees")
          .default_value(texts{"Chief Executive", "Academy Improvement Partner", "Principal's Peer Review Group",
                               "Consultants as required"})
          .doc("who takes part"),
      // Trust intervention.
      list("board.half_terms").default_value(texts{"autumn-2", "spring-2", "summer-2"})
          .doc("when the Chief Executive's termly RAG report goes to the Trust Board"),
      list("board.attendees").default_value(texts{"Chief Executive", "Trust Board"}).doc("who reports, who receives"),
      integer("intervention.task_group_per_month").range(1, 4).default_value(1)
          .doc("Task Group meetings a month while formal intervention lasts"),
      list("intervention.task_group")
          .default_value(texts{"Chief Executive", "Academy Improvement Partner", "Principal", "Chair of Governors"})
          .doc("who sits on the Task Group"),
      list("intervention.support_options")
          .default_value(texts{"consultancy support", "support from another school or academy",
                               "appointment of an executive or associate leader",
                               "deployment of Focus leader, NLE, LLE, SLE", "appointment of additional governors"})
          .doc("the additional support the seed lists"),
      table("intervention.support").doc("URN = the support chosen for an academy in formal intervention"),
      list("intervention.support.*").doc("chosen from intervention.support_options"),
  };
}

}  // namespace

namespace {

RegimeDescription build_description() {
  RegimeDescription d;
  d.name = "Focus-Trust academy improvement (termly RAG, partnership visits, Roundtable, Task Group)";
  d.scales = {{"rag", "RAG", {{"green", "Green", "#2e7d32"}, {"amber", "Amber", "#f9a825"}, {"red", "Red", "#c62828"}}},
              {kIntervention, "Trust intervention",
               {{"none", "No formal intervention", ""}, {kFormal, "Formal intervention", "#37474f"}}}};
  d.overall_scale = "rag";
  // §07: leadership judged on its impact on these five, each rated at the Roundtable.
  d.areas = {{"pupil_outcomes", "Pupil outcomes"},
             {"personal_development", "Personal development, behaviour and welfare"},
             {"teaching_learning", "Teaching, learning and assessment"},
             {"smsc", "Spiritual, moral, social and cultural development"},
             {"capacity", "Capacity for improvement"}};
  d.indicators = {
      {"data_drop_on_track_pct", "Pupils on track at the half-termly data drop (§02)", "%", Direction::higher_is_better, ""},
      {"partnership_visit_outcome", "Partnership visit outcome (§06)", "rag", Direction::neutral, ""},
      {"annual_summary_data", "Headlines of annual summary data returned (§03)", "return", Direction::neutral, ""},
      {"self_evaluation_statement", "Self-evaluation statement returned (§12)", "return", Direction::neutral, ""},
      {"teaching_profile_good_pct", "Teaching profile: teaching good or better (§04)", "%", Direction::higher_is_better, ""},
      {"consultancy_days_used", "Focus Education consultancy days used so far this year", "days", Direction::neutral, ""},
      {"visit_concern", "Concern raised during a visit", "note", Direction::neutral, ""},
      // §13: the improvement plan against the six success criteria (1 met, 0 not).
      {"ip_measurable_targets", "Clear, measurable success criteria for each target (§13)", "met", Direction::higher_is_better, ""},
      {"ip_timescales", "Clear timescales with interim milestones (§13)", "met", Direction::higher_is_better, ""},
      {"ip_sequenced_actions", "Well sequenced actions identifying who is responsible (§13)", "met", Direction::higher_is_better, ""},
      {"ip_monitoring", "Who monitors and evaluates, and how (§13)", "met", Direction::higher_is_better, ""},
      {"ip_external_validation", "External evaluation and validation, including the Trust (§13)", "met", Direction::higher_is_better, ""},
      {"ip_resources", "Resources required identified (§13)", "met", Direction::higher_is_better, ""},
      {kIntervention, "Formal intervention (the Chief Executive's decision)", "decision", Direction::neutral, ""}};
  d.subject_scales = {{kIntervention, kIntervention}};
  d.from_policy.areas = true;       // [areas.kpis]
  d.from_policy.indicators = true;  // the KPIs (§05)
  d.from_policy.stage_labels = true;
  // Part two: the RAG is computed, the Roundtable rates its five areas, the
  // Chief Executive confirms (and decides formal intervention).
  d.stages = {{"computed", {}}, {"moderated", {"board"}}, {kDecidingStage, {"board"}}};
  d.deciding_stage = kDecidingStage;
  d.policy_keys = policy_keys();
  d.threshold_scripts = {"rag"};
  return d;
}

}  // namespace

// Built once: assess and plan read it for every school (issue 18).
const RegimeDescription& describe_regime() {
  static const RegimeDescription d = build_description();
  return d;
}

}  // namespace ft
