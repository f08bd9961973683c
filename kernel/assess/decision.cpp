#include "trellis/decision.hpp"

#include <algorithm>

namespace trellis {
namespace {

std::map<std::int64_t, Decision> read_decisions(Statement& s, const std::vector<std::string>& stages) {
  // Rows come newest first; keep, per school, the one at the earliest stage in precedence.
  std::map<std::int64_t, std::pair<std::size_t, Decision>> best;
  while (s.step()) {
    const std::string stage = s.text(2);
    const auto rank = static_cast<std::size_t>(std::find(stages.begin(), stages.end(), stage) - stages.begin());
    if (rank == stages.size()) continue;
    const std::int64_t urn = s.integer(1);
    auto it = best.find(urn);
    if (it != best.end() && it->second.first <= rank) continue;
    Decision d{s.integer(0), s.text(3), stage, s.text(4), s.text(5), s.text(6), s.text(7)};
    best.insert_or_assign(urn, std::pair(rank, std::move(d)));
  }
  std::map<std::int64_t, Decision> out;
  for (auto& [urn, ranked] : best) out.emplace(urn, std::move(ranked.second));
  return out;
}

constexpr const char* kSelect = R"(SELECT id, urn, stage, level, set_by, set_at, COALESCE(rationale, ''),
      COALESCE(decided_on, substr(set_at, 1, 10))
    FROM ratings WHERE body_id = ? AND period = ? AND subject = 'overall' AND regime = ?)";

}  // namespace

std::vector<std::string> deciding_stages(const sdk::RegimeDescription& d) {
  std::vector<std::string> out;
  if (d.deciding_stage.empty()) return out;
  auto it = std::find_if(d.stages.begin(), d.stages.end(), [&](auto& s) { return s.id == d.deciding_stage; });
  if (it == d.stages.end()) return {d.deciding_stage};
  for (auto s = it + 1; s != d.stages.begin();) {
    --s;
    if (s->id != "self" && s->id != "computed") out.push_back(s->id);
  }
  return out;
}

const std::vector<std::string>& generic_deciding_stages() {
  static const std::vector<std::string> stages{"final", "validated", "moderated", "proposed"};
  return stages;
}

std::map<std::int64_t, Decision> decisions_for(Database& db, const std::string& body_id, const std::string& regime,
                                               const std::string& period, const std::vector<std::string>& stages) {
  if (stages.empty()) return {};
  Statement s(db, std::string(kSelect) + " ORDER BY id DESC");
  s.bind(1, body_id).bind(2, period).bind(3, regime);
  return read_decisions(s, stages);
}

std::optional<Decision> decision_for(Database& db, const std::string& body_id, const std::string& regime,
                                     std::int64_t urn, const std::string& period,
                                     const std::vector<std::string>& stages) {
  if (stages.empty()) return std::nullopt;
  Statement s(db, std::string(kSelect) + " AND urn = ? ORDER BY id DESC");
  s.bind(1, body_id).bind(2, period).bind(3, regime).bind(4, urn);
  auto all = read_decisions(s, stages);
  if (all.empty()) return std::nullopt;
  return all.begin()->second;
}

}  // namespace trellis
