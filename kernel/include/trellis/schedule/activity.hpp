#pragma once
/// A planned or completed activity: a visit, meeting or deadline for a body,
/// usually about one school, that follows from an activity rule.
///
///     Activity a = plan_year(cal, "example-la", year, sets).front();
///     a.uid;          // stable across re-plans: "3f0c...@trellis"
///     a.due;          // set for deadlines
///     status_on(a, Date::parse("2025-06-20"));  // "planned", "done" or "overdue"
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "trellis/date.hpp"

namespace trellis {

/// What is stored. "overdue" is not stored: it is a planned activity past its date.
enum class ActivityStatus { planned, done, cancelled };

const char* status_name(ActivityStatus s);
/// Throws std::invalid_argument for anything but planned, done or cancelled.
ActivityStatus parse_status(const std::string& s);

struct Activity {
  std::optional<std::int64_t> id;  ///< the store's id, once stored
  std::string uid;                 ///< stable calendar UID
  std::string body;
  std::optional<std::int64_t> urn;  ///< none for body-wide activities (boards, forums)
  std::string year;                 ///< academic year, "2024-25"
  std::string type;                 ///< visit, meeting, deadline, ...
  std::string title;
  Date start;                ///< first day of the window (the day itself for a dated event)
  Date end;                  ///< last day of the window, inclusive
  std::optional<Date> due;   ///< for deadlines
  std::string rule;          ///< the id of the rule it came from
  std::vector<std::string> attendees;
  std::vector<std::string> documents;
  std::optional<std::int64_t> assessment_id;
  ActivityStatus status = ActivityStatus::planned;
  std::optional<Date> done_on;
  std::string note;                   ///< what was recorded when it was done
  std::optional<std::string> school;  ///< the school's name, when loaded from the store
};

/// The day after which the activity is late: its due date, else its end.
inline Date deadline_of(const Activity& a) { return a.due ? *a.due : a.end; }
/// "overdue" for a planned activity whose deadline is before `today`, else the stored status.
std::string status_on(const Activity& a, Date today);

}  // namespace trellis
