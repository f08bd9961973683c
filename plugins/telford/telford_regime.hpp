#pragma once
// Telford & Wrekin Council's quality assurance regime for maintained schools
// (QA policy 2024-25): green/yellow/amber/red bands (sections 6-7), the visits
// each band gets (section 7) and monitoring and support meetings (section 8).
#include <optional>
#include <string>
#include <vector>

#include "trellis/sdk/regime.hpp"

namespace telford {

using namespace trellis::sdk;

/// How the LA treats a school, from its DfE type (section 5, section 7 grid).
enum class Category { maintained, academy, out_of_scope };

Category categorise(const SchoolInfo& school, const PolicyView& policy);

/// An infant school (section 6: no KS2 results by design, as it has no year 6):
/// a primary school whose name says infant and not junior or primary. The
/// register holds no age range, so the name is what tells.
bool infant_school(const SchoolInfo& school);

/// The regime's description, built on first use and kept.
const RegimeDescription& describe_regime();

/// The year's activities for one school in the band it was given.
std::vector<ActivityRule> visit_rules(const std::string& band, bool changed, const PolicyView& policy);
std::vector<ActivityRule> academy_rules(const PolicyView& policy);
/// Section 7: one offer of an initial conversation per trust: each trust of the policy's
/// academies.trusts list, then each other trust the register names for the body's open academies.
std::vector<ActivityRule> trust_rules(const PolicyView& policy, const std::vector<SchoolInfo>& members);

/// An academy's trust, and where it was found.
struct Trust {
  std::string name;
  bool from_register = false;  ///< GIAS "Trusts (name)", rather than the LA's list
};
/// Section 7: the academy's trust. The LA's list (academies.trusts: URN = trust name) wins over the
/// register's: it is the LA's own, kept up to date between GIAS extracts, and may correct one; where
/// it names none, the register's trust (GIAS "Trusts (name)") stands.
std::optional<Trust> trust_of(const SchoolInfo& school, const PolicyView& policy);

class TelfordRegime final : public Regime {
 protected:
  RegimeDescription do_describe() const override { return describe_regime(); }
  void do_validate(const PolicyView& policy, std::vector<Diagnostic>& out) const override;
  Status do_assess(const AssessmentRequest& in, AssessmentOut& out) const override;
  void do_plan(const EvidenceView& school, const AssessmentOut& assessment, const PolicyView& policy,
               std::vector<ActivityRule>& out) const override;
  void do_plan_body_for(const PolicyView& policy, const std::vector<SchoolInfo>& members,
                        std::vector<ActivityRule>& out) const override;
};

}  // namespace telford
