#pragma once
/// The JSON shape of an assessment, defined once: `trellis assess --format json`
/// prints it, and so will the web server. Its fields are part of the outward
/// contract (DESIGN.md): add to them, never rename.
///
///     AssessRun run = assess_body(db, host, officer, clock, {"example-la", Period::parse("2018-19")});
///     auto out = nlohmann::json::array();
///     for (const SchoolAssessment& a : run.schools) out.push_back(to_json(a));
///     // [{"urn": 123456, "name": "...", "level": "amber", "previous_level": "yellow", "reasons": [...], ...}]
#include <nlohmann/json.hpp>

#include "trellis/assessment.hpp"
#include "trellis/decision.hpp"

namespace trellis {

/// {"level", "stage", "by", "on", "rationale"}.
nlohmann::json to_json(const Decision& d);

/// Appends to `out` the text put_nested(out, to_json(d), depth) writes.
void put_json(std::string& out, const Decision& d, int depth);

/// One school's assessment: urn, name, body, regime, period, level (the one that
/// counts), classified, previous_level (null when none), computed_level,
/// decision (null until decided), changed, switch (null unless the school
/// changed framework), reasons, ratings [{subject, level, stage, reasons?}]
/// (the regime's computed ratings, overall then per area or indicator, then
/// the recorded ratings it rests on; reasons only where there are some),
/// policy_version, policy_hash.
nlohmann::json to_json(const SchoolAssessment& a);

/// Appends to `out` the text put_nested(out, to_json(a), depth) writes, byte
/// for byte, without building the JSON value: a country's run prints tens of
/// thousands of schools (issue 18).
void put_json(std::string& out, const SchoolAssessment& a, int depth);

}  // namespace trellis
