#include "trellis/school_evidence.hpp"

#include <mutex>

#include "trellis/sdk/school_kinds.hpp"
#include "trellis/store/evidence_repository.hpp"

namespace trellis {

Benchmarks::Benchmarks(Database& db, std::recursive_mutex& database) : db_(db), database_(database) {
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
  // A published figure, else the mean of what is held.
  if (auto it = national_.find({indicator, period}); it != national_.end()) return it->second;
  return computed(indicator, period, std::nullopt);
}

std::optional<double> Benchmarks::computed(const std::string& indicator, const std::string& period,
                                           std::optional<int> la_code) const {
  auto& figures = la_code ? la_means_ : national_means_;
  const std::map<std::pair<std::string, int>, double>* held = nullptr;
  {
    std::shared_lock reading(means_guard_);
    if (auto it = figures.find(indicator); it != figures.end()) held = &it->second;
  }
  if (!held) {
    const std::lock_guard using_database(database_);  // first, as every other user of the database takes it
    std::unique_lock computing(means_guard_);
    auto it = figures.find(indicator);
    if (it == figures.end()) {
      std::map<std::pair<std::string, int>, double> means;
      for (auto& m : db_.evidence().means(indicator, la_code.has_value()))
        means[{std::move(m.period), m.la_code.value_or(0)}] = m.value;
      it = figures.emplace(indicator, std::move(means)).first;
    }
    held = &it->second;  // a map's nodes stay put, and an indicator's means never change once made
  }
  auto it = held->find({period, la_code.value_or(0)});
  return it == held->end() ? std::nullopt : std::optional(it->second);
}

std::string benchmark_phase(const sdk::SchoolInfo& school) {
  if (sdk::special_provision(school)) return "special";
  if (school.phase == "primary" || school.phase == "middle deemed primary") return "primary";
  if (school.phase == "secondary" || school.phase == "middle deemed secondary") return "secondary";
  return "";
}

std::optional<double> Benchmarks::la(const std::string& indicator, const std::string& period, int la_code) const {
  if (auto it = la_published_.find({indicator, period, la_code}); it != la_published_.end()) return it->second;
  return computed(indicator, period, la_code);
}

}  // namespace trellis
