#pragma once
/// A planned or completed activity: a visit, meeting or deadline for a body,
/// usually about one school, that follows from an activity rule.
///
///     Activity a = plan_year(cal, "example-la", year, sets).front();
///     a.uid;          // stable across re-plans: "3f0c...@trellis"
///     a.due;          // set for deadlines
///     status_on(a, Date::parse("2025-06-20"));  // "planned", "done", "overdue", ...
///
/// The lifecycle. An activity is planned; then it is done (on the day it was
/// held), missed (its day passed and it did not happen), moved (still to
/// happen, on a new date) or cancelled (it will not happen). Missed, moved
/// and cancelled carry a reason. Every change a calendar must see (new dates,
/// a cancellation) raises `sequence`, the ICS SEQUENCE. Nothing is deleted.
///
/// An anchored activity (an agenda before a meeting, minutes after it)
/// records the activity it is dated from (`anchor_uid`), how far from it
/// (`offset_days`: negative before, positive after) and in what kind of day,
/// so that it can be re-dated when its anchor is held on another day or moved.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "trellis/date.hpp"
#include "trellis/sdk/calendar_view.hpp"

namespace trellis {

/// What is stored. "overdue" is not stored: it is a planned or moved activity past its deadline.
enum class ActivityStatus { planned, done, missed, moved, cancelled };

const char* status_name(ActivityStatus s);
/// Throws std::invalid_argument for anything but the five stored statuses.
ActivityStatus parse_status(const std::string& s);
/// Planned or moved: it is still to happen.
inline bool to_happen(ActivityStatus s) { return s == ActivityStatus::planned || s == ActivityStatus::moved; }

/// What an anchored activity's `offset_days` counts: the SDK's kinds of day
/// (calendar days moved off non-working days, office working days, school days).
using DayKind = sdk::DayKind;

const char* day_kind_name(DayKind k);
/// Throws std::invalid_argument for anything but calendar, working or school.
DayKind parse_day_kind(const std::string& s);

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
  std::optional<std::string> address;  ///< the school's address from the register, when loaded and held
  std::string reason;                 ///< why it was missed, moved or cancelled
  std::optional<Date> moved_from;     ///< its start before the last move
  int sequence = 0;                   ///< ICS SEQUENCE: raised on every change a calendar must see
  std::optional<std::string> anchor_uid;  ///< the activity it is dated from, for anchored rules
  std::optional<int> offset_days;         ///< from its anchor: negative before, positive after
  std::optional<DayKind> day_kind;        ///< what offset_days counts
};

/// The day after which the activity is late: its due date, else its end.
inline Date deadline_of(const Activity& a) { return a.due ? *a.due : a.end; }
/// "overdue" for a planned or moved activity whose deadline is before `today`, else the stored status.
std::string status_on(const Activity& a, Date today);

}  // namespace trellis
