// The hot path of every import: one prepared INSERT whose provenance
// parameters are bound once, and a per-pair check so that a first import of a
// period never looks items up school by school. The pairs that have evidence
// are read in one pass when the writer starts: the evidence table has no index
// on (indicator, period), so asking pair by pair would scan it once per pair.
#include <set>

#include "trellis/evidence.hpp"

namespace trellis {

struct EvidenceWriter::Impl {
  Database& db;
  Statement insert;
  Statement current;
  std::set<std::string, std::less<>> pairs;  ///< "indicator\x1fperiod" that had evidence
  std::string key;                           ///< reused to build set keys

  Impl(Database& d, const Provenance& p)
      : db(d),
        insert(d, "INSERT INTO evidence(urn, period, indicator, value_num, value_text, missing, import_id, source, "
                  "line, col, recorded_by, recorded_at, supersedes) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
                  "?10, ?11, ?12, ?13)"),
        current(d, "SELECT e.id, e.value_num, e.value_text, e.missing, e.import_id, e.line FROM evidence e "
                   "WHERE e.urn = ?1 AND e.indicator = ?2 AND e.period = ?3 "
                   "AND NOT EXISTS (SELECT 1 FROM evidence s WHERE s.supersedes = e.id) ORDER BY e.id DESC") {
    // Statement::run() resets without clearing bindings, so these stay bound.
    insert.bind(7, p.import_id).bind(8, p.source).bind(11, p.recorded_by).bind(12, p.recorded_at);
    Statement all(d, "SELECT DISTINCT indicator, period FROM evidence");
    while (all.step()) pairs.insert(all.text(0) + '\x1f' + all.text(1));
  }
};

EvidenceWriter::EvidenceWriter(Database& db, Provenance provenance)
    : impl_(std::make_unique<Impl>(db, provenance)) {}
EvidenceWriter::~EvidenceWriter() = default;

bool EvidenceWriter::pair_has_evidence(std::string_view indicator, std::string_view period) {
  std::string& key = impl_->key;
  key.assign(indicator).append(1, '\x1f').append(period);
  return impl_->pairs.count(key) > 0;
}

std::vector<EvidenceWriter::Held> EvidenceWriter::current(std::int64_t urn, std::string_view indicator,
                                                          std::string_view period) {
  Statement& q = impl_->current;
  q.bind(1, urn).bind(2, indicator).bind(3, period);
  std::vector<Held> out;
  while (q.step()) {
    std::optional<int> line;
    if (!q.is_null(5)) line = static_cast<int>(q.integer(5));
    out.push_back({q.integer(0), q.opt_real(1), q.opt_text(2), q.opt_text(3), q.opt_integer(4), line});
  }
  q.reset();
  return out;
}

std::int64_t EvidenceWriter::insert(const Item& item, std::optional<std::int64_t> supersedes) {
  Statement& s = impl_->insert;
  s.bind(1, item.urn).bind(2, item.period).bind(3, item.indicator).bind(4, item.value);
  item.text.empty() ? s.bind_null(5) : s.bind(5, item.text);
  item.missing.empty() ? s.bind_null(6) : s.bind(6, item.missing);
  item.line > 0 ? s.bind(9, item.line) : s.bind_null(9);
  item.column > 0 ? s.bind(10, item.column) : s.bind_null(10);
  s.bind(13, supersedes);
  s.run();
  return impl_->db.last_insert_id();
}

EvidenceWriter::Outcome EvidenceWriter::append(const Item& item) {
  if (pair_has_evidence(item.indicator, item.period)) {
    auto held = current(item.urn, item.indicator, item.period);
    if (!held.empty()) {
      const Held& h = held.front();
      const bool same = h.value == item.value && h.text.value_or("") == item.text &&
                        h.missing.value_or("") == item.missing;
      if (same) {
        ++unchanged_;
        return Outcome::unchanged;
      }
      insert(item, h.id);
      ++superseded_;
      return Outcome::superseded;
    }
  }
  insert(item);
  ++added_;
  return Outcome::added;
}

}  // namespace trellis
