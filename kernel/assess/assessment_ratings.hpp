#pragma once
// Internal to tk_assess: how an assessment's ratings are kept. The regime's
// own (computed) ratings go with the assessment (the store keeps them in its
// row) and in the ratings table; the ratings people recorded for the school
// and period (self, moderated, validated, final) are read back beside them.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "trellis/sdk/regime.hpp"
#include "trellis/store/database.hpp"

namespace trellis::assessment_ratings {

/// Sets `out` to the ratings table's rationale: the regime's rationale, then
/// its reasons (into a string kept from the last rating: its room is reused).
void write_rationale(const sdk::RatingOut& r, std::string& out);
/// The newest rating of each subject at each stage but `computed` recorded for
/// the school and period under the regime, overall first; its rationale, when
/// given, is its one reason.
std::vector<sdk::RatingOut> recorded(Database& db, const std::string& body_id, const std::string& regime,
                                     std::int64_t urn, const std::string& period);
/// One of them, as recorded() gives it.
sdk::RatingOut recorded_rating(std::string_view subject, std::string_view level, std::string_view stage,
                               std::string_view rationale);

}  // namespace trellis::assessment_ratings
