#pragma once
/// What a policy declares of its regime's description, read by the plugin.
/// The kernel merges the same tables into the description it uses
/// (RegimeDescription::from_policy says which it takes); a plugin that needs
/// them while it assesses or plans reads them here:
///
///     for (const IndicatorSpec& kpi : policy_indicators(policy))
///       if (!kpi.area.empty()) dashboard.push_back(kpi.id);
///
/// The policy's shape (sdk/README.md, "What the policy declares"):
///
///     [indicators.curriculum]
///     label = "Broad, rich curriculum"   unit = "rating"   direction = "higher_is_better"
///     area = "quality_of_education"      priority = "learning"   scale = "dashboard"
#include <string>
#include <vector>

#include "trellis/sdk/description.hpp"
#include "trellis/sdk/policy_view.hpp"

namespace trellis::sdk {
inline namespace v1 {

/// [indicators.ID] in file order. `trellis policy check` has checked them
/// (labels, links, directions) before any plugin runs on the policy.
std::vector<IndicatorSpec> policy_indicators(const PolicyView& policy);

/// [priorities.ID] in file order.
std::vector<Priority> policy_priorities(const PolicyView& policy);

/// [areas.ID] in file order.
std::vector<Area> policy_areas(const PolicyView& policy);

}  // namespace v1
}  // namespace trellis::sdk
