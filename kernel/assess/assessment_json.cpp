#include "trellis/assessment_json.hpp"

#include "trellis/json_optional.hpp"
#include "trellis/json_stream.hpp"

namespace trellis {
namespace {

void put_rating(std::string& out, const sdk::RatingOut& r, int depth) {
  PrettyObject o(out, depth);
  put_string(o.key("level"), r.level);
  if (!r.reasons.empty()) put_strings(o.key("reasons"), r.reasons, depth + 1);
  put_string(o.key("stage"), r.stage);
  put_string(o.key("subject"), r.subject);
  o.close();
}

}  // namespace

void put_json(std::string& out, const Decision& d, int depth) {
  PrettyObject o(out, depth);
  put_string(o.key("by"), d.by);
  put_string(o.key("level"), d.level);
  put_string(o.key("on"), d.on);
  put_string(o.key("rationale"), d.rationale);
  put_string(o.key("stage"), d.stage);
  o.close();
}

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

void put_json(std::string& out, const SchoolAssessment& a, int depth) {
  // The members of to_json(a), in the order its object keeps them: sorted by key.
  PrettyObject o(out, depth);
  put_string(o.key("body"), a.body);
  o.key("changed") += a.changed() ? "true" : "false";
  o.key("classified") += a.classified ? "true" : "false";
  put_string(o.key("computed_level"), a.computed_level);
  if (a.decision) put_json(o.key("decision"), *a.decision, depth + 1);
  else o.key("decision") += "null";
  put_string(o.key("level"), a.level);
  put_string(o.key("name"), a.name);
  put_string(o.key("period"), a.period);
  put_string(o.key("policy_hash"), a.policy_hash);
  put_string(o.key("policy_version"), a.policy_version);
  put_optional(o.key("previous_level"), a.previous_level);
  std::vector<const sdk::RatingOut*> ratings;  // the computed, then the recorded
  ratings.reserve(a.ratings.size() + a.recorded.size());
  for (const auto* list : {&a.ratings, &a.recorded})
    for (const auto& r : *list) ratings.push_back(&r);
  put_list(o.key("ratings"), ratings, depth + 1,
           [](std::string& out, const sdk::RatingOut* r, int at) { put_rating(out, *r, at); });
  put_strings(o.key("reasons"), a.reasons, depth + 1);
  put_string(o.key("regime"), a.regime);
  put_optional(o.key("switch"), a.switch_note());
  o.key("urn") += std::to_string(a.urn);
  o.close();
}

}  // namespace trellis
