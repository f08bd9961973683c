#pragma once
// What recording a rating changed, for the audit row of `trellis rate` and
// for each decision of `trellis import ratings`: one shape for both.
//
//     nlohmann::json changes = rating_changes(in, run);
//     // {"rating":41,"urn":123456,"period":"2024-25","subject":"overall","stage":"final","level":"yellow",
//     //  "counted_level":{"from":"amber","to":"yellow"},"replan":{"added":2,"cancelled":3,...}}
#include <nlohmann/json.hpp>

#include "trellis/decide.hpp"

namespace trellis {

/// The rating's id, school, period, subject, stage and level; for a decision,
/// the level that counted before and after, and what re-planning did.
nlohmann::json rating_changes(const RatingInput& in, const DecisionRun& run);

}  // namespace trellis
