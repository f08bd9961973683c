// Items come newest period first, then in the order their indicators were
// registered, which is the order of the columns in the files they came from.
#include "trellis/evidence.hpp"

namespace trellis {

std::vector<EvidenceItem> evidence_for(Database& db, std::int64_t urn, const EvidenceQuery& query) {
  Statement s(db, R"(
    SELECT e.id, e.urn, e.period, e.indicator, e.value_num, e.value_text, e.missing, e.source, e.line, e.col,
           e.import_id, e.recorded_by, e.recorded_at, e.supersedes,
           (SELECT MIN(c.id) FROM evidence c WHERE c.supersedes = e.id),
           COALESCE(i.label, e.indicator), COALESCE(i.unit, ''), COALESCE(i.direction, 'neutral')
    FROM evidence e LEFT JOIN indicators i ON i.id = e.indicator
    WHERE e.urn = ?
    ORDER BY e.period DESC, i.rowid IS NULL, i.rowid, e.indicator, e.id)");
  s.bind(1, urn);
  std::vector<EvidenceItem> out;
  auto opt_int = [&](int col) -> std::optional<int> {
    if (s.is_null(col)) return std::nullopt;
    return static_cast<int>(s.integer(col));
  };
  while (s.step()) {
    EvidenceItem e;
    e.superseded_by = s.opt_integer(14);
    if (e.superseded_by && !query.include_superseded) continue;
    e.period = s.text(2);
    if (query.period) {
      // Stored periods were validated on the way in; a year contains its terms.
      auto p = Period::try_parse(e.period);
      if (!p || !query.period->contains(*p)) continue;
    }
    e.id = s.integer(0);
    e.urn = s.integer(1);
    e.indicator = s.text(3);
    e.value = s.opt_real(4);
    e.text = s.opt_text(5);
    e.missing = s.opt_text(6);
    e.source = s.text(7);
    e.line = opt_int(8);
    e.column = opt_int(9);
    e.import_id = s.opt_integer(10);
    e.recorded_by = s.opt_text(11);
    e.recorded_at = s.text(12);
    e.supersedes = s.opt_integer(13);
    e.label = s.text(15);
    e.unit = s.text(16);
    e.direction = s.text(17);
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace trellis
