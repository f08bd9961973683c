#pragma once
/// The interface a regime plugin implements (Regime), and the one the host
/// calls (RegimeBoundary).
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
inline namespace v3 {

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

/// The regime as the host sees it: every call noexcept, every failure a
/// Status. A plugin never implements it by hand: TRELLIS_REGIME_PLUGIN
/// instantiates RegimeAdapter (regime_adapter.hpp) in the plugin's own
/// translation unit, so the catch that turns an exception into a Status runs
/// in the plugin's code, and no exception unwinds into the host's frames.
class RegimeBoundary {
 public:
  virtual ~RegimeBoundary();
  virtual Status describe(RegimeDescription& out) const noexcept = 0;
  /// Checks the regime's own policy sections beyond key types and ranges.
  virtual Status validate(const PolicyView& policy, std::vector<Diagnostic>& out) const noexcept = 0;
  virtual Status assess(const AssessmentRequest& in, AssessmentOut& out) const noexcept = 0;
  /// The activities that follow for one school from its assessment.
  virtual Status plan(const EvidenceView& school, const AssessmentOut& assessment, const PolicyView& policy,
                      std::vector<ActivityRule>& out) const noexcept = 0;
  /// Body-wide activities (boards, forums, committee reports, one per group
  /// of schools such as a trust), with no school. `members`: the body's
  /// schools (SDK 3), as each school's evidence view shows them.
  virtual Status plan_body(const PolicyView& policy, const std::vector<SchoolInfo>& members,
                           std::vector<ActivityRule>& out) const noexcept = 0;
};

template <class R>
class RegimeAdapter;

/// What a plugin author derives from. Its `do_...` functions may throw: the
/// adapter catches, inside the plugin, and names the plugin in the Status.
class Regime {
 public:
  virtual ~Regime();

 protected:
  /// Leave `id` and `version` empty: the adapter fills them in from
  /// TRELLIS_REGIME_PLUGIN, the one place they are written.
  virtual RegimeDescription do_describe() const = 0;
  virtual void do_validate(const PolicyView&, std::vector<Diagnostic>&) const {}
  virtual Status do_assess(const AssessmentRequest& in, AssessmentOut& out) const = 0;
  virtual void do_plan(const EvidenceView&, const AssessmentOut&, const PolicyView&,
                       std::vector<ActivityRule>&) const {}
  virtual void do_plan_body(const PolicyView&, std::vector<ActivityRule>&) const {}
  /// The body-wide plan from the body's member schools (SDK 3), e.g. one
  /// activity per trust; by default do_plan_body, which does not need them.
  virtual void do_plan_body_for(const PolicyView& policy, const std::vector<SchoolInfo>& members,
                                std::vector<ActivityRule>& out) const {
    (void)members;
    do_plan_body(policy, out);
  }

 private:
  template <class R>
  friend class RegimeAdapter;
};

}  // namespace v3
}  // namespace trellis::sdk
