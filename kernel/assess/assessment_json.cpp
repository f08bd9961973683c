#include "trellis/assessment_json.hpp"

#include "trellis/json_optional.hpp"

namespace trellis {

nlohmann::json to_json(const Decision& d) {
  return {{"level", d.level}, {"stage", d.stage}, {"by", d.by}, {"on", d.on}, {"rationale", d.rationale}};
}

nlohmann::json to_json(const SchoolAssessment& a) {
  // Built field by field rather than from initializer lists, which copy every
  // value once more (a country's reasons, issue 18); an object prints its keys sorted either way.
  auto ratings = nlohmann::json::array();
  for (const auto* list : {&a.ratings, &a.recorded})
    for (const auto& r : *list) {
      auto j = nlohmann::json::object();
      j["subject"] = r.subject;
      j["level"] = r.level;
      j["stage"] = r.stage;
      if (!r.reasons.empty()) j["reasons"] = r.reasons;
      ratings.push_back(std::move(j));
    }
  auto out = nlohmann::json::object();
  out["urn"] = a.urn;
  out["name"] = a.name;
  out["body"] = a.body;
  out["regime"] = a.regime;
  out["period"] = a.period;
  out["level"] = a.level;
  out["classified"] = a.classified;
  out["previous_level"] = or_null(a.previous_level);
  out["computed_level"] = a.computed_level;
  out["decision"] = a.decision ? to_json(*a.decision) : nlohmann::json();
  out["changed"] = a.changed();
  out["switch"] = or_null(a.switch_note());
  out["reasons"] = a.reasons;
  out["ratings"] = std::move(ratings);
  out["policy_version"] = a.policy_version;
  out["policy_hash"] = a.policy_hash;
  return out;
}

}  // namespace trellis
