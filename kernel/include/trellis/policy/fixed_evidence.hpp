#pragma once
/// An sdk::EvidenceView over data held in memory: what a policy's own test
/// cases describe, and what tests and benchmarks feed the threshold runner.
///
///     sdk::SchoolInfo info;
///     info.urn = 100001; info.name = "Test Primary"; info.type_group = "maintained";
///     FixedEvidence school(info, "2024-25");
///     sdk::Observation pa;
///     pa.indicator = "persistent_absence_pct"; pa.value = 21.3; pa.source = "trust.tests.toml"; pa.line = 14;
///     school.add(pa);
///     school.set_benchmark("persistent_absence_pct", sdk::BenchmarkScope::national, 17.2);
///     school.set_previous_level("yellow");
///     school.set_calendar(std::make_shared<AcademicCalendar>(calendar_from_policy(...)));  // else England's default
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "trellis/calendar_view.hpp"
#include "trellis/sdk/evidence_view.hpp"

namespace trellis {

class FixedEvidence final : public sdk::EvidenceView {
 public:
  /// The calendar is the default England pattern's until set_calendar.
  FixedEvidence(sdk::SchoolInfo school, std::string period);

  /// Adds an item; an empty period means the view's own. A later item for
  /// the same indicator and period supersedes an earlier one.
  void add(sdk::Observation item);
  void set_benchmark(const std::string& indicator, sdk::BenchmarkScope scope, double value);
  void set_previous_level(std::optional<std::string> level);
  void set_rating(const std::string& subject, const std::string& stage, const std::string& level);
  /// The body's calendar, e.g. from its policy; copies of this view share it.
  void set_calendar(std::shared_ptr<const AcademicCalendar> calendar);

  const sdk::SchoolInfo& school() const override;
  std::string period() const override;
  /// The newest item at or before the period: periods are ordered by when
  /// they start, so a year's item counts for each of its terms.
  std::optional<sdk::Observation> latest(std::string_view indicator) const override;
  std::vector<sdk::Observation> all() const override;
  std::optional<double> benchmark(std::string_view indicator, sdk::BenchmarkScope scope) const override;
  std::optional<std::string> previous_level() const override;
  std::optional<std::string> rating(std::string_view subject, std::string_view stage) const override;
  const sdk::CalendarView& calendar() const override;

 private:
  sdk::SchoolInfo school_;
  std::string period_;
  std::vector<sdk::Observation> items_;  // in the order added
  std::vector<std::tuple<int, int, int>> starts_;  // when each item's period starts
  std::tuple<int, int, int> start_;                // when the view's period starts
  std::map<std::pair<std::string, int>, double, std::less<>> benchmarks_;
  std::optional<std::string> previous_level_;
  std::map<std::pair<std::string, std::string>, std::string, std::less<>> ratings_;
  std::shared_ptr<const AcademicCalendar> calendar_;  // never null; shared by copies
  AcademicCalendarView calendar_view_;                // over *calendar_
};

}  // namespace trellis
