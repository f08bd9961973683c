#pragma once
/// The store's planned activities: visits, meetings and deadlines.
#include <cstdint>

namespace trellis {

class ActivityRepository {
 public:
  virtual ~ActivityRepository();
};

}  // namespace trellis
