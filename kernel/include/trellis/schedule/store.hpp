#pragma once
/// Stored activities: re-planning, listing, completion and lateness.
/// None of these opens a transaction; the calling command holds one.
///
///     Transaction tx(db);
///     auto summary = replan(db, "example-la", "2024-25", plan_year(cal, "example-la", year, sets));
///     record_audit(db, who, "assess", ..., hash);
///     tx.commit();
///
///     for (auto& late : overdue(load_activities(db, "example-la", "2024-25"), cal, today))
///       std::cout << late.activity.title << ": " << late.working_days_late << " working days late\n";
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "trellis/calendar.hpp"
#include "trellis/schedule/activity.hpp"
#include "trellis/store/database.hpp"

namespace trellis {

struct ReplanSummary {
  int kept = 0;     ///< done or cancelled activities left as they were
  int removed = 0;  ///< planned activities dropped
  int added = 0;    ///< activities of the new plan written
};

/// Replaces the body's still-planned activities for the year with `plan`.
/// Done and cancelled ones stay, and an activity of `plan` with the UID of one
/// of them is not written again. Every activity must be for `body` and `year`.
ReplanSummary replan(Database& db, const std::string& body, const std::string& year,
                     const std::vector<Activity>& plan);

/// The body's activities for the year, by start date, with school names.
std::vector<Activity> load_activities(Database& db, const std::string& body, const std::string& year);
std::optional<Activity> find_activity(Database& db, std::int64_t id);

/// Records completion on `on`, with an optional note, and returns the updated
/// activity. Throws UsageError for an unknown id, a cancelled activity, or a
/// date after `today`. Marking a done activity again corrects its date and note.
Activity mark_done(Database& db, std::int64_t id, Date on, const std::string& note, Date today);

struct Overdue {
  Activity activity;
  Date deadline;          ///< due date, else end date
  int days_late = 0;      ///< calendar days from the deadline to today
  int working_days_late = 0;  ///< working days in (deadline, today]
};

/// Planned activities whose deadline is before `today`, in deadline order.
std::vector<Overdue> overdue(const std::vector<Activity>& activities, const AcademicCalendar& cal, Date today);

}  // namespace trellis
