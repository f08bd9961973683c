#include "trellis/error.hpp"
#include "trellis/evidence.hpp"
#include "trellis/store/evidence_repository.hpp"

namespace trellis {

bool is_indicator_id(std::string_view id) {
  if (id.empty() || id.size() > 64 || id.front() < 'a' || id.front() > 'z') return false;
  for (char c : id)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  return true;
}

void register_indicator(Database& db, const Indicator& ind) {
  if (!is_indicator_id(ind.id))
    throw UsageError("an indicator id must be snake_case (a-z, 0-9, _), found \"" + ind.id + "\"");
  if (ind.direction != "higher" && ind.direction != "lower" && ind.direction != "neutral")
    throw UsageError("an indicator's direction must be higher, lower or neutral, found \"" + ind.direction + "\"");
  Indicator kept = ind;
  if (kept.label.empty()) kept.label = kept.id;
  db.evidence().add_indicator(kept);
}

std::optional<Indicator> find_indicator(Database& db, std::string_view id) { return db.evidence().find_indicator(id); }

std::vector<Indicator> list_indicators(Database& db) { return db.evidence().indicators(); }

}  // namespace trellis
