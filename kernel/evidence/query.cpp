// Items come in the repository's order: newest period first, then by indicator.
#include "trellis/evidence.hpp"
#include "trellis/store/evidence_repository.hpp"

namespace trellis {

std::vector<EvidenceItem> evidence_for(Database& db, std::int64_t urn, const EvidenceQuery& query) {
  std::vector<EvidenceItem> out;
  for (EvidenceItem& e : db.evidence().of_school(urn)) {
    if (e.superseded_by && !query.include_superseded) continue;
    if (query.period) {
      // Stored periods were validated on the way in; a year contains its terms.
      auto p = Period::try_parse(e.period);
      if (!p || !query.period->contains(*p)) continue;
    }
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace trellis
