#include "trellis/decision.hpp"

#include <algorithm>

#include "trellis/period.hpp"
#include "trellis/store/rating_repository.hpp"

namespace trellis {
namespace {

std::map<std::int64_t, Decision> best_decisions(const std::vector<OverallRating>& rows,
                                                const std::vector<std::string>& stages,
                                                const std::vector<std::string>& periods) {
  // Rows come newest first; keep, per school, the one at the earliest stage in
  // precedence, then for the most specific period.
  std::map<std::int64_t, std::pair<std::size_t, Decision>> best;
  for (const OverallRating& row : rows) {
    const std::string& stage = row.decision.stage;
    const auto stage_rank = static_cast<std::size_t>(std::find(stages.begin(), stages.end(), stage) - stages.begin());
    const auto period_rank =
        static_cast<std::size_t>(std::find(periods.begin(), periods.end(), row.period) - periods.begin());
    if (stage_rank == stages.size() || period_rank == periods.size()) continue;
    const std::size_t rank = stage_rank * periods.size() + period_rank;
    auto it = best.find(row.urn);
    if (it != best.end() && it->second.first <= rank) continue;
    best.insert_or_assign(row.urn, std::pair(rank, row.decision));
  }
  std::map<std::int64_t, Decision> out;
  for (auto& [urn, ranked] : best) out.emplace(urn, std::move(ranked.second));
  return out;
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
  return best_decisions(db.ratings().overall(body_id, regime, periods, std::nullopt), stages, periods);
}

std::optional<Decision> decision_for(Database& db, const std::string& body_id, const std::string& regime,
                                     std::int64_t urn, const std::string& period,
                                     const std::vector<std::string>& stages) {
  if (stages.empty()) return std::nullopt;
  const auto periods = period_and_enclosing(period);
  auto all = best_decisions(db.ratings().overall(body_id, regime, periods, urn), stages, periods);
  if (all.empty()) return std::nullopt;
  return all.begin()->second;
}

}  // namespace trellis
