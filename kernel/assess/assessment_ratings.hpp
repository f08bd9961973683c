#pragma once
// Internal to tk_assess: how an assessment's ratings are kept. The regime's
// own (computed) ratings go in the assessment's row, as JSON, and in the
// ratings table; the ratings people recorded for the school and period (self,
// moderated, validated, final) are read back beside them.
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "trellis/sdk/regime.hpp"
#include "trellis/store/database.hpp"

namespace trellis::assessment_ratings {

/// {subject, level, stage}, with reasons and evidence ids when there are any.
nlohmann::json row_json(const sdk::RatingOut& r);
/// The reverse; rows written before SDK 2 hold only subject, level and stage.
sdk::RatingOut from_row_json(const nlohmann::json& j);
/// The ratings table's rationale: the regime's rationale, then its reasons.
std::string rationale_of(const sdk::RatingOut& r);
/// The newest rating of each subject at each stage but `computed` recorded for
/// the school and period under the regime, overall first; its rationale, when
/// given, is its one reason.
std::vector<sdk::RatingOut> recorded(Database& db, const std::string& body_id, const std::string& regime,
                                     std::int64_t urn, const std::string& period);

}  // namespace trellis::assessment_ratings
