#include "trellis/school_evidence.hpp"

#include "trellis/sdk/school_kinds.hpp"
#include "trellis/store/evidence_repository.hpp"

namespace trellis {

Benchmarks::Benchmarks(Database& db) : db_(db) {
  // Computed means first; published figures then overwrite them.
  for (const auto& m : db.evidence().means(false)) national_[{m.indicator, m.period}] = m.value;
  for (const BenchmarkFigure& f : db.evidence().benchmarks()) {
    if (f.la_code) la_published_[{f.indicator, f.period, *f.la_code}] = f.value;
    else if (!f.phase.empty()) by_phase_[{f.indicator, f.period, f.phase}] = f.value;
    else national_[{f.indicator, f.period}] = f.value;
  }
}

std::optional<double> Benchmarks::national(const std::string& indicator, const std::string& period,
                                           const std::string& phase) const {
  if (!phase.empty()) {
    if (auto it = by_phase_.find({indicator, period, phase}); it != by_phase_.end()) return it->second;
    // Published by phase, but not for special schools: the mainstream figure is no yardstick for them.
    if (phase == "special") {
      auto any = by_phase_.lower_bound({indicator, period, ""});
      if (any != by_phase_.end() && std::get<0>(any->first) == indicator && std::get<1>(any->first) == period)
        return std::nullopt;
    }
  }
  auto it = national_.find({indicator, period});
  return it == national_.end() ? std::nullopt : std::optional(it->second);
}

std::string benchmark_phase(const sdk::SchoolInfo& school) {
  if (sdk::special_provision(school)) return "special";
  if (school.phase == "primary" || school.phase == "middle deemed primary") return "primary";
  if (school.phase == "secondary" || school.phase == "middle deemed secondary") return "secondary";
  return "";
}

std::optional<double> Benchmarks::la(const std::string& indicator, const std::string& period, int la_code) const {
  if (!la_) {
    LaFigures figures;
    for (const auto& m : db_.evidence().means(true)) figures[{m.indicator, m.period, *m.la_code}] = m.value;
    for (const auto& [key, value] : la_published_) figures[key] = value;
    la_ = std::move(figures);
  }
  auto it = la_->find({indicator, period, la_code});
  return it == la_->end() ? std::nullopt : std::optional(it->second);
}

}  // namespace trellis
