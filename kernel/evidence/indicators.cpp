#include "trellis/error.hpp"
#include "trellis/evidence.hpp"

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
  Statement s(db, "INSERT INTO indicators(id, label, unit, direction) VALUES (?, ?, ?, ?) ON CONFLICT(id) DO NOTHING");
  s.bind(1, ind.id).bind(2, ind.label.empty() ? ind.id : ind.label).bind(3, ind.unit).bind(4, ind.direction).run();
}

std::optional<Indicator> find_indicator(Database& db, std::string_view id) {
  Statement s(db, "SELECT id, label, unit, direction FROM indicators WHERE id = ?");
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  return Indicator{s.text(0), s.text(1), s.text(2), s.text(3)};
}

std::vector<Indicator> list_indicators(Database& db) {
  Statement s(db, "SELECT id, label, unit, direction FROM indicators ORDER BY id");
  std::vector<Indicator> out;
  while (s.step()) out.push_back({s.text(0), s.text(1), s.text(2), s.text(3)});
  return out;
}

}  // namespace trellis
