#pragma once
// The regime the policy tests check against: a hand-written description, as
// a plugin's describe() would give (tests/data/policies/good.toml fits it).
#include <string>

#include "trellis/sdk/description.hpp"

namespace trellis::testing {

inline sdk::PolicyKeySpec key(std::string path, sdk::KeyType type, bool required = false) {
  sdk::PolicyKeySpec k;
  k.path = std::move(path);
  k.type = type;
  k.required = required;
  return k;
}

inline sdk::RegimeDescription test_regime() {
  using sdk::KeyType;
  sdk::RegimeDescription d;
  d.id = "test-regime";
  d.name = "Test regime";
  d.version = "1.0.0";
  d.scales.push_back({"rag", "RAG", {{"green", "Green", ""}, {"amber", "Amber", ""}, {"red", "Red", ""}}});
  d.overall_scale = "rag";
  sdk::IndicatorSpec pa;
  pa.id = "persistent_absence_pct";
  pa.label = "Persistent absence";
  pa.unit = "%";
  sdk::IndicatorSpec att;
  att.id = "attendance_pct";
  att.label = "Attendance";
  d.indicators = {pa, att};
  auto per_year = key("visits.*.per_year", KeyType::integer);
  per_year.min = 0;
  per_year.max = 12;
  auto per_term = key("visits.*.per_term", KeyType::integer);
  per_term.min = 0;
  per_term.max = 6;
  auto mode = key("classification.mode", KeyType::string);
  mode.choices = {"strict", "lenient"};
  auto pa_max = key("thresholds.params.pa_max", KeyType::number, true);
  pa_max.min = 0;
  pa_max.max = 100;
  auto green = key("visits.green.per_year", KeyType::integer, true);
  green.doc = "QA visits a year for a green school";
  d.policy_keys = {per_year,
                   per_term,
                   green,
                   key("classification.maintained_types", KeyType::string_list, true),
                   mode,
                   key("report", KeyType::table),
                   key("report.title", KeyType::string),
                   key("report.draft", KeyType::boolean),
                   key("report.board_date", KeyType::date),
                   pa_max,
                   key("bands.*.name", KeyType::string, true)};
  d.threshold_scripts = {"classify"};
  return d;
}

}  // namespace trellis::testing
