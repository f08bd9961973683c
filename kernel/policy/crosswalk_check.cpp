#include "trellis/policy/crosswalk_check.hpp"

#include <algorithm>

#include "suggest.hpp"

namespace trellis {
namespace {

std::vector<std::string> overall_levels(const sdk::RegimeDescription& d) {
  std::vector<std::string> out;
  for (const auto& scale : d.scales)
    if (scale.id == d.overall_scale)
      for (const auto& l : scale.levels) out.push_back(l.id);
  return out;
}

}  // namespace

std::vector<PolicyProblem> check_crosswalks(const Policy& policy, const RegimeLookup& regime_of) {
  std::vector<PolicyProblem> out;
  const auto& view = policy.view();
  for (const auto& other : view.keys("crosswalk")) {
    const sdk::RegimeDescription* d = regime_of(other);
    if (!d) {
      out.push_back({policy.where("crosswalk." + other),
                     "expected the id of an installed regime plugin after [crosswalk.], found \"" + other + "\""});
      continue;
    }
    const auto levels = overall_levels(*d);
    std::string listed;
    for (const auto& l : levels) listed += (listed.empty() ? "" : ", ") + l;
    for (const auto& level : view.keys("crosswalk." + other))
      if (std::find(levels.begin(), levels.end(), level) == levels.end())
        out.push_back({policy.where("crosswalk." + other + "." + level),
                       "expected a level of " + other + "'s " + d->overall_scale + " scale (" + listed + "), found \"" +
                           level + "\"" + policy_suggest::did_you_mean(level, levels)});
  }
  return out;
}

}  // namespace trellis
