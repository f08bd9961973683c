// The hot path of every import: a per-pair check, so that a first import of a
// period never looks items up school by school. The pairs that have evidence
// are read in one pass when the writer starts: the evidence table has no index
// on (indicator, period), so asking pair by pair would scan it once per pair.
#include <set>

#include "trellis/evidence.hpp"
#include "trellis/store/evidence_repository.hpp"

namespace trellis {

struct EvidenceWriter::Impl {
  Database& db;
  Provenance provenance;
  std::set<std::string, std::less<>> pairs;  ///< "indicator\x1fperiod" that had evidence
  std::string key;                           ///< reused to build set keys

  Impl(Database& d, Provenance p) : db(d), provenance(std::move(p)), pairs(d.evidence().pairs()) {}
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
  return impl_->db.evidence().current(urn, indicator, period);
}

std::int64_t EvidenceWriter::insert(const Item& item, std::optional<std::int64_t> supersedes) {
  return impl_->db.evidence().add(item, impl_->provenance, supersedes);
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
