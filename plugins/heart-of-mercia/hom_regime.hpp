#pragma once
// Heart of Mercia Multi Academy Trust's quality assurance regime: the Quality
// Assurance Policy (authored February 2024, agreed March 2024, review April
// 2025; cited "§n"). Each academy, school or college, is rated on the five
// pillars of the DfE Trust Quality Description (§1.3) and overall. The head's
// or principal's self-assessment report (SAR) is validated by a panel (§5.5);
// the validated grade is the one that counts. The Trust also runs quality
// visits (§5.4), reports to the Board of Trustees through the Curriculum and
// Quality Committee (§4.1, §9.1) and holds annual collaboration events (§6.3,
// §7.2).
//
// The seed gives no numbers and no grade scale: the scale is the policy's
// [scales.grade], and every number and list of people is a policy key whose
// default description.cpp declares (policies/heart-of-mercia.toml says why).
#include <string>
#include <vector>

#include "trellis/sdk/regime.hpp"

namespace hom {

using namespace trellis::sdk;

// ---- description.cpp -------------------------------------------------------

/// The regime's description, built on first use and kept.
const RegimeDescription& describe_regime();

/// "autumn-1" ... "summer-2".
const std::vector<std::string>& half_terms();

/// The body-wide rule of the college SAR validation meeting (§5.5); the
/// validated stage of a college is recorded at it.
inline const std::string kCollegeValidationRule = "hom-5.5.college-sar-validation";
inline const std::string kSchoolValidationRule = "hom-5.5.school-sar-validation";

// ---- assess.cpp ------------------------------------------------------------

/// A college by the register (its type group), not a school: Principals lead
/// colleges, Headteachers schools, and college-only rules apply to it alone.
bool is_college(const SchoolInfo& school);

/// The member of the Trust central team allocated to work with the academy
/// (§8.3), from the evidence (`central_support`) or the policy's
/// [support.allocated]; empty when none is.
std::string central_support(const EvidenceView& school, const PolicyView& policy);

// ---- plan.cpp --------------------------------------------------------------

/// One academy's year: the deadline for its SAR, its quality visits and the
/// deadline for their feedback.
std::vector<ActivityRule> academy_rules(const EvidenceView& school, const PolicyView& policy);

/// The Trust's year: the SAR validation meetings, the reports to the Board of
/// Trustees and the collaboration events.
std::vector<ActivityRule> trust_rules(const PolicyView& policy);

// ---- validate.cpp ----------------------------------------------------------

void validate_policy(const PolicyView& policy, std::vector<Diagnostic>& out);

// ---- regime.cpp ------------------------------------------------------------

class HeartOfMerciaRegime final : public Regime {
 protected:
  RegimeDescription do_describe() const override { return describe_regime(); }
  void do_validate(const PolicyView& policy, std::vector<Diagnostic>& out) const override {
    validate_policy(policy, out);
  }
  Status do_assess(const AssessmentRequest& in, AssessmentOut& out) const override;
  void do_plan(const EvidenceView& school, const AssessmentOut& assessment, const PolicyView& policy,
               std::vector<ActivityRule>& out) const override {
    if (assessment.classified) out = academy_rules(school, policy);
  }
  void do_plan_body(const PolicyView& policy, std::vector<ActivityRule>& out) const override {
    out = trust_rules(policy);
  }
};

}  // namespace hom
