#pragma once
/// What happened to a planned activity, as a use case: an admin or the body's
/// officer records it done, moves, cancels or marks it missed, in one
/// transaction with its audit row.
///
///     ActivityChange c = change_activity(db, officer, clock, {ActivityStep::done, 42, on, "Held in the library"});
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "trellis/actor.hpp"
#include "trellis/calendar.hpp"
#include "trellis/clock.hpp"
#include "trellis/date.hpp"
#include "trellis/schedule/ics.hpp"
#include "trellis/schedule/store.hpp"
#include "trellis/store/database.hpp"

namespace trellis {

enum class ActivityStep { done, move, cancel, missed };

struct ActivityRequest {
  ActivityStep step = ActivityStep::done;
  std::int64_t id = 0;
  std::optional<Date> day;  ///< done: the day held; move: the new first day
  std::string text;         ///< done: a note; move, cancel, missed: the reason
  bool force = false;       ///< done, move: accept a weekend (move: or a bank holiday)
  std::vector<std::string> present = {};  ///< done: the ids of the people present (a panel's members)
};

/// The calendar the body's policy in force keeps for `year` (on `today`, else
/// from the year's 1 September); England's default when it has none, or when
/// the policy cannot be read (then `warning` says why).
AcademicCalendar body_calendar(Database& db, const std::string& body, Date today, const std::string& year,
                               std::string* warning = nullptr);

/// How the body's policy ([events]) times dated visits and meetings in a
/// calendar file, into `options`; the defaults when it has adopted none.
/// Throws InputError, naming the policy and key, for a start that is not "HH:MM".
void body_event_times(Database& db, const std::string& body, Date today, const std::string& year, IcsOptions& options);

/// Done with `present`: records each person present, for stages recorded at
/// a panel meeting (sdk::StagePanel).
/// Throws UsageError for an unknown id or person, `present` on another step, NotPermitted for someone other than an
/// admin or the body's officer, and what the schedule's own step throws.
ActivityChange change_activity(Database& db, const Actor& actor, const Clock& clock, const ActivityRequest& request);

}  // namespace trellis
