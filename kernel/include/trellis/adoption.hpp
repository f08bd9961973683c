#pragma once
/// A body adopts a policy from a date. A merged trust can switch frameworks by
/// adopting another policy from a later date; history is kept.
///
///     adopt_policy(db, host, officer, clock, "example-la", "policies/example-la.toml", "2024-09-01");
///     auto a = adoption_on(db, "example-la", "2025-01-15");
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "trellis/actor.hpp"
#include "trellis/calendar.hpp"
#include "trellis/clock.hpp"
#include "trellis/period.hpp"
#include "trellis/plugin_host.hpp"
#include "trellis/policy/crosswalk_check.hpp"
#include "trellis/store/database.hpp"

namespace trellis {

struct Adoption {
  std::int64_t id = 0;
  std::string body_id;
  std::filesystem::path policy_path;  ///< absolute
  std::string regime;
  std::string version;
  std::string policy_hash;
  std::string from_date;
  std::optional<std::string> review_warning;  ///< set when the policy is past its review date
};

class Policy;

/// The installed regimes' descriptions, by id (null for one not installed), for check_crosswalks.
RegimeLookup regime_lookup(PluginHost& host);

/// Binds the policy to its regime (Policy::declare: the regime's defaults and
/// the parts the policy declares), then throws InputError listing every
/// problem `check_policy` and `check_crosswalks` find in it (the regime must be loaded).
void require_valid(Policy& policy, PluginHost& host);

/// The policy at `file`, bound to its regime (Policy::declare), for reading
/// what the body adopted: its view falls back to the regime's defaults and
/// its description() has the trust's own scales, areas and indicators.
/// Throws InputError when the file cannot be read or its regime is not loaded.
Policy open_policy(const std::filesystem::path& file, PluginHost& host);

/// Policies opened once for a run that would otherwise open the same file for
/// every row it records (a file of ratings: issue 18). Keep one no longer than
/// the run: it does not see a file change on disk.
///
///     OpenedPolicies opened;
///     const Policy& p = opened.open(adoption.policy_path, host);   // the second call with that path parses nothing
class OpenedPolicies {
 public:
  OpenedPolicies();
  ~OpenedPolicies();
  /// As open_policy, the first time for each file.
  const Policy& open(const std::filesystem::path& file, PluginHost& host);
  /// The academic calendar the policy file sets (calendar_from_policy), the first time for each file.
  const AcademicCalendar& calendar(const std::filesystem::path& file);

 private:
  struct Loaded {
    std::unique_ptr<Policy> policy;
    bool declared = false;                    ///< its regime declared to it, as open() gives it
    std::optional<AcademicCalendar> calendar;
  };
  Loaded& loaded(const std::filesystem::path& file);
  std::map<std::filesystem::path, Loaded> loaded_;
};

/// Checks the policy against its regime (throws InputError listing every
/// problem), then records the adoption with its audit row, in one
/// transaction; an admin or the body's officer may. Returns it.
Adoption adopt_policy(Database& db, PluginHost& host, const Actor& by, const Clock& clock, const std::string& body_id,
                      const std::filesystem::path& policy, const std::string& from_date);

/// The adoption in force on the date, if any.
std::optional<Adoption> adoption_on(Database& db, const std::string& body_id, const std::string& date);

/// What holds for a body in a period, all from one calendar: the policy's
/// [calendar] (or the default England pattern when it has adopted none).
struct BodyPeriod {
  std::optional<Adoption> adoption;  ///< in force on the period's first school day
  AcademicCalendar calendar;
  Date first_school_day;  ///< the day membership and adoption are judged on
  DateRange span;         ///< the days the period covers (activities in it, a date's period)
  std::string start() const { return first_school_day.to_string(); }
};

/// Throws InputError when the adopted policy's [calendar] cannot be read.
/// `opened`: policies already opened by the caller's run, if any (see OpenedPolicies).
BodyPeriod body_period(Database& db, const std::string& body_id, const Period& period, OpenedPolicies* opened = nullptr);

}  // namespace trellis
