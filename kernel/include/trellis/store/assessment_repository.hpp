#pragma once
/// The store's assessments, the decisions that stand on them and what reports read of them.
#include <cstdint>
#include <string>
#include <vector>

namespace trellis {

/// An assessment as the next one reads it (its computed level, not the decision).
struct HeldAssessment {
  std::int64_t id = 0;
  std::int64_t urn = 0;
  std::string period, computed_level, regime;
  bool classified = true;
};

class AssessmentRepository {
 public:
  virtual ~AssessmentRepository();
  /// A body's assessments of the schools among `urns`, in id order.
  virtual std::vector<HeldAssessment> for_schools(const std::vector<std::int64_t>& urns,
                                                  const std::string& body_id) = 0;
};

}  // namespace trellis
