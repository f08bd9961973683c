#pragma once
/// A body adopting a policy from a date, as a use case: when the regime
/// changes (a merged trust switching framework), what the old regime planned
/// from that day on is cancelled with the reason "framework changed on DATE";
/// what came before (assessments, ratings, decisions, notes, held activities)
/// is kept as it was. The earlier adoption ends the day before.
///
///     SwitchRun run = adopt_from(db, host, officer, clock, "merged-trust", "policies/other.toml", "2018-09-01");
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "trellis/actor.hpp"
#include "trellis/adoption.hpp"
#include "trellis/clock.hpp"
#include "trellis/plugin_host.hpp"
#include "trellis/store/database.hpp"

namespace trellis {

struct SwitchRun {
  Adoption adoption;
  std::optional<Adoption> replaced;        ///< the adoption in force on the first day until now, if any
  std::vector<std::int64_t> cancelled;     ///< activities of the old regime from the first day on
  bool regime_changed() const { return replaced && replaced->regime != adoption.regime; }
};

/// As adopt_policy, in one transaction with the cancellations (and their audit row).
SwitchRun adopt_from(Database& db, PluginHost& host, const Actor& by, const Clock& clock, const std::string& body_id,
                     const std::filesystem::path& policy, const std::string& from_date);

/// An adoption and its last day: the day before the next one's first (none: still in force).
struct AdoptionSpan {
  Adoption adoption;
  std::optional<std::string> to;
};

/// The body's adoptions over time, oldest first.
std::vector<AdoptionSpan> adoption_history(Database& db, const std::string& body_id);

}  // namespace trellis
