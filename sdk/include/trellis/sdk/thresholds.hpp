#pragma once
/// Runs one of the policy's Lua threshold scripts for one school.
///
///     Facts extra{{"inspection_grade", 4.0}};
///     ThresholdOutcome out = thresholds.run("classify", evidence, extra);
///     if (!out.status) return out.status;
#include <map>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "trellis/sdk/evidence_view.hpp"
#include "trellis/sdk/status.hpp"

namespace trellis::sdk {
inline namespace v2 {

/// Values a regime computes and hands to Lua beside the evidence.
using Fact = std::variant<double, std::string, bool>;
using Facts = std::map<std::string, Fact, std::less<>>;

struct ThresholdOutcome {
  Status status;                     ///< a script error, with file:line
  std::string level;                 ///< checked against the regime's scale
  std::vector<std::string> reasons;  ///< sentences a head could read
};

class ThresholdRunner {
 public:
  virtual ~ThresholdRunner();
  /// `script` names an entry of the policy's [thresholds] table.
  virtual ThresholdOutcome run(std::string_view script, const EvidenceView& school,
                               const Facts& extra) = 0;
};

}  // namespace v2
}  // namespace trellis::sdk
