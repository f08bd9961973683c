#pragma once
/// The JSON shape of one item of evidence, defined once: `trellis evidence
/// --format json` prints it, and so will the web server. Its fields are part
/// of the outward contract (DESIGN.md): add to them, never rename.
///
///     auto out = nlohmann::json::array();
///     for (const EvidenceItem& e : evidence_for(db, 123456)) out.push_back(to_json(e));
///     // [{"urn": 123456, "period": "2018-19", "indicator": "persistent_absence_pct", "value": 21.3,
///     //   "missing": null, "source": "england_abs.csv", "line": 4102, "recorded_at": "...", ...}]
#include <nlohmann/json.hpp>

#include "trellis/evidence.hpp"

namespace trellis {

/// id, urn, period, indicator, label, unit, direction, value (the number, else
/// the text, else null), text (a number's words, e.g. a grade's; else null),
/// missing (why there is no value, else null), source, line, column,
/// import_id, recorded_by, recorded_at, supersedes, superseded_by.
nlohmann::json to_json(const EvidenceItem& e);

}  // namespace trellis
