#pragma once
/// Each school's deadlines stored for a year, by rule: the day a return is
/// due, which a threshold script judges a missing return against
/// (ThresholdSandbox::set_day). Held as small rows over the rules' ids held
/// once, not as a map of strings per school: a country's re-run holds
/// hundreds of thousands of them through the whole of judging (issue 18).
///
///     DueDays due({{100001, "returns.sef", Date::parse("2019-10-31")}});
///     due.of(100001);  // {{"returns.sef", "2019-10-31"}}
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "trellis/date.hpp"
#include "trellis/store/activity_repository.hpp"

namespace trellis {

class DueDays {
 public:
  DueDays() = default;
  /// Where a school has several deadlines of one rule, the earliest is its due day.
  explicit DueDays(const std::vector<DueDay>& deadlines);
  /// The school's due days: rule id -> "YYYY-MM-DD"; empty when it has none.
  std::map<std::string, std::string> of(std::int64_t urn) const;
  std::size_t size() const { return rows_.size(); }  ///< (school, rule) pairs held

 private:
  struct Row {
    std::int64_t urn = 0;
    std::uint32_t rule = 0;  ///< index into rules_
    Date due;
  };
  std::vector<std::string> rules_;
  std::vector<Row> rows_;  ///< by URN, one per rule
};

}  // namespace trellis
