#pragma once
// Focus-Trust's academy improvement regime: the Trust's Academy Improvement
// policy (August 2017; cited by the seed's sections, "§05", or by its headings,
// "Trust intervention"). Each academy gets a termly red/amber/green rating
// that the Chief Executive confirms and reports to the Trust Board; KPIs,
// the self-evaluation statement and the teaching profile are due before each
// term's partnership visit, the summer visit is the Roundtable, and formal
// intervention is the Chief Executive's decision, with a monthly Task Group
// until another decision ends it.
//
// The seed gives no RAG criteria and few numbers: every threshold is in the
// policy's [thresholds.params] (read by scripts/focus-trust/rag.lua) and every
// number and list of people is a policy key whose default description.cpp
// declares (policies/focus-trust.toml says why).
#include <string>
#include <vector>

#include "trellis/sdk/regime.hpp"

namespace ft {

using namespace trellis::sdk;

// ---- description.cpp -------------------------------------------------------

/// The regime's description, built on first use and kept.
const RegimeDescription& describe_regime();

/// The subject of the Chief Executive's formal intervention decision, and its levels.
inline const std::string kIntervention = "intervention";
inline const std::string kFormal = "formal";
/// The stage that decides: the Chief Executive's confirmation.
inline const std::string kDecidingStage = "final";
/// The area the policy's KPIs belong to (§05): [areas.kpis].
inline const std::string kKpiArea = "kpis";

// ---- plan.cpp --------------------------------------------------------------

/// The termly returns due before each term's visit: the KPIs (§05), the
/// self-evaluation statement (§12), the teaching profile (§04).
inline const std::string kKpiReturn = "ft-05.kpis";
inline const std::string kSesReturn = "ft-12.self-evaluation";
inline const std::string kProfileReturn = "ft-04.teaching-profile";
/// The rule of a return's deadline in a term: "ft-05.kpis.spring".
inline std::string return_rule(const std::string& kind, const std::string& term) { return kind + "." + term; }

/// One academy's year: termly returns before each visit, the visits and the
/// Roundtable, notes of visit, data drops, consultancy, the Teaching and
/// Learning Review and, under formal intervention, the Task Group.
std::vector<ActivityRule> academy_rules(const EvidenceView& school, const AssessmentOut& assessment,
                                        const PolicyView& policy);

/// The Trust's year: the termly RAG reports to the Trust Board.
std::vector<ActivityRule> trust_rules(const PolicyView& policy);

// ---- validate.cpp ----------------------------------------------------------

void validate_policy(const PolicyView& policy, std::vector<Diagnostic>& out);

// ---- regime.cpp ------------------------------------------------------------

class FocusTrustRegime final : public Regime {
 protected:
  RegimeDescription do_describe() const override { return describe_regime(); }
  void do_validate(const PolicyView& policy, std::vector<Diagnostic>& out) const override {
    validate_policy(policy, out);
  }
  Status do_assess(const AssessmentRequest& in, AssessmentOut& out) const override;
  void do_plan(const EvidenceView& school, const AssessmentOut& assessment, const PolicyView& policy,
               std::vector<ActivityRule>& out) const override {
    if (assessment.classified) out = academy_rules(school, assessment, policy);
  }
  void do_plan_body(const PolicyView& policy, std::vector<ActivityRule>& out) const override {
    out = trust_rules(policy);
  }
};

}  // namespace ft
