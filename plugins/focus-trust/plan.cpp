// The regime's activity rules, dated by the kernel's scheduler from the
// body's calendar. Every number and list of people is a policy key.
#include "ft_regime.hpp"
#include "trellis/sdk/activity_rules.hpp"
#include "trellis/sdk/policy_keys.hpp"

namespace ft {
namespace {

struct TermVisit {
  std::string term, rule;
};

/// §06: one partnership visit a term; the summer one is the Roundtable (§07).
std::vector<TermVisit> term_visits() {
  return {{"autumn", "ft-06.visit.autumn"}, {"spring", "ft-06.visit.spring"}, {"summer", "ft-07.roundtable"}};
}

void visits(const AssessmentOut& a, const PolicyView& p, std::vector<ActivityRule>& out) {
  const auto agenda = p.texts("visits.agenda");
  for (const auto& [term, rule] : term_visits()) {
    if (term == "summer") {
      ActivityRule r = activity_rule(rule, "meeting", "Roundtable evaluation: the annual evaluation of academy improvement",
                                     Cadence::in_half_term, p.texts("roundtable.personnel"),
                                     "§06, §07: the summer term visit is the Roundtable; its written report, and an "
                                     "edited version for sharing with Ofsted");
      r.window = p.text("roundtable.half_term").value();
      r.documents = agenda;
      r.documents.insert(r.documents.begin(), "Headlines of annual summary data (§03)");
      for (const auto& area : describe_regime().areas) r.documents.push_back("Leadership impact rated: " + area.label);
      out.push_back(std::move(r));
      continue;
    }
    ActivityRule r = activity_rule(rule, "visit", "Partnership visit (" + term + " term)", Cadence::per_term,
                                   p.texts("visits.attendees"),
                                   "§06: at least three partnership visits a year, one each term, on the agreed template");
    r.window = term;
    r.documents = agenda;
    if (term == "autumn")
      r.documents.push_back("Improvement plan checked against the six success criteria, recorded by the AIP (§13)");
    out.push_back(std::move(r));
  }
  // §07, the second context: a Roundtable as an intervention meeting about an
  // underperforming academy, held soon after a red RAG.
  if (a.level == "red") {
    ActivityRule r = activity_rule("ft-07.intervention-roundtable", "meeting",
                                   "Roundtable: intervention meeting on an underperforming academy", Cadence::within,
                                   p.texts("roundtable.personnel"),
                                   "§07: the Roundtable as a forum for an intervention meeting about an underperforming "
                                   "academy; a red RAG proposes formal intervention, the Chief Executive decides");
    r.offset_days = whole_number(p, "roundtable.intervention_within_school_days");
    r.day_kind = DayKind::school;
    r.documents = {"The termly RAG and its reasons", "Additional support the Trust could provide"};
    out.push_back(std::move(r));
  }
  // Earned autonomy ("Trust intervention"): more visits for a less successful academy. The policy
  // gives a number for each RAG level; a school not yet assessed (`trellis plan`), or judged on
  // too little evidence, has none of them and gets the visits every academy gets.
  const bool rag = a.level == "green" || a.level == "amber" || a.level == "red";
  if (const int extra = rag ? whole_number(p, "visits.extra_per_term." + a.level) : 0; extra > 0) {
    ActivityRule r = activity_rule("ft-06.additional-visit", "visit", "Additional partnership visit (" + a.level + ")",
                                   Cadence::per_term, p.texts("visits.attendees"),
                                   "§06 \"more if deemed necessary\"; Trust intervention: earned autonomy", extra);
    r.documents = agenda;
    out.push_back(std::move(r));
  }
}

/// §05, §12, §04: the KPIs, the self-evaluation statement and the teaching
/// profile, each due before the term's visit, which discusses them.
void termly_returns(const PolicyView& p, std::vector<ActivityRule>& out) {
  const int days = whole_number(p, "termly_returns.school_days_before_visit");
  for (const auto& [term, visit] : term_visits()) {
    const auto due = [&](const std::string& id, const std::string& title, const std::string& note,
                         const std::string& document) {
      ActivityRule r = deadline_rule(return_rule(id, term), title + " (" + term + " term)", Cadence::before, visit, days,
                                     DayKind::school, {"Principal"}, note);
      r.documents = {document};
      out.push_back(std::move(r));
    };
    due(kKpiReturn, "Key performance indicators due",
        "§05: KPIs every term, the basis for the partnership visit", "KPI return");
    due(kSesReturn, "Self-evaluation statement due",
        "§12: updated at least termly; its headlines discussed at the termly partnership visit",
        "Self-evaluation statement (headlines)");
    due(kProfileReturn, "Teaching profile due", "§04: completed on an ongoing basis, as a minimum termly",
        "Teaching profile");
  }
  ActivityRule summary = deadline_rule("ft-03.annual-summary-data", "Headlines of annual summary data due",
                                       Cadence::before, "ft-07.roundtable",
                                       whole_number(p, "roundtable.summary_data_school_days_before"), DayKind::school,
                                       {"Principal"}, "§03: at the end of the summer term, for discussion at the Roundtable");
  out.push_back(std::move(summary));
  ActivityRule statement = deadline_rule("ft-08.annual-report-statement",
                                         "Statement for the Annual Report to Parents agreed", Cadence::after,
                                         "ft-07.roundtable",
                                         whole_number(p, "roundtable.report_statement_working_days_after"),
                                         DayKind::working, {"Chief Executive", "Principal"},
                                         "§08: agreed by the Trust following the Roundtable and end of year data");
  out.push_back(std::move(statement));
}

/// §02: data drops, half-termly, on the agreed dates.
void data_drops(const PolicyView& p, std::vector<ActivityRule>& out) {
  const auto dates = p.texts("data_drops.dates");
  const std::string note = "§02: the tracking system updated half termly in line with the agreed data drop dates";
  if (dates.empty()) {
    ActivityRule r = activity_rule("ft-02.data-drop", "deadline", "Data drop", Cadence::per_half_term, {"Principal"}, note);
    r.is_deadline = true;
    out.push_back(std::move(r));
    return;
  }
  for (std::size_t i = 0; i < dates.size(); ++i) {
    ActivityRule r = activity_rule("ft-02.data-drop." + dates[i], "deadline", "Data drop", Cadence::on_date,
                                   {"Principal"}, note);
    r.anchor_date = dates[i];
    r.is_deadline = true;
    out.push_back(std::move(r));
  }
}

void support(const EvidenceView& school, const PolicyView& p, std::vector<ActivityRule>& out) {
  const std::string urn = std::to_string(school.school().urn);
  // Role of the Focus Education Consultant: six days a year.
  if (const int days = whole_number(p, "consultancy.days_per_year"); days > 0)
    out.push_back(activity_rule("ft-fec.consultancy-day", "visit", "Focus Education consultancy day", Cadence::per_year,
                                p.texts("consultancy.attendees"),
                                "Role of the Focus Education Consultant: days bespoke to the agreed improvement "
                                "priorities; a Note of Visit to the Principal within three days, agreed within a week",
                                days));
  // Teaching and Learning Review: annual, or twice a year by the Ofsted cycle.
  const int reviews = p.has("tl_review.per_year_by_urn." + urn) ? whole_number(p, "tl_review.per_year_by_urn." + urn)
                                                                  : whole_number(p, "tl_review.per_year");
  ActivityRule review = activity_rule("ft-tlr.review", "review", "Teaching and Learning Review", Cadence::per_year,
                                      p.texts("tl_review.attendees"),
                                      "Teaching and Learning Review: annual or twice a year depending on the Ofsted cycle",
                                      reviews);
  review.documents = {"Pupil voice", "Observation of teaching and learning", "Learning walks", "Scrutiny of work",
                      "Scrutiny of pupil outcomes data", "Parent/carer discussions", "Scrutiny of planning"};
  out.push_back(std::move(review));
  // Trust intervention: formal intervention is the Chief Executive's recorded
  // decision, standing until another ends it; a Task Group meets monthly
  // (in term time: the scheduler places meetings on school days).
  if (school.rating(kIntervention, kDecidingStage).value_or("") == kFormal) {
    ActivityRule tg = activity_rule("ft-int.task-group", "meeting",
                                    "Task Group: progress towards the academy improvement priorities", Cadence::monthly,
                                    p.texts("intervention.task_group"),
                                    "Trust intervention: where formal intervention is required a Task Group is "
                                    "established and monthly meetings held",
                                    whole_number(p, "intervention.task_group_per_month"));
    for (const auto& s : p.texts("intervention.support." + urn)) tg.documents.push_back("Additional support: " + s);
    out.push_back(std::move(tg));
  }
}

}  // namespace

std::vector<ActivityRule> academy_rules(const EvidenceView& school, const AssessmentOut& a, const PolicyView& p) {
  std::vector<ActivityRule> out;
  visits(a, p, out);
  termly_returns(p, out);
  data_drops(p, out);
  support(school, p, out);
  return out;
}

std::vector<ActivityRule> trust_rules(const PolicyView& p) {
  std::vector<ActivityRule> out;
  for (const auto& half : p.texts("board.half_terms")) {
    ActivityRule r = activity_rule("ft-rag.board-report." + half, "report",
                                   "Termly RAG report from the Chief Executive to the Trust Board", Cadence::in_half_term,
                                   p.texts("board.attendees"),
                                   "Trust intervention: the Chief Executive provides a termly RAG report to the Trust "
                                   "Board; Part two: academies in Special Measures, RI or needing support discussed");
    r.window = half;
    r.is_deadline = true;
    r.documents = {"Each academy's RAG, direction of travel, reasons and who confirmed it",
                   "Summary of the partnership visits (§06)"};
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace ft
