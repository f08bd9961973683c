#include "telford_regime.hpp"
#include "trellis/sdk/plugin.hpp"
#include "trellis/sdk/school_kinds.hpp"

namespace telford {

Status TelfordRegime::do_assess(const AssessmentRequest& in, AssessmentOut& out) const {
  const SchoolInfo& school = in.evidence.school();
  if (closed_school(school, "Not classified", out)) return Status::success();
  switch (categorise(school, in.policy)) {
    case Category::academy: {
      // Section 7 grid, "Academies": accountable to the RSC, not the LA. Section 7: where the school is part
      // of a trust, the initial conversation is with "the accountable body in the first instance, rather than
      // the individual school".
      out.classified = false;
      out.level = "academy";
      const std::string accountable = school.name + " is an academy (" + school.type +
                                      "), accountable to the Regional Schools Commissioner rather than the Local "
                                      "Authority (section 7).";
      if (auto trust = trust_of(school, in.policy))
        out.reasons = {"Not classified: " + accountable + " The offer of an initial conversation about how the Local "
                       "Authority's support and challenge offer could be deployed goes to the CEO of " + trust->name +
                       (trust->from_register ? " (the academy's trust in the register)" : "") +
                       ", the accountable body, in the first instance rather than to the school; a visit to the "
                       "academy follows where appropriate."};
      else
        out.reasons = {"Not classified: " + accountable + " No trust is known for this academy (neither the "
                       "register nor the Local Authority's list in the policy, academies.trusts, names one), so the "
                       "offer of an initial conversation goes to the school itself."};
      return Status::success();
    }
    case Category::out_of_scope:
      out.classified = false;
      out.level = "out of scope";
      out.reasons = {"Not classified: " + school.name + " (" + (school.type.empty() ? "type not recorded" : school.type) +
                     ") is outside the Local Authority's quality assurance policy for maintained schools (section 5)."};
      return Status::success();
    case Category::maintained:
      break;
  }
  ThresholdOutcome result = in.thresholds.run(
      "classify", in.evidence, {{"special_provision", special_provision(school)}, {"no_year_6", infant_school(school)}});
  if (!result.status) return result.status;
  out.level = result.level;
  out.reasons = std::move(result.reasons);
  // Section 5: the LA's computed classification is a proposal an officer confirms.
  RatingOut overall{"overall", out.level, "computed", "Computed from the section 6 criteria", {}};
  for (auto& o : in.evidence.all())
    if (o.present()) overall.evidence.push_back(o.id);
  out.ratings.push_back(std::move(overall));
  // Section 6's areas, each banded by classify.lua on its own criteria; a
  // proposal for the officer like the overall band (section 5).
  for (auto& area : result.ratings)
    out.ratings.push_back({area.subject, area.level, "computed", "Computed from the section 6 criteria of this area",
                           std::move(area.evidence), std::move(area.reasons)});
  return Status::success();
}

void TelfordRegime::do_validate(const PolicyView& policy, std::vector<Diagnostic>& out) const {
  auto n = [&](const char* k) { return policy.number(k).value_or(0); };
  if (n("thresholds.params.red_min_concerns") <= n("thresholds.params.amber_min_concerns"))
    out.push_back({"thresholds.params.red_min_concerns",
                   "expected more concerns for red than for amber (amber_min_concerns), found " +
                       std::to_string(static_cast<int>(n("thresholds.params.red_min_concerns")))});
  if (n("thresholds.params.persistent_absence_serious") < n("thresholds.params.persistent_absence_concern"))
    out.push_back({"thresholds.params.persistent_absence_serious",
                   "expected the serious threshold to be at or above the concern threshold"});
  if (n("thresholds.params.special_persistent_absence_serious_margin") < n("thresholds.params.special_persistent_absence_margin"))
    out.push_back({"thresholds.params.special_persistent_absence_serious_margin",
                   "expected the serious margin to be at or above special_persistent_absence_margin (section 6)"});
  if (n("thresholds.params.ks2_rwm_gap_serious") < n("thresholds.params.ks2_rwm_gap_concern"))
    out.push_back({"thresholds.params.ks2_rwm_gap_serious", "expected the serious gap to be at or above the concern gap"});
  // Section 8: the agenda goes two weeks before the meeting and the papers seven days before, so the
  // papers are due after the agenda is out.
  if (n("meetings.papers_days_before") >= n("meetings.agenda_days_before"))
    out.push_back({"meetings.papers_days_before",
                   "expected fewer days than meetings.agenda_days_before (" +
                       std::to_string(static_cast<int>(n("meetings.agenda_days_before"))) +
                       "): the papers are due after the agenda goes out (section 8), found " +
                       std::to_string(static_cast<int>(n("meetings.papers_days_before")))});
  if (n("thresholds.params.progress8_serious") > n("thresholds.params.progress8_concern"))
    out.push_back({"thresholds.params.progress8_serious",
                   "expected the serious Progress 8 threshold to be at or below the concern threshold"});
}

void TelfordRegime::do_plan(const EvidenceView& school, const AssessmentOut& assessment, const PolicyView& policy,
                            std::vector<ActivityRule>& out) const {
  if (assessment.level == "academy") {
    // An academy of a known trust is offered nothing of its own: its trust's conversation is the body's (do_plan_body).
    if (!trust_of(school.school(), policy)) out = academy_rules(policy);
    return;
  }
  if (!assessment.classified) return;
  // Section 5: a change of band is one band to another; a first level, or a
  // level the kernel gives for too little evidence, is not one.
  auto banded = [](const std::string& l) { return l == "green" || l == "yellow" || l == "amber" || l == "red"; };
  auto previous = school.previous_level();
  out = visit_rules(assessment.level, previous && banded(*previous) && banded(assessment.level) &&
                                          *previous != assessment.level, policy);
}

void TelfordRegime::do_plan_body_for(const PolicyView& policy, const std::vector<SchoolInfo>& members,
                                     std::vector<ActivityRule>& out) const {
  out = trust_rules(policy, members);
}

}  // namespace telford

TRELLIS_REGIME_PLUGIN(telford::TelfordRegime, "telford-la", "1.0.0")
// Assess and plan keep no state between calls: the regime has no members, and
// its statics (describe_regime() and its lists) are const, built once.
TRELLIS_REGIME_CONCURRENT_ASSESS
