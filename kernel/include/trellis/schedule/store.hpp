#pragma once
/// Stored activities: re-planning, listing, the lifecycle (done, moved,
/// cancelled, missed) and lateness. None of these opens a transaction; the
/// calling command holds one.
///
///     Transaction tx(db);
///     const PlanOptions done{held_activities(db, "example-la", "2024-25"), moved_activities(db, "example-la", "2024-25")};
///     auto summary = replan(db, "example-la", "2024-25", plan_year(cal, "example-la", year, sets, done),
///                           {.urn = 123456, .from = Date::parse("2025-01-15"),
///                            .reason = "band changed from amber to yellow on 2025-01-15 by the QA lead"});
///     record_audit(db, who, "assess", ..., hash);
///     tx.commit();
///
///     for (auto& late : overdue(load_activities(db, "example-la", "2024-25"), cal, today))
///       std::cout << late.activity.title << ": " << late.working_days_late << " working days late\n";
///
/// Re-planning never deletes or renumbers an activity. It matches the stored
/// activities with the new plan by UID, within a scope (one school, or the
/// whole body) and from a date:
/// - done, missed, moved and cancelled ones, and any that start before
///   `from`, are kept as they are;
/// - a planned one on or after `from` that the plan has unchanged (type,
///   title, dates, attendees, documents) is left alone, id and SEQUENCE too;
///   one the plan has with other content is updated in place (SEQUENCE + 1);
///   one the plan no longer has is cancelled with the scope's reason (SEQUENCE + 1);
/// - one that an earlier re-plan cancelled and the plan has again (the band
///   changed back) is planned again (SEQUENCE + 1). One cancelled by a person
///   (cancel_activity) stays cancelled;
/// - the plan's other activities on or after `from` are added; those before it are dropped.
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "trellis/calendar.hpp"
#include "trellis/schedule/activity.hpp"
#include "trellis/schedule/plan.hpp"
#include "trellis/schedule/planned_year.hpp"
#include "trellis/clock.hpp"
#include "trellis/store/activity_repository.hpp"
#include "trellis/store/database.hpp"

namespace trellis {

/// Which stored activities a re-plan may change.
struct ReplanScope {
  std::optional<std::int64_t> urn;  ///< only this school's (body-wide ones untouched); none: the whole body's
  Date from;                        ///< the first day the new plan governs; what starts before it is history
  std::string reason;               ///< stored on what it cancels: "band changed from amber to yellow ..."
  /// Rules (by how their id begins) whose planned activity the new plan drops
  /// because what it asked for has come in: done on `from`, not cancelled.
  std::vector<std::string> met_when_dropped;
};

struct ReplanSummary {
  int kept = 0;        ///< left as they were: done, missed, moved, cancelled, or starting before `from`
  int unchanged = 0;   ///< planned, and the same in the new plan
  int updated = 0;     ///< planned, changed in place to the new plan's content
  int cancelled = 0;   ///< planned, no longer in the new plan
  int reinstated = 0;  ///< cancelled by an earlier re-plan, back in the new plan
  int added = 0;       ///< new UIDs written
  int met = 0;         ///< planned, dropped by the new plan as met (ReplanScope::met_when_dropped): done
};

/// "3 added, 14 cancelled (each with the reason), 1 unchanged; 3 kept as they were": the parts that are not zero.
std::string to_text(const ReplanSummary& s);

/// Brings the stored activities of `body` and `year` within `scope` into line
/// with `plan` (see the file comment). Every activity of `plan` must be for
/// `body` and `year` (std::invalid_argument otherwise); with a scope URN, the
/// plan's activities for other schools and the body are ignored.
ReplanSummary replan(Database& db, const Clock& clock, const std::string& body, const std::string& year,
                     const std::vector<Activity>& plan, const ReplanScope& scope);
/// The same for a plan held compactly (plan_year_compact): what it writes is
/// made one activity at a time. std::invalid_argument when the plan is for
/// another body or year.
ReplanSummary replan(Database& db, const Clock& clock, const std::string& body, const std::string& year,
                     const PlannedYear& plan, const ReplanScope& scope);
/// The whole body from the first day of the academic year, with reason "re-planned".
ReplanSummary replan(Database& db, const Clock& clock, const std::string& body, const std::string& year,
                     const std::vector<Activity>& plan);

/// uid -> the day each done activity of the body's year was held, for PlanOptions::held.
std::map<std::string, Date> held_activities(Database& db, const std::string& body, const std::string& year);
/// uid -> the dates of each activity of the body's year that was ever moved
/// (whatever it is now), for PlanOptions::moved.
std::map<std::string, DateRange> moved_activities(Database& db, const std::string& body, const std::string& year);
/// What the planner needs from the stored activities of the year: held, moved and still-planned days.
PlanOptions stored_plan_options(Database& db, const std::string& body, const std::string& year);

/// The body's activities for the year, by start date, with school names.
std::vector<Activity> load_activities(Database& db, const std::string& body, const std::string& year);
/// The same, one at a time and never held whole (ActivityRepository::each):
/// with `late_on`, only what is late on that day (see overdue()), in overdue()'s
/// order; `passes` times over one reading of the store, `fn` told which pass.
void each_activity(Database& db, const std::string& body, const std::string& year, std::optional<Date> late_on,
                   int passes, const std::function<void(int pass, const Activity&)>& fn);
/// The same, reading only `columns` (ActivityRepository::each).
void each_activity(Database& db, const std::string& body, const std::string& year, std::optional<Date> late_on,
                   int passes, ActivityColumns columns, const std::function<void(int pass, const Activity&)>& fn);
/// How many activities the body holds for the year, whatever their status.
std::int64_t count_activities(Database& db, const std::string& body, const std::string& year);
std::optional<Activity> find_activity(Database& db, std::int64_t id);

/// What a lifecycle change did: the activity as it now is, and the activities
/// anchored on it that were re-dated (or cancelled) with it.
struct ActivityChange {
  Activity activity;
  std::vector<Activity> followers;
};

/// Records that activity `id` took place on `on`, with an optional note. The
/// planned activities that come after it (its minutes) are re-dated from `on`
/// in `cal` (due seven working days after the day the meeting was actually
/// held), and theirs from them, each with SEQUENCE + 1; what came before it
/// (its agenda) is not. Marking a done activity again corrects its
/// date and note. Throws UsageError for an unknown id, and InputError (exit 3)
/// for a cancelled activity, a date after `today`, a date before the activity
/// starts (for a deadline: before its window opens, e.g. before the meeting its
/// minutes follow; a plain due date may be met early), and a Saturday or
/// Sunday unless `force`.
ActivityChange mark_done(Database& db, const Clock& clock, const AcademicCalendar& cal, std::int64_t id, Date on, const std::string& note,
                         Date today, bool force = false);

/// Moves activity `id` to start on `to`: status moved, moved_from its old
/// start, a window keeping its length and a due date shifting with it,
/// SEQUENCE + 1; the planned activities anchored on it (before and after)
/// are re-dated from the new dates.
/// Throws UsageError for an unknown id or an empty reason, InputError for a
/// done or cancelled activity, or one already starting on `to`.
ActivityChange move_activity(Database& db, const Clock& clock, const AcademicCalendar& cal, std::int64_t id, Date to,
                             const std::string& reason, bool force = false);

/// Cancels activity `id` with `reason` (SEQUENCE + 1); the planned or moved
/// activities anchored on it (its agenda, its minutes) are cancelled with it.
/// A re-plan does not bring it back. Throws UsageError for an unknown id or an
/// empty reason, InputError for a done or already cancelled activity.
ActivityChange cancel_activity(Database& db, const Clock& clock, std::int64_t id, const std::string& reason);

/// Records that planned (or moved) activity `id` did not take place: its
/// deadline is before `today`. SEQUENCE + 1. Throws UsageError for an unknown
/// id or an empty reason, InputError for any other status or a deadline not yet past.
ActivityChange mark_missed(Database& db, const Clock& clock, std::int64_t id, const std::string& reason, Date today);

struct Overdue {
  Activity activity;
  Date deadline;          ///< due date, else end date
  int days_late = 0;      ///< calendar days from the deadline to today
  int working_days_late = 0;  ///< working days in (deadline, today]
};

/// How late `a` is on `today`: none when it is not to happen or its deadline is not before `today`.
std::optional<Overdue> lateness(const Activity& a, const AcademicCalendar& cal, Date today);

/// Planned or moved activities whose deadline is before `today`, in deadline order.
std::vector<Overdue> overdue(const std::vector<Activity>& activities, const AcademicCalendar& cal, Date today);

}  // namespace trellis
