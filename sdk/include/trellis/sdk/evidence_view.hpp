#pragma once
/// What is known about one school for one period, as a regime sees it.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "trellis/sdk/calendar_view.hpp"

namespace trellis::sdk {
inline namespace v3 {

struct SchoolInfo {
  std::int64_t urn = 0;
  std::string name;
  int la_code = 0;
  std::string la_name;
  std::string type;        ///< DfE type name: "Community school", "Academy converter"
  std::string type_group;  ///< maintained, academy, independent, college, other (special schools fall in maintained or academy)
  std::string phase;       ///< primary, secondary, all-through, nursery, 16 plus, ...
  std::string status;      ///< open or closed
  std::optional<int> pupils;
  /// The trust the register names (GIAS "Trusts (code)", "Trusts (name)"),
  /// SDK 3; both empty when the register names none.
  std::string trust_code = {};
  std::string trust_name = {};
};

/// One evidence item. A missing value keeps its reason.
struct Observation {
  std::int64_t id = 0;        ///< evidence id, for ratings to cite
  std::string indicator;
  std::string period;         ///< the period the item is for, e.g. "2018-19"
  std::optional<double> value;
  std::string text;           ///< a grade, date or note, when not numeric
  std::string missing;        ///< "", or the reason: "suppressed", "no entries", ...
  std::string source;         ///< file name, or who recorded it
  std::optional<int> line;    ///< line in the source file
  std::string recorded_at;

  bool present() const { return missing.empty(); }
  /// "england_abs.csv line 4102" or "recorded by a.officer"
  std::string citation() const {
    return line ? source + " line " + std::to_string(*line) : source;
  }
};

enum class BenchmarkScope { national, la };

class EvidenceView {
 public:
  virtual ~EvidenceView();
  virtual const SchoolInfo& school() const = 0;
  virtual std::string period() const = 0;
  /// The newest item for the indicator at or before the period, if any.
  virtual std::optional<Observation> latest(std::string_view indicator) const = 0;
  /// What latest() gives for each indicator held for the school: one current
  /// (not superseded) item per indicator, the newest that applies to the period
  /// and is not too old for the policy, in indicator id order.
  virtual std::vector<Observation> all() const = 0;
  /// The mean of the indicator over schools with a value for the same period.
  virtual std::optional<double> benchmark(std::string_view indicator,
                                          BenchmarkScope scope) const = 0;
  /// The level that counted for the school's most recent earlier period under
  /// this body (the decision, else the computed level), when it can be compared:
  /// under the same regime, or mapped by the policy's [crosswalk]. None for a
  /// first assessment, including the first after a framework switch.
  virtual std::optional<std::string> previous_level() const = 0;
  /// The newest rating of `subject` at `stage` for the period, if recorded.
  virtual std::optional<std::string> rating(std::string_view subject,
                                            std::string_view stage) const = 0;
  /// The body's academic calendar: its policy's term dates, working days and
  /// school days. The kernel implements it for every view it makes and never
  /// calls it on a view a plugin made.
  virtual const CalendarView& calendar() const = 0;
};

}  // namespace v3
}  // namespace trellis::sdk
