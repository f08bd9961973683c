#include "nexus_regime.hpp"
#include "trellis/sdk/plugin.hpp"
#include "trellis/sdk/school_kinds.hpp"

namespace nexus {

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
  for (auto& note : rating_notes(dashboard, in.evidence.period())) out.reasons.push_back(std::move(note));

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
  for (auto& area : tier.ratings)
    out.ratings.push_back({area.subject, area.level, "computed",
                           "Aggregated from the area's dashboard ratings by the policy's tiers script (000 §5.2)",
                           std::move(area.evidence), std::move(area.reasons)});
  return Status::success();
}

void NexusRegime::do_plan(const EvidenceView& school, const AssessmentOut& assessment, const PolicyView& policy,
                          std::vector<ActivityRule>& out) const {
  if (!assessment.classified) return;
  out = school_rules(school, policy);
}

void NexusRegime::do_plan_body(const PolicyView& policy, std::vector<ActivityRule>& out) const {
  out = trust_rules(policy);
}

}  // namespace nexus

TRELLIS_REGIME_PLUGIN(nexus::NexusRegime, "nexus-mat", "1.0.0")
