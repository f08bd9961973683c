#include "trellis/school_evidence.hpp"

#include "trellis/store/evidence_repository.hpp"

namespace trellis {

Benchmarks::Benchmarks(Database& db) {
  // Computed means first; published figures then overwrite them.
  for (const auto& m : db.evidence().means()) {
    if (m.la_code) la_[{m.indicator, m.period, *m.la_code}] = m.value;
    else national_[{m.indicator, m.period}] = m.value;
  }
  for (const BenchmarkFigure& f : db.evidence().benchmarks()) {
    if (f.la_code) la_[{f.indicator, f.period, *f.la_code}] = f.value;
    else national_[{f.indicator, f.period}] = f.value;
  }
}

std::optional<double> Benchmarks::national(const std::string& indicator, const std::string& period) const {
  auto it = national_.find({indicator, period});
  return it == national_.end() ? std::nullopt : std::optional(it->second);
}

std::optional<double> Benchmarks::la(const std::string& indicator, const std::string& period, int la_code) const {
  auto it = la_.find({indicator, period, la_code});
  return it == la_.end() ? std::nullopt : std::optional(it->second);
}

}  // namespace trellis
