#include "trellis/school_evidence.hpp"

namespace trellis {

Benchmarks::Benchmarks(Database& db) {
  // Computed means first; published figures then overwrite them.
  Statement nat(db, R"(SELECT indicator, period, AVG(value_num) FROM evidence e
      WHERE value_num IS NOT NULL AND NOT EXISTS (SELECT 1 FROM evidence s WHERE s.supersedes = e.id)
      GROUP BY indicator, period)");
  while (nat.step()) national_[{nat.text(0), nat.text(1)}] = nat.real(2);
  Statement la(db, R"(SELECT e.indicator, e.period, s.la_code, AVG(e.value_num) FROM evidence e
      JOIN schools s ON s.urn = e.urn
      WHERE e.value_num IS NOT NULL AND NOT EXISTS (SELECT 1 FROM evidence x WHERE x.supersedes = e.id)
      GROUP BY e.indicator, e.period, s.la_code)");
  while (la.step()) la_[{la.text(0), la.text(1), static_cast<int>(la.integer(2))}] = la.real(3);
  Statement pub(db, "SELECT indicator, period, scope, la_code, value FROM benchmarks");
  while (pub.step()) {
    if (pub.text(2) == "national")
      national_[{pub.text(0), pub.text(1)}] = pub.real(4);
    else
      la_[{pub.text(0), pub.text(1), static_cast<int>(pub.integer(3))}] = pub.real(4);
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
