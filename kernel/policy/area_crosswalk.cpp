#include "trellis/policy/area_crosswalk.hpp"

namespace trellis {

std::string scale_id(const sdk::RegimeDescription& d, const std::string& subject) {
  for (const auto& s : d.subject_scales)
    if (s.subject == subject) return s.scale;
  return d.overall_scale;
}

std::vector<std::string> scale_levels(const sdk::RegimeDescription& d, const std::string& subject) {
  const std::string id = scale_id(d, subject);
  std::vector<std::string> out;
  for (const auto& scale : d.scales)
    if (scale.id == id)
      for (const auto& l : scale.levels) out.push_back(l.id);
  return out;
}

std::vector<AreaCrosswalk> area_crosswalks(const sdk::PolicyView& policy, const std::string& other) {
  std::vector<AreaCrosswalk> out;
  const std::string at = "crosswalk." + other + ".areas";
  for (const auto& area : policy.keys(at)) {
    AreaCrosswalk a{area, policy.text(at + "." + area + ".from").value_or(""), {}};
    for (const auto& level : policy.keys(at + "." + area + ".levels"))
      if (auto to = policy.text(at + "." + area + ".levels." + level)) a.levels[level] = *to;
    out.push_back(std::move(a));
  }
  return out;
}

}  // namespace trellis
