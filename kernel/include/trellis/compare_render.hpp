#pragma once
/// A comparison of policies as a person reads it (text, Markdown, HTML), as
/// rows (CSV: one per school and policy) and as JSON (the shape defined once here).
///
///     std::cout << render_compare(run, "md");
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "trellis/compare.hpp"

namespace trellis {

/// `format`: table, md, html, csv or json.
std::string render_compare(const CompareRun& run, const std::string& format);

nlohmann::json to_json(const CompareRun& run);

// The parts every face shows the same way (the web's compare page too).

/// A level as the policy's scale names it ("Early Intervention"); its id when the scale has no such level.
std::string level_label(const ComparedPolicy& policy, const std::string& level);
/// The levels on each side of a table (ids): the adopted policy's (rows) and
/// the other's (columns), each in its scale's order, best first.
std::pair<std::vector<std::string>, std::vector<std::string>> table_sides(const CompareRun& run, const LevelTable& table);
/// How many schools are at `adopted_level` under the adopted policy and `other_level` under the other.
int table_count(const LevelTable& table, const std::string& adopted_level, const std::string& other_level);
/// "Crosswalk: ... At the same place: 3; at another: 1.", or that there is none.
std::string crosswalk_sentence(const LevelTable& table);

}  // namespace trellis
