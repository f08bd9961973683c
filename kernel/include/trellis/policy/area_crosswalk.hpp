#pragma once
/// A policy's crosswalks per area: how another regime's rating of one of its
/// areas maps onto a rating of one of this regime's, beside the overall
/// [crosswalk.OTHER] levels.
///
///     [crosswalk.other-regime.areas.teaching]   # this regime's area
///     from = "quality_of_education"               # the other regime's
///     levels = { high = "strong", middle = "secure", low = "weak" }
///
///     for (const auto& a : area_crosswalks(policy.view(), "other-regime")) ...
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "trellis/sdk/description.hpp"
#include "trellis/sdk/policy_view.hpp"

namespace trellis {

struct AreaCrosswalk {
  std::string area;                           ///< this regime's area
  std::string from;                           ///< the other regime's area
  std::map<std::string, std::string> levels;  ///< the other area's level -> this area's

  std::optional<std::string> walk(const std::string& level) const {
    auto it = levels.find(level);
    return it == levels.end() ? std::nullopt : std::optional(it->second);
  }
};

/// The levels of the scale `subject` (an area or indicator) is rated on, best
/// first: its subject scale, else the overall one.
std::vector<std::string> scale_levels(const sdk::RegimeDescription& d, const std::string& subject);
/// Its id, for messages.
std::string scale_id(const sdk::RegimeDescription& d, const std::string& subject);

/// The per-area crosswalks `policy` declares from regime `other`, by area.
std::vector<AreaCrosswalk> area_crosswalks(const sdk::PolicyView& policy, const std::string& other);

}  // namespace trellis
