#include "nexus_regime.hpp"
#include "trellis/sdk/plugin.hpp"
#include "trellis/sdk/school_kinds.hpp"

namespace nexus {
namespace {

std::string tier_label(const std::string& id) {
  for (auto& scale : describe_regime().scales)
    if (scale.id == "tier")
      for (auto& l : scale.levels)
        if (l.id == id) return l.label;
  return id;
}

std::string dashboard_label(const std::string& id) {
  for (auto& scale : describe_regime().scales)
    if (scale.id == "dashboard")
      for (auto& l : scale.levels)
        if (l.id == id) return l.label;
  return id;
}

/// Why an area is provisional, e.g. "2 of 4 indicators not yet moderated by the SPSB".
std::string provisional_words(const AreaStanding& a) {
  if (a.unrated) return "none of its " + std::to_string(a.indicators) + " indicators is rated";
  return std::to_string(a.indicators - a.moderated) + " of " + std::to_string(a.indicators) +
         " indicators not yet moderated by the SPSB";
}

/// 000 §3.11.2: the line for Directors: which areas are provisional, the
/// areas on the SPSB's moderated ratings alone (which the tier is judged on),
/// and the tier the self-assessments not yet moderated would give.
std::string directors_line(const std::vector<AreaStanding>& provisional, const ThresholdOutcome& moderated_only,
                           const std::string& with_self, const PolicyView& policy) {
  std::string areas;
  for (std::size_t i = 0; i < provisional.size(); ++i)
    areas += (i == 0 ? "" : i + 1 == provisional.size() ? " and " : ", ") + provisional[i].label + " (" +
             provisional_words(provisional[i]) + ")";
  std::string board;
  for (auto& r : moderated_only.ratings) {
    std::string label = r.subject;
    for (auto& a : describe_regime().areas)
      if (a.id == r.subject) label = a.label;
    board += (board.empty() ? "" : ", ") + label + " " + dashboard_label(r.level);
  }
  const std::string unrated = dashboard_label(policy.text("thresholds.params.unrated_area").value_or("developing"));
  return "Provisional (000 §3.7, §3.11.2): the SPSB has not yet moderated every rating, in " + areas +
         ". The tier, " + tier_label(moderated_only.level) +
         ", is judged on the SPSB's moderated ratings alone, as reported to Directors (" + board +
         "; an area with no moderated rating counts as " + unrated +
         "); counting the self-assessments not yet moderated, it would be " + tier_label(with_self) + ".";
}

}  // namespace

Status NexusRegime::do_assess(const AssessmentRequest& in, AssessmentOut& out) const {
  const SchoolInfo& school = in.evidence.school();
  if (closed_school(school, "Not placed in a tier", out)) return Status::success();
  // 000 §5.2: the aggregated dashboard judgements place the school in a
  // tier. The aggregation is the policy's Lua script; the moderated rating
  // of each KPI stands over the self-assessment (000 §3.11).
  const auto dashboard = rate_dashboard(in.evidence, in.policy);
  ThresholdOutcome tier = in.thresholds.run("tiers", in.evidence, dashboard_facts(dashboard));
  if (!tier.status) return tier.status;
  out.level = tier.level;
  out.reasons = std::move(tier.reasons);
  // 000 §3.7, §3.11.2: the SPSB moderates before the executive reports to
  // Directors, so a tier resting on any rating it has not moderated is
  // provisional, and Directors see the tier on moderated ratings alone.
  const auto provisional = provisional_areas(dashboard);
  if (!provisional.empty()) {
    auto board = dashboard;
    for (auto& k : board) k.self.reset();
    ThresholdOutcome moderated_only = in.thresholds.run("tiers", in.evidence, dashboard_facts(board));
    if (!moderated_only.status) return moderated_only.status;
    // 000 §3.11.2: the Directors' report is computed from moderated ratings only: so is the tier.
    // The areas' lines stay those of the whole dashboard, as the area ratings do; the tier's line is the board's.
    const std::string with_self = out.level;
    out.level = moderated_only.level;
    if (!moderated_only.reasons.empty() && !out.reasons.empty()) out.reasons.front() = moderated_only.reasons.front();
    out.reasons.insert(out.reasons.begin() + (out.reasons.empty() ? 0 : 1),
                       directors_line(provisional, moderated_only, with_self, in.policy));
  }
  for (auto& note : rating_notes(dashboard, in.evidence.period(), in.policy)) out.reasons.push_back(std::move(note));
  // 000 §3.8: a term's data drop not yet received in full.
  if (const auto missing = missing_drop(in.evidence, in.policy); !missing.empty()) {
    std::string items;
    for (std::size_t i = 0; i < missing.size(); ++i) items += (i == 0 ? "" : "; ") + missing[i];
    out.reasons.push_back("Data drop for " + in.evidence.period() + " not yet received in full (000 §3.8): " + items +
                          " missing; the submission is on the calendar and overdue once its deadline passes.");
  }
  // 000 §3.10.2: "Every school has an allocated QA & Improvement partner".
  if (partner_of(in.evidence, in.policy) == kNoPartner)
    out.reasons.push_back("No QA & Improvement partner is allocated to " + school.name +
                          " (000 §3.10.2: every school has one); record one as evidence qa_partner or in the "
                          "policy's [partners].");

  // 000 §3.10.9: whether this term's enquiry needs an external professional.
  // As the term starts (its first school day in the body's calendar); the autumn term for a year.
  if (auto at = assessed_period(in.evidence)) {
    const auto window = ofsted_window(in.evidence, in.policy,
                                      term_start(in.evidence, at->year, at->term.empty() ? "autumn" : at->term));
    out.reasons.push_back(window.reason + (window.in_window ? "; an external professional joins the term's "
                                                              "collaborative enquiry (000 §3.10.9)."
                                                            : "."));
  }

  int moderated = 0, self = 0;
  for (auto& k : dashboard) {
    if (k.moderated) ++moderated;
    else if (k.self) ++self;
  }
  RatingOut overall{"overall", out.level, "computed",
                    "Aggregated from " + std::to_string(moderated) + " moderated and " + std::to_string(self) +
                        " self-assessed dashboard ratings by the policy's tiers script (000 §5.2)",
                    {}};
  for (const char* id : {"ofsted_grade", "ofsted_inspection_date", "overall_absence_pct", "persistent_absence_pct"})
    if (auto o = in.evidence.latest(id); o && o->present()) overall.evidence.push_back(o->id);
  out.ratings.push_back(std::move(overall));
  // 000 §5.2: each area's aggregated judgement, on the dashboard scale.
  for (auto& area : tier.ratings) {
    std::string rationale = "Aggregated from the area's dashboard ratings by the policy's tiers script (000 §5.2)";
    for (auto& p : provisional)
      if (p.id == area.subject) {
        const std::string why = provisional_words(p);
        rationale = "Provisional (" + why + "). " + rationale;
        if (!area.reasons.empty()) area.reasons.front() = "Provisional, " + why + ": " + area.reasons.front();
      }
    out.ratings.push_back({area.subject, area.level, "computed", std::move(rationale), std::move(area.evidence),
                           std::move(area.reasons)});
  }
  return Status::success();
}

void NexusRegime::do_plan(const EvidenceView& school, const AssessmentOut& assessment, const PolicyView& policy,
                          std::vector<ActivityRule>& out) const {
  if (!assessment.classified) return;
  std::vector<std::string> questions;
  for (auto& r : assessment.reasons)
    if (r.rfind(kQuestionPrefix, 0) == 0) questions.push_back(r);
  out = school_rules(school, policy, questions, assessment.level);
}

void NexusRegime::do_plan_body(const PolicyView& policy, std::vector<ActivityRule>& out) const {
  out = trust_rules(policy);
}

}  // namespace nexus

TRELLIS_REGIME_PLUGIN(nexus::NexusRegime, "nexus-mat", "1.0.0")
// Assess and plan keep no state between calls: the regime has no members, and
// its statics (describe_regime() and its lists) are const, built once.
TRELLIS_REGIME_CONCURRENT_ASSESS
