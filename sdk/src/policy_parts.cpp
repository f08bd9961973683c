// Reading the description parts a policy declares, through PolicyView.
#include "trellis/sdk/policy_parts.hpp"

namespace trellis::sdk {
inline namespace v1 {

std::vector<IndicatorSpec> policy_indicators(const PolicyView& policy) {
  std::vector<IndicatorSpec> out;
  // Regimes read this for every school: one path buffer, rewritten per key.
  std::string path;
  for (auto& id : policy.keys("indicators")) {
    path.assign("indicators.").append(id).push_back('.');
    const std::size_t base = path.size();
    auto text = [&](const char* key) { return policy.text(path.replace(base, std::string::npos, key)); };
    IndicatorSpec spec;
    spec.label = text("label").value_or(id);
    spec.unit = text("unit").value_or("");
    const auto direction = text("direction");
    spec.direction = direction == "higher_is_better"  ? Direction::higher_is_better
                     : direction == "lower_is_better" ? Direction::lower_is_better
                                                      : Direction::neutral;
    spec.area = text("area").value_or("");
    spec.priority = text("priority").value_or("");
    spec.id = std::move(id);
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
