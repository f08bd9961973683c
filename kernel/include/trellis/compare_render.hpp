#pragma once
/// A comparison of policies as a person reads it (text, Markdown, HTML), as
/// rows (CSV: one per school and policy) and as JSON (the shape defined once here).
///
///     std::cout << render_compare(run, "md");
#include <string>

#include <nlohmann/json.hpp>

#include "trellis/compare.hpp"

namespace trellis {

/// `format`: table, md, html, csv or json.
std::string render_compare(const CompareRun& run, const std::string& format);

nlohmann::json to_json(const CompareRun& run);

}  // namespace trellis
