#include "trellis/assessment_json.hpp"

#include "trellis/json_optional.hpp"

namespace trellis {

nlohmann::json to_json(const Decision& d) {
  return {{"level", d.level}, {"stage", d.stage}, {"by", d.by}, {"on", d.on}, {"rationale", d.rationale}};
}

nlohmann::json to_json(const SchoolAssessment& a) {
  auto ratings = nlohmann::json::array();
  for (const auto* list : {&a.ratings, &a.recorded})
    for (const auto& r : *list) {
      nlohmann::json j{{"subject", r.subject}, {"level", r.level}, {"stage", r.stage}};
      if (!r.reasons.empty()) j["reasons"] = r.reasons;
      ratings.push_back(std::move(j));
    }
  return {{"urn", a.urn},
          {"name", a.name},
          {"body", a.body},
          {"regime", a.regime},
          {"period", a.period},
          {"level", a.level},
          {"classified", a.classified},
          {"previous_level", or_null(a.previous_level)},
          {"computed_level", a.computed_level},
          {"decision", a.decision ? to_json(*a.decision) : nlohmann::json()},
          {"changed", a.changed()},
          {"switch", or_null(a.switch_note())},
          {"reasons", a.reasons},
          {"ratings", ratings},
          {"policy_version", a.policy_version},
          {"policy_hash", a.policy_hash}};
}

}  // namespace trellis
