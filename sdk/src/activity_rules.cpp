// activity_rule and deadline_rule: the rule shapes regimes share.
#include "trellis/sdk/activity_rules.hpp"

namespace trellis::sdk {
inline namespace v1 {

ActivityRule activity_rule(std::string id, std::string type, std::string title, Cadence cadence,
                           std::vector<std::string> attendees, std::string note, int count) {
  ActivityRule r;
  r.id = std::move(id);
  r.type = std::move(type);
  r.title = std::move(title);
  r.cadence = cadence;
  r.count = count;
  r.attendees = std::move(attendees);
  r.note = std::move(note);
  return r;
}

ActivityRule deadline_rule(std::string id, std::string title, Cadence cadence, std::string anchor, int days,
                           DayKind kind, std::vector<std::string> attendees, std::string note) {
  ActivityRule r = activity_rule(std::move(id), "deadline", std::move(title), cadence, std::move(attendees),
                                 std::move(note));
  r.anchor = std::move(anchor);
  r.offset_days = days;
  r.day_kind = kind;
  r.is_deadline = true;
  return r;
}

}  // namespace v1
}  // namespace trellis::sdk
