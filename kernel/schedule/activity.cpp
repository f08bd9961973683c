#include "trellis/schedule/activity.hpp"

#include <stdexcept>

namespace trellis {

const char* status_name(ActivityStatus s) {
  switch (s) {
    case ActivityStatus::planned: return "planned";
    case ActivityStatus::done: return "done";
    case ActivityStatus::cancelled: return "cancelled";
  }
  return "?";
}

ActivityStatus parse_status(const std::string& s) {
  if (s == "planned") return ActivityStatus::planned;
  if (s == "done") return ActivityStatus::done;
  if (s == "cancelled") return ActivityStatus::cancelled;
  throw std::invalid_argument("unknown activity status \"" + s + "\"");
}

std::string status_on(const Activity& a, Date today) {
  if (a.status == ActivityStatus::planned && deadline_of(a) < today) return "overdue";
  return status_name(a.status);
}

}  // namespace trellis
