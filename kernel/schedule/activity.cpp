#include "trellis/schedule/activity.hpp"

#include <stdexcept>

namespace trellis {

const char* status_name(ActivityStatus s) {
  switch (s) {
    case ActivityStatus::planned: return "planned";
    case ActivityStatus::done: return "done";
    case ActivityStatus::missed: return "missed";
    case ActivityStatus::moved: return "moved";
    case ActivityStatus::cancelled: return "cancelled";
  }
  return "?";
}

ActivityStatus parse_status(const std::string& s) {
  for (auto st : {ActivityStatus::planned, ActivityStatus::done, ActivityStatus::missed, ActivityStatus::moved,
                  ActivityStatus::cancelled})
    if (s == status_name(st)) return st;
  throw std::invalid_argument("unknown activity status \"" + s + "\"");
}

const char* day_kind_name(DayKind k) {
  switch (k) {
    case DayKind::calendar: return "calendar";
    case DayKind::working: return "working";
    case DayKind::school: return "school";
  }
  return "?";
}

DayKind parse_day_kind(const std::string& s) {
  for (auto k : {DayKind::calendar, DayKind::working, DayKind::school})
    if (s == day_kind_name(k)) return k;
  throw std::invalid_argument("unknown day kind \"" + s + "\"");
}

std::string status_on(const Activity& a, Date today) {
  if (to_happen(a.status) && deadline_of(a) < today) return "overdue";
  return status_name(a.status);
}

}  // namespace trellis
