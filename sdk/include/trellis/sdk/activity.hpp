#pragma once
/// Activity rules: what a regime asks the kernel's scheduler to plan.
/// The scheduler knows the calendar; the rule only says the pattern.
///
///     ActivityRule r;
///     r.id = "qa-visit"; r.type = "visit"; r.title = "QA visit";
///     r.cadence = Cadence::per_term; r.count = 1;
///     r.attendees = {"LA quality assurance lead", "headteacher"};
///
///     ActivityRule minutes;                 // minutes within seven working days of each meeting
///     minutes.cadence = Cadence::after; minutes.anchor = "meeting";
///     minutes.offset_days = 7; minutes.day_kind = DayKind::working;
///
/// What `offset_days` counts is the rule's `day_kind` (calendar_view.hpp):
/// calendar days, working days (the office's: weekdays less bank holidays, all
/// year) or school days (term time). Spread cadences (per_year ... monthly)
/// place visits, meetings and windows on school days whatever `day_kind` says.
#include <optional>
#include <string>
#include <vector>

#include "trellis/sdk/calendar_view.hpp"

namespace trellis::sdk {
inline namespace v3 {

enum class Cadence {
  per_year,       ///< `count` spread across the academic year
  per_term,       ///< `count` in each term, spread across it
  per_half_term,  ///< `count` in each half-term
  in_half_term,   ///< one in half-term `window` ("autumn-1" ... "summer-2")
  monthly,        ///< every month of the year (or of from..to) while the rule holds
  before,         ///< `offset_days` before each activity of rule `anchor`
  after,          ///< `offset_days` after each activity of rule `anchor`
  within,         ///< due within `offset_days` of `anchor_date`, or of each `anchor` activity;
                  ///< with neither, of the date the school was assessed
  on_date,        ///< on `anchor_date`
};

struct ActivityRule {
  std::string id;     ///< stable within the regime: "s8.agenda" (part of the calendar UID)
  std::string type;   ///< visit, meeting, deadline, conversation, report, submission
  std::string title;
  Cadence cadence = Cadence::per_year;
  int count = 1;
  std::string window;       ///< half-term or term name for in_half_term/per_window limits
  /// Rule id, for before/after/within. On a spread cadence (per_term ...):
  /// its activities fall between that rule's, after the first and never on
  /// one or the working day before one (visits between meetings).
  std::string anchor;
  std::string anchor_date;  ///< YYYY-MM-DD, for within/on_date
  int offset_days = 0;
  /// SDK 1.0's way to count working days: true means DayKind::working when
  /// `day_kind` is left at calendar. Still honoured; prefer `day_kind`.
  bool working_days = false;
  bool is_deadline = false;   ///< a due date rather than a dated event
  /// What `offset_days` counts. Calendar days: the date found is moved to
  /// the nearest working day (earlier for `before`, later otherwise).
  /// Working days: weekdays less bank holidays, school holidays included.
  /// School days: term time only. Read it through offset_kind().
  DayKind day_kind = DayKind::calendar;
  std::optional<std::string> from;  ///< YYYY-MM-DD limits, e.g. monthly while intervention lasts
  std::optional<std::string> to;
  std::vector<std::string> attendees;  ///< roles, or named people
  std::vector<std::string> documents;  ///< documents required
  std::string note;                    ///< e.g. the seed section the rule comes from

  /// What `offset_days` counts: `day_kind`, or DayKind::working where only
  /// the SDK 1.0 flag `working_days` says so.
  DayKind offset_kind() const {
    return day_kind == DayKind::calendar && working_days ? DayKind::working : day_kind;
  }
};

}  // namespace v3
}  // namespace trellis::sdk
