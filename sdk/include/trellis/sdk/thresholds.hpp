#pragma once
/// Runs one of the policy's Lua threshold scripts for one school.
///
///     Facts extra{{"inspection_grade", 4.0},
///                 {"areas", FactList{"quality", "leadership"}},
///                 {"kpi", FactTable{{"level", "secure"}, {"stage", "moderated"}}}};
///     ThresholdOutcome out = thresholds.run("classify", evidence, extra);
///     if (!out.status) return out.status;
///     for (const SubjectRating& r : out.ratings) ...   // per area or indicator
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "trellis/sdk/evidence_view.hpp"
#include "trellis/sdk/status.hpp"

namespace trellis::sdk {
inline namespace v3 {

struct Fact;
/// A Lua list (1-based in the script).
using FactList = std::vector<Fact>;
/// A Lua table with string keys.
using FactTable = std::map<std::string, Fact, std::less<>>;

/// A value a regime computes and hands to Lua beside the evidence: a number,
/// text, a flag, or a list or table of them. Scripts see lists and tables
/// read-only, as they see `params`.
struct Fact : std::variant<double, std::string, bool, FactList, FactTable> {
  using variant::variant;
  Fact() = default;  ///< the number 0
  Fact(const char* text) : variant(std::string(text)) {}
};
using Facts = FactTable;

/// A script's level for one area or indicator, on that subject's scale.
struct SubjectRating {
  std::string subject;                ///< an area or indicator id of the regime
  std::string level;                  ///< checked against the subject's scale
  std::vector<std::string> reasons;   ///< sentences a head could read
  std::vector<std::int64_t> evidence; ///< ids of the evidence items it rests on
};

/// What a script returns: `return level, reasons`, or a table
/// `{level = ..., reasons = {...}, ratings = {{subject = ..., level = ...,
/// reasons = {...}, evidence = {...}}, ...}, flags = {...}}`.
struct ThresholdOutcome {
  Status status;                      ///< a script error, with file:line
  std::string level;                  ///< checked against the regime's overall scale
  std::vector<std::string> reasons;   ///< sentences a head could read
  std::vector<SubjectRating> ratings = {};  ///< per area or indicator, in the script's order
  std::vector<std::string> flags = {};      ///< short markers the script raises, e.g. "safeguarding"
};

class ThresholdRunner {
 public:
  virtual ~ThresholdRunner();
  /// `script` names an entry of the policy's [thresholds] table.
  virtual ThresholdOutcome run(std::string_view script, const EvidenceView& school,
                               const Facts& extra) = 0;
};

}  // namespace v3
}  // namespace trellis::sdk
