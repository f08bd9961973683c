#pragma once
/// The interface a regime plugin implements.
///
/// The public members are non-virtual and noexcept: each runs the plugin's
/// override inside `guarded`, so a throwing plugin yields a failed Status
/// instead of an exception crossing into the host.
///
///     class HelloRegime final : public trellis::sdk::Regime {
///       RegimeDescription do_describe() const override;
///       ...
///     };
///     TRELLIS_REGIME_PLUGIN(HelloRegime, "hello-regime", "1.0.0")
#include <string>
#include <vector>

#include "trellis/sdk/activity.hpp"
#include "trellis/sdk/description.hpp"
#include "trellis/sdk/evidence_view.hpp"
#include "trellis/sdk/policy_view.hpp"
#include "trellis/sdk/status.hpp"
#include "trellis/sdk/thresholds.hpp"

namespace trellis::sdk {
inline namespace v1 {

struct RatingOut {
  std::string subject;  ///< an indicator id, an area id, or "overall"
  std::string level;
  std::string stage = "computed";
  std::string rationale;
  std::vector<std::int64_t> evidence;  ///< evidence ids it rests on
  std::vector<std::string> reasons = {};  ///< sentences a head could read, e.g. a script's SubjectRating reasons
};

struct AssessmentOut {
  std::string level;                 ///< on the overall scale, or e.g. "academy"
  bool classified = true;            ///< false: the regime does not classify this school
  std::vector<std::string> reasons;  ///< sentences a head could read
  std::vector<RatingOut> ratings;
};

struct AssessmentRequest {
  const EvidenceView& evidence;
  const PolicyView& policy;
  ThresholdRunner& thresholds;
};

class Regime {
 public:
  virtual ~Regime();

  Status describe(RegimeDescription& out) const noexcept {
    return guarded([&] { out = do_describe(); return Status::success(); });
  }
  /// Checks the regime's own policy sections beyond key types and ranges.
  Status validate(const PolicyView& policy, std::vector<Diagnostic>& out) const noexcept {
    return guarded([&] { do_validate(policy, out); return Status::success(); });
  }
  Status assess(const AssessmentRequest& in, AssessmentOut& out) const noexcept {
    return guarded([&] { return do_assess(in, out); });
  }
  /// The activities that follow for one school from its assessment.
  Status plan(const EvidenceView& school, const AssessmentOut& assessment,
              const PolicyView& policy, std::vector<ActivityRule>& out) const noexcept {
    return guarded([&] { do_plan(school, assessment, policy, out); return Status::success(); });
  }
  /// Body-wide activities (boards, forums, committee reports), with no school.
  Status plan_body(const PolicyView& policy, std::vector<ActivityRule>& out) const noexcept {
    return guarded([&] { do_plan_body(policy, out); return Status::success(); });
  }

 protected:
  virtual RegimeDescription do_describe() const = 0;
  virtual void do_validate(const PolicyView&, std::vector<Diagnostic>&) const {}
  virtual Status do_assess(const AssessmentRequest& in, AssessmentOut& out) const = 0;
  virtual void do_plan(const EvidenceView&, const AssessmentOut&, const PolicyView&,
                       std::vector<ActivityRule>&) const {}
  virtual void do_plan_body(const PolicyView&, std::vector<ActivityRule>&) const {}
};

}  // namespace v1
}  // namespace trellis::sdk
