#include "trellis/switch_policy.hpp"

#include <map>

#include <nlohmann/json.hpp>

#include "trellis/calendar.hpp"
#include "trellis/date.hpp"
#include "trellis/error.hpp"
#include "trellis/schedule/activity.hpp"
#include "trellis/store/activity_repository.hpp"
#include "trellis/store/audit.hpp"
#include "trellis/store/body_repository.hpp"

namespace trellis {
namespace {

std::string day_before(const std::string& date) { return (Date::parse(date) - 1).to_string(); }

/// Cancels the body's activities still to happen that start on or after `from`, in its year and the next;
/// not the papers and minutes of a meeting held before it (they follow an anchor that starts before `from`).
std::vector<std::int64_t> cancel_from(Database& db, const Clock& clock, const std::string& body_id, Date from,
                                      const std::string& reason) {
  std::vector<std::int64_t> out;
  const int first = academic_start_year(from);
  for (int y = first; y <= first + 1; ++y) {
    const auto year = db.activities().in_scope(body_id, Period::year(y).to_string(), std::nullopt);
    std::map<std::string, Date> starts;
    for (const auto& a : year) starts.emplace(a.uid, a.start);
    const auto before_switch = [&](const std::optional<std::string>& anchor) {
      auto it = anchor ? starts.find(*anchor) : starts.end();
      return it != starts.end() && it->second < from;
    };
    for (const auto& a : year) {
      const bool to_happen = a.status == ActivityStatus::planned || a.status == ActivityStatus::moved;
      if (!to_happen || a.start < from || before_switch(a.anchor_uid)) continue;
      db.activities().set_status(*a.id, ActivityStatus::cancelled, reason, std::nullopt, clock.timestamp());
      out.push_back(*a.id);
    }
  }
  return out;
}

}  // namespace

SwitchRun adopt_from(Database& db, PluginHost& host, const Actor& by, const Clock& clock, const std::string& body_id,
                     const std::filesystem::path& policy, const std::string& from_date) {
  std::string why;
  const auto from = Date::try_parse(from_date, &why);
  if (!from) throw UsageError("an adoption's first day: " + why, Field::from);
  Transaction tx(db);
  // The adoption in force on that day until now: the one this takes over from.
  auto was = db.bodies().adoption_on(body_id, from_date);
  SwitchRun run{adopt_policy(db, host, by, clock, body_id, policy, from_date), std::move(was), {}};
  if (run.regime_changed()) {
    const std::string reason = "framework changed on " + from_date;
    run.cancelled = cancel_from(db, clock, body_id, *from, reason);
    if (!run.cancelled.empty()) {
      const nlohmann::json changes{{"activities", run.cancelled}, {"status", "cancelled"}, {"reason", reason},
                                   {"regime", {{"from", run.replaced->regime}, {"to", run.adoption.regime}}}};
      record_audit(db, by, clock,
                   {"activity cancel",
                    std::to_string(run.cancelled.size()) + " activities of " + body_id + " under " +
                        run.replaced->regime + " from " + from_date + ": " + reason,
                    "", body_id, std::nullopt, changes.dump()});
    }
  }
  tx.commit();
  return run;
}

std::vector<AdoptionSpan> adoption_history(Database& db, const std::string& body_id) {
  std::vector<AdoptionSpan> out;
  for (auto& a : db.bodies().adoptions(body_id)) {
    // A later adoption from the same day replaces this one outright.
    if (!out.empty() && out.back().adoption.from_date == a.from_date) out.pop_back();
    if (!out.empty()) out.back().to = day_before(a.from_date);
    out.push_back({std::move(a), std::nullopt});
  }
  return out;
}

}  // namespace trellis
