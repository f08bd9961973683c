#include "trellis/policy/crosswalk_check.hpp"

#include <algorithm>

#include "suggest.hpp"
#include "trellis/policy/area_crosswalk.hpp"

namespace trellis {
namespace {

std::vector<std::string> overall_levels(const sdk::RegimeDescription& d) {
  std::vector<std::string> out;
  for (const auto& scale : d.scales)
    if (scale.id == d.overall_scale)
      for (const auto& l : scale.levels) out.push_back(l.id);
  return out;
}

std::string listed(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : ", ") + i;
  return out;
}

/// Per area: `from` is one of the other regime's areas, each key of `levels` a level of its scale.
void other_areas(const Policy& policy, const std::string& other, const sdk::RegimeDescription& d,
                 std::vector<PolicyProblem>& out) {
  std::vector<std::string> areas;
  for (const auto& a : d.areas) areas.push_back(a.id);
  for (const auto& a : area_crosswalks(policy.view(), other)) {
    const std::string at = "crosswalk." + other + ".areas." + a.area;
    if (a.from.empty()) continue;  // check_policy names the missing key
    if (std::find(areas.begin(), areas.end(), a.from) == areas.end()) {
      out.push_back({policy.where_value(at + ".from"), "expected an area of " + other + " (" + listed(areas) +
                                                           "), found \"" + a.from + "\"" +
                                                           policy_suggest::did_you_mean(a.from, areas)});
      continue;
    }
    const auto levels = scale_levels(d, a.from);
    for (const auto& [level, to] : a.levels)
      if (std::find(levels.begin(), levels.end(), level) == levels.end())
        out.push_back({policy.where(at + ".levels." + level),
                       "expected a level of " + other + "'s " + scale_id(d, a.from) + " scale (" + listed(levels) +
                           "), the scale its area " + a.from + " is rated on, found \"" + level + "\"" +
                           policy_suggest::did_you_mean(level, levels)});
  }
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
      if (level != "areas" && std::find(levels.begin(), levels.end(), level) == levels.end())
        out.push_back({policy.where("crosswalk." + other + "." + level),
                       "expected a level of " + other + "'s " + d->overall_scale + " scale (" + listed + "), found \"" +
                           level + "\"" + policy_suggest::did_you_mean(level, levels)});
    other_areas(policy, other, *d, out);
  }
  return out;
}

}  // namespace trellis
