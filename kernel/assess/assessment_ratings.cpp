#include "assessment_ratings.hpp"

namespace trellis::assessment_ratings {

nlohmann::json row_json(const sdk::RatingOut& r) {
  nlohmann::json j{{"subject", r.subject}, {"level", r.level}, {"stage", r.stage}};
  if (!r.rationale.empty()) j["rationale"] = r.rationale;
  if (!r.reasons.empty()) j["reasons"] = r.reasons;
  if (!r.evidence.empty()) j["evidence"] = r.evidence;
  return j;
}

sdk::RatingOut from_row_json(const nlohmann::json& j) {
  sdk::RatingOut r{j.at("subject"), j.at("level"), j.at("stage"), j.value("rationale", std::string()), {}};
  r.evidence = j.value("evidence", std::vector<std::int64_t>());
  r.reasons = j.value("reasons", std::vector<std::string>());
  return r;
}

std::string rationale_of(const sdk::RatingOut& r) {
  std::string out = r.rationale;
  for (const auto& reason : r.reasons) out += (out.empty() ? "" : out.back() == '.' ? " " : ". ") + reason;
  return out;
}

std::vector<sdk::RatingOut> recorded(Database& db, const std::string& body_id, const std::string& regime,
                                     std::int64_t urn, const std::string& period) {
  Statement s(db, R"(SELECT r.subject, r.level, r.stage, COALESCE(r.rationale, '') FROM ratings r
      WHERE r.body_id = ?1 AND r.urn = ?2 AND r.period = ?3 AND r.stage <> 'computed'
        AND (r.regime IS NULL OR r.regime = ?4)
        AND r.id = (SELECT MAX(b.id) FROM ratings b WHERE b.body_id = r.body_id AND b.urn = r.urn
                    AND b.period = r.period AND b.subject = r.subject AND b.stage = r.stage
                    AND (b.regime IS NULL OR b.regime = ?4))
      ORDER BY r.subject <> 'overall', r.subject, r.id)");
  s.bind(1, body_id).bind(2, urn).bind(3, period).bind(4, regime);
  std::vector<sdk::RatingOut> out;
  while (s.step()) {
    sdk::RatingOut r{s.text(0), s.text(1), s.text(2), s.text(3), {}};
    if (!r.rationale.empty()) r.reasons.push_back(r.rationale);
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace trellis::assessment_ratings
