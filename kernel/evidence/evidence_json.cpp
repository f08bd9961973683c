#include "trellis/evidence_json.hpp"

#include "trellis/json_optional.hpp"

namespace trellis {

nlohmann::json to_json(const EvidenceItem& e) {
  // A text-only item (a date, a note) carries its text as the value; "text" is then null, not a copy.
  const nlohmann::json value = e.value ? nlohmann::json(*e.value) : or_null(e.text);
  return {{"id", e.id},
          {"urn", e.urn},
          {"period", e.period},
          {"indicator", e.indicator},
          {"label", e.label},
          {"unit", e.unit},
          {"direction", e.direction},
          {"value", value},
          {"text", e.value ? or_null(e.text) : nlohmann::json()},
          {"missing", or_null(e.missing)},
          {"source", e.source},
          {"line", or_null(e.line)},
          {"column", or_null(e.column)},
          {"import_id", or_null(e.import_id)},
          {"recorded_by", or_null(e.recorded_by)},
          {"recorded_at", e.recorded_at},
          {"supersedes", or_null(e.supersedes)},
          {"superseded_by", or_null(e.superseded_by)}};
}

}  // namespace trellis
