#pragma once
/// The scheduler: turns activity rules into a year's dated activities. It is
/// pure and deterministic: the same calendar, body, year and rules give the
/// same activities, in the same order, with the same UIDs.
///
///     sdk::ActivityRule meeting{.id = "s8.meeting", .type = "meeting", .title = "Monitoring and support meeting",
///                               .cadence = sdk::Cadence::per_term};
///     sdk::ActivityRule minutes{.id = "s8.minutes", .type = "deadline", .title = "Minutes distributed",
///                               .cadence = sdk::Cadence::after, .anchor = "s8.meeting",
///                               .offset_days = 7, .is_deadline = true, .day_kind = sdk::DayKind::working};
///     std::vector<Activity> plan = plan_year(cal, "example-la", Period::parse("2024-25"),
///                                            {RuleSet{.urn = 123456, .rules = {meeting, minutes}}});
///
/// How each cadence is placed:
/// - per_year / per_term / per_half_term / in_half_term: `count` activities in
///   each window (the year, each term, each half-term, or half-term `window`),
///   spread evenly over the window's school days (term time). `window` narrows the
///   cadences to a term or half-term ("spring", "autumn-2"); `from`/`to` narrow
///   them to dates. Each school's dates sit at its own point in each stretch,
///   derived from its URN and the rule, so fifty schools do not share one day;
///   a school's events do not share a day when another day in the stretch is free.
///   An event with rules anchored on it is kept far enough inside its stretch
///   for them to fall there too (the agenda two weeks before the first
///   meeting of a term is in that term), when the stretch is long enough.
///   A deadline in a window is due on the stretch's last school day.
///   A spread rule with an `anchor` uses only the days between that rule's
///   activities: after the first, and not on one or the working day before one
///   (interim visits between monitoring meetings); all its days if none is left.
/// - monthly: `count` in each calendar month's school days within the window.
/// - before: `offset_days` (calendar, working or school days: the rule's
///   offset_kind()) before each activity of rule
///   `anchor`; a calendar date that is not a working day moves earlier. An
///   anchored activity's title ends with its anchor's type and date:
///   "Agenda circulated (meeting on 2025-05-22)".
/// - after: `offset_days` after the end of each `anchor` activity; a calendar
///   date that is not a working day moves later, as deadlines conventionally do.
/// - within: a window from `anchor_date` (or each `anchor` activity) to
///   `offset_days` after it; a deadline is due on its last day.
/// - on_date: on `anchor_date`, when that date is in the year.
/// An `anchor` is looked for in the same rule set first, then among the
/// body-wide rule sets (those without a URN). An anchored activity records
/// its anchor's UID, its signed offset and whether it counts working or
/// calendar days. What comes after an anchor is dated from the day it was
/// held (PlanOptions::held), when it was: minutes are due seven working days
/// after the day the meeting actually took place. Otherwise an anchored
/// activity is dated from its anchor's dates since it was moved
/// (PlanOptions::moved), else from its planned ones.
///
/// A mid-year change (a school re-banded in spring) plans only from the rule
/// set's `from`: activities that would start before it are left out, and in
/// a stretch that `from` cuts, an activity whose day is still to come keeps
/// it (re-planning unchanged rules mid-term moves nothing) while one whose
/// day has passed is spread over the days left. Occurrence indexes,
/// and so UIDs, are the same whatever `from` is: a per_term rule's spring
/// visit is occurrence 1 even when autumn is left out, and an anchored
/// activity has its anchor's index.
#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "trellis/calendar.hpp"
#include "trellis/period.hpp"
#include "trellis/schedule/activity.hpp"
#include "trellis/schedule/planned_year.hpp"
#include "trellis/schedule/uid_days.hpp"
#include "trellis/sdk/activity.hpp"

namespace trellis {

/// The rules for one school (or, without a URN, for the body itself).
struct RuleSet {
  std::optional<std::int64_t> urn;
  std::optional<std::int64_t> assessment_id;  ///< the assessment the rules follow from
  std::vector<sdk::ActivityRule> rules;
  /// Plan only activities starting on or after this day (see the file comment).
  std::optional<Date> from = std::nullopt;
};

/// A rule set whose rules are held elsewhere: in a RuleSet, or once for many sets (RuleSets).
struct RuleSetView {
  std::optional<std::int64_t> urn;
  std::optional<std::int64_t> assessment_id;
  std::vector<const sdk::ActivityRule*> rules;
  std::optional<Date> from = std::nullopt;
};

/// The rule sets of a body's year when they are many and much alike (every
/// school of a national body under one regime): each distinct rule is held
/// once, however many sets have it (issue 18).
///
///     RuleSets sets;
///     for (...) sets.add(planning::school_rules(...));
///     sets.set_assessment(0, 42);
///     sets.plan_from(from);
///     PlannedYear plan = plan_year_compact(cal, "example-la", year, sets);
class RuleSets {
 public:
  RuleSets() = default;
  RuleSets(const RuleSets&) = delete;  // the sets point into rules_
  RuleSets& operator=(const RuleSets&) = delete;
  RuleSets(RuleSets&&) = default;  // a deque's elements stay where they are
  RuleSets& operator=(RuleSets&&) = default;

  void add(const RuleSet& set);
  std::size_t size() const { return sets_.size(); }
  /// The distinct rules held.
  std::size_t rules() const { return rules_.size(); }
  void set_assessment(std::size_t i, std::optional<std::int64_t> id) { sets_[i].assessment_id = id; }
  /// Every set is planned from `from` (RuleSet::from).
  void plan_from(std::optional<Date> from);
  const std::vector<RuleSetView>& sets() const { return sets_; }

 private:
  std::vector<RuleSetView> sets_;
  std::deque<sdk::ActivityRule> rules_;
  std::unordered_multimap<std::size_t, const sdk::ActivityRule*> by_hash_;
};

/// Who carries out the body's visits, meetings and conversations, and how many
/// a day (a policy's [workload]). An activity of one of `types` with an
/// attendee starting with `role` is the officer's linked to its school: the
/// attendee is written "role: officer", and its day is one on which the
/// officer has fewer than `daily_limit` such events, when its stretch has one.
struct Workload {
  std::string role;
  int daily_limit = 0;  ///< 0: no limit
  std::vector<std::string> types;
  std::vector<std::string> officers;                ///< names
  std::map<std::int64_t, std::size_t> officer_of;  ///< urn -> index into `officers`
  /// Per officer: events already booked on each day by activities not being
  /// planned now (the other schools', when one school is re-planned).
  std::vector<std::map<Date, int>> booked;

  bool empty() const { return officers.empty(); }
};

/// What has happened to stored activities that anchored ones are dated from.
struct PlanOptions {
  /// uid -> the day an activity was actually held (done on). What comes after
  /// it (minutes) is dated from that day; what comes before it is not.
  std::map<std::string, Date> held;
  /// uid -> the dates of an activity since it was last moved: what is anchored on it is dated from them.
  std::map<std::string, DateRange> moved;
  /// uid -> the day a stored activity that is still planned starts: when `from`
  /// cuts its stretch and that day is still to come, it keeps it, so a re-plan
  /// of unchanged rules moves nothing.
  UidDays planned;
  /// urn -> the days its stored, still-planned activities start on, sorted and
  /// each once: a day for a new or re-spread activity avoids them where another will do.
  std::map<std::int64_t, std::vector<Date>> planned_days;
  /// The officers and their daily limit; empty: none.
  Workload workload = {};
};

/// Plans `year` (an academic year period). Throws InputError naming the rule
/// (and school) when a rule is unusable: unknown anchor, cycle, bad window,
/// bad date, duplicate id, count below 1. `unmet`, when given, receives one
/// sentence for each activity placed on a day that breaks the workload's daily
/// limit because no day of its stretch had room.
std::vector<Activity> plan_year(const AcademicCalendar& cal, const std::string& body, const Period& year,
                                const std::vector<RuleSet>& sets, const PlanOptions& options = {},
                                std::vector<std::string>* unmet = nullptr);

/// The same, taking the sets: each school's rules are freed as soon as they
/// are planned, and the sets are left empty.
std::vector<Activity> plan_year(const AcademicCalendar& cal, const std::string& body, const Period& year,
                                std::vector<RuleSet>&& sets, const PlanOptions& options = {},
                                std::vector<std::string>* unmet = nullptr);

/// The same plan held compactly (see planned_year.hpp), in the same order:
/// for a national year, whose activities as `Activity` values would not fit
/// in memory beside the rest of a run. Each school's rules are freed as soon
/// as they are planned, and the sets are left empty.
PlannedYear plan_year_compact(const AcademicCalendar& cal, const std::string& body, const Period& year,
                              std::vector<RuleSet>&& sets, const PlanOptions& options = {},
                              std::vector<std::string>* unmet = nullptr);

/// The same from rule sets held once (RuleSets), which are left as they are.
PlannedYear plan_year_compact(const AcademicCalendar& cal, const std::string& body, const Period& year,
                              const RuleSets& sets, const PlanOptions& options = {},
                              std::vector<std::string>* unmet = nullptr);

/// The day `offset_days` (negative: before) from `anchor`, counted as `kind`
/// says, as the planner counts it: working days with add_working_days (school
/// days too, for now); calendar days moved off a non-working day, earlier
/// before the anchor and later after it.
Date offset_date(const AcademicCalendar& cal, Date anchor, int offset_days, DayKind kind);

/// The stable calendar UID of occurrence `index` (from 0) of a rule.
std::string activity_uid(const std::string& body, std::optional<std::int64_t> urn, const std::string& rule,
                         const std::string& year, int index);

}  // namespace trellis
