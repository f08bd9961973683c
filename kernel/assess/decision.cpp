#include "trellis/decision.hpp"

#include <algorithm>

#include "trellis/period.hpp"

namespace trellis {
namespace {

std::map<std::int64_t, Decision> read_decisions(Statement& s, const std::vector<std::string>& stages,
                                                const std::vector<std::string>& periods) {
  // Rows come newest first; keep, per school, the one at the earliest stage in
  // precedence, then for the most specific period.
  std::map<std::int64_t, std::pair<std::size_t, Decision>> best;
  while (s.step()) {
    const std::string stage = s.text(2);
    const auto stage_rank = static_cast<std::size_t>(std::find(stages.begin(), stages.end(), stage) - stages.begin());
    const auto period_rank =
        static_cast<std::size_t>(std::find(periods.begin(), periods.end(), s.text(8)) - periods.begin());
    if (stage_rank == stages.size() || period_rank == periods.size()) continue;
    const std::size_t rank = stage_rank * periods.size() + period_rank;
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
      COALESCE(decided_on, substr(set_at, 1, 10)), period
    FROM ratings WHERE body_id = ? AND period IN (?, ?, ?) AND subject = 'overall' AND regime = ?)";

/// Binds the body, up to three periods (repeating the last) and the regime.
void bind_scope(Statement& s, const std::string& body_id, const std::vector<std::string>& periods,
                const std::string& regime) {
  s.bind(1, body_id);
  for (int i = 0; i < 3; ++i) s.bind(2 + i, periods[std::min<std::size_t>(static_cast<std::size_t>(i), periods.size() - 1)]);
  s.bind(5, regime);
}

}  // namespace

std::vector<std::string> period_and_enclosing(const std::string& period) {
  std::vector<std::string> out{period};
  const auto p = Period::try_parse(period);
  if (!p) return out;
  if (p->kind() == Period::Kind::half_term) out.push_back(Period::term(p->start_year(), p->term()).to_string());
  if (p->kind() != Period::Kind::year) out.push_back(p->academic_year().to_string());
  return out;
}

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
  const auto periods = period_and_enclosing(period);
  Statement s(db, std::string(kSelect) + " ORDER BY id DESC");
  bind_scope(s, body_id, periods, regime);
  return read_decisions(s, stages, periods);
}

std::optional<Decision> decision_for(Database& db, const std::string& body_id, const std::string& regime,
                                     std::int64_t urn, const std::string& period,
                                     const std::vector<std::string>& stages) {
  if (stages.empty()) return std::nullopt;
  const auto periods = period_and_enclosing(period);
  Statement s(db, std::string(kSelect) + " AND urn = ? ORDER BY id DESC");
  bind_scope(s, body_id, periods, regime);
  s.bind(6, urn);
  auto all = read_decisions(s, stages, periods);
  if (all.empty()) return std::nullopt;
  return all.begin()->second;
}

}  // namespace trellis
