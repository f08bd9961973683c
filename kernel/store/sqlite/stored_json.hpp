#pragma once
// An assessment row's JSON columns read back without building a JSON value:
// a country's report reads 125 MB of them (issue 18). Hand-written because
// nlohmann's lexer is the cost: over a national body's 21,224 stored rows its
// DOM parse took 0.88 s, its SAX parse 0.81 s, this reader 0.12 s (side by side).
#include <string_view>
#include <vector>

#include "trellis/sdk/regime.hpp"

namespace trellis::sqlite {

/// The `reasons` column: a list of texts. Exactly what
/// nlohmann::json::parse(text).get<std::vector<std::string>>() gives, and throws the same.
std::vector<std::string> stored_reasons(std::string_view text);

/// The `ratings` column: a list of {subject, level, stage, rationale?, evidence?, reasons?}.
/// Exactly what parsing it with nlohmann and reading each item by its keys gives, and throws the same.
std::vector<sdk::RatingOut> stored_ratings(std::string_view text);

}  // namespace trellis::sqlite
