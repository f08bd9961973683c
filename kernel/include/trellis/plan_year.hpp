#pragma once
/// A body's year planned from its adopted policy before any assessment: the
/// calendar heads are given at the start of the year (a body's own policy may
/// say so, e.g. a QA calendar "shared with Headteachers" so that they "know
/// when activity is scheduled"). Each member school gets the activities its
/// regime plans for a school not yet assessed (an assessment with no level),
/// and the body its board meetings and deadlines. Re-planning keeps what has
/// happened; a later assessment re-plans on top of it.
///
///     auto run = plan_adopted_year(db, host, actor, clock, {"example-trust", Period::parse("2019-20"), Date::parse("2019-09-02")});
#include <optional>
#include <string>

#include "trellis/actor.hpp"
#include "trellis/clock.hpp"
#include "trellis/date.hpp"
#include "trellis/period.hpp"
#include "trellis/plugin_host.hpp"
#include "trellis/schedule/store.hpp"
#include "trellis/store/database.hpp"

namespace trellis {

struct YearPlanOptions {
  std::string body_id;
  Period year;             ///< an academic year, e.g. 2019-20
  std::optional<Date> on;  ///< the day the plan is made (default: today); nothing is planned before it
};

struct YearPlanRun {
  std::string regime, policy_version;
  std::size_t schools = 0;
  std::size_t activities_planned = 0;
  ReplanSummary replan;
  std::string planned_from;
  std::vector<std::string> warnings;  ///< what the plan could not keep of the policy's [workload]
};

/// Throws UsageError (unknown body, not a year, a period of the year already
/// assessed, no policy adopted on the year's first school day, no member
/// schools, a day outside the year),
/// InputError (the regime cannot plan under the policy); nothing is stored then.
YearPlanRun plan_adopted_year(Database& db, PluginHost& host, const Actor& by, const Clock& clock,
                              const YearPlanOptions& options);

}  // namespace trellis
