#pragma once
/// The store's ratings and the reviews of them.
#include <cstdint>
#include <string>
#include <vector>

namespace trellis {

/// A rating as an assessment reads it: what was said of a subject, at a stage.
struct HeldRating {
  std::int64_t id = 0;
  std::int64_t urn = 0;
  std::string period, subject, stage, level, regime;  ///< regime "" when none was recorded
};

class RatingRepository {
 public:
  virtual ~RatingRepository();
  /// A body's ratings of the schools among `urns`, in id order.
  virtual std::vector<HeldRating> for_schools(const std::vector<std::int64_t>& urns, const std::string& body_id) = 0;
};

}  // namespace trellis
