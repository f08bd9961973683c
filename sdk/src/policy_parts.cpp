// Reading the description parts a policy declares, through PolicyView.
#include "trellis/sdk/policy_parts.hpp"

namespace trellis::sdk {
inline namespace v1 {

std::vector<IndicatorSpec> policy_indicators(const PolicyView& policy) {
  std::vector<IndicatorSpec> out;
  for (const auto& id : policy.keys("indicators")) {
    const std::string base = "indicators." + id + ".";
    IndicatorSpec spec;
    spec.id = id;
    spec.label = policy.text(base + "label").value_or(id);
    spec.unit = policy.text(base + "unit").value_or("");
    const auto direction = policy.text(base + "direction").value_or("neutral");
    spec.direction = direction == "higher_is_better"  ? Direction::higher_is_better
                     : direction == "lower_is_better" ? Direction::lower_is_better
                                                      : Direction::neutral;
    spec.area = policy.text(base + "area").value_or("");
    spec.priority = policy.text(base + "priority").value_or("");
    out.push_back(std::move(spec));
  }
  return out;
}

std::vector<Priority> policy_priorities(const PolicyView& policy) {
  std::vector<Priority> out;
  for (const auto& id : policy.keys("priorities"))
    out.push_back({id, policy.text("priorities." + id + ".label").value_or(id)});
  return out;
}

std::vector<Area> policy_areas(const PolicyView& policy) {
  std::vector<Area> out;
  for (const auto& id : policy.keys("areas")) out.push_back({id, policy.text("areas." + id + ".label").value_or(id)});
  return out;
}

}  // namespace v1
}  // namespace trellis::sdk
