#pragma once
/// A policy's [crosswalk.OTHER] tables checked against the other regime's
/// scale: each key must be a level of OTHER's overall scale (its values, this
/// regime's levels, are checked by check_policy). The caller looks OTHER up,
/// e.g. by loading its plugin.
///
///     auto problems = check_crosswalks(policy, [&](const std::string& id) { return &host.description(id); });
#include <functional>
#include <string>
#include <vector>

#include "trellis/policy.hpp"
#include "trellis/sdk/description.hpp"

namespace trellis {

/// The other regime's description, or null when no such regime is installed.
using RegimeLookup = std::function<const sdk::RegimeDescription*(const std::string& regime)>;

/// Every problem, at the key's file:line:col, in file order.
std::vector<PolicyProblem> check_crosswalks(const Policy& policy, const RegimeLookup& regime_of);

}  // namespace trellis
