#pragma once
/// The Lua 5.4 sandbox that runs a policy's threshold scripts.
///
/// One ThresholdSandbox is one Lua state with a memory cap. Each script is
/// compiled once (text only) and run for each school with a fresh
/// environment, a read-only `school` and `params`, and an instruction budget.
///
///     lua::ThresholdSetup setup;
///     setup.levels = {"green", "yellow", "amber", "red"};
///     setup.params = lua::Value::table({{"persistent_absence_max", lua::Value::real(18.0)}});
///     lua::ThresholdSandbox sandbox(setup);
///     sandbox.add({"classify", "scripts/classify.lua", text});   // throws InputError at file:line
///     sdk::ThresholdOutcome out = sandbox.run("classify", evidence, {});
///     if (!out.status) std::cerr << out.status.message;           // file:line: message + traceback
///
/// Most callers want trellis::make_threshold_runner (policy.hpp), which
/// builds the setup from a Policy and a regime's description.
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "trellis/sdk/description.hpp"
#include "trellis/sdk/thresholds.hpp"

namespace trellis::lua {

/// What one state may use. The defaults suit threshold scripts: a script
/// that needs more is almost certainly looping or building something huge.
struct Limits {
  std::size_t memory_bytes = std::size_t{64} << 20;  ///< per state, all scripts together
  std::uint64_t instructions = 10'000'000;          ///< per run: top level and function
};

/// A plain value handed to scripts read-only, e.g. the policy's
/// [thresholds.params]. Tables keep their keys in the order given.
struct Value {
  enum class Kind { nil, boolean, integer, number, string, array, table };
  Kind kind = Kind::nil;
  bool flag = false;
  std::int64_t integer = 0;
  double number = 0;
  std::string text;
  std::vector<Value> items;       ///< array elements, or table values
  std::vector<std::string> keys;  ///< table keys, parallel to items

  static Value boolean(bool b);
  static Value whole(std::int64_t i);
  static Value real(double d);
  static Value string(std::string s);
  static Value array(std::vector<Value> items);
  static Value table(std::vector<std::pair<std::string, Value>> entries);
};

/// One script: its name in the policy's [thresholds], the file it came from
/// (used in every message) and its text.
struct Script {
  std::string name;
  std::string file;
  std::string text;
};

/// What the sandbox needs to know of the regime.
struct ThresholdSetup {
  std::string scale;                           ///< the overall scale's id, for messages
  std::vector<std::string> levels;             ///< its level ids, best first
  std::vector<sdk::IndicatorSpec> indicators;  ///< give scripts each indicator's label and unit
  /// What a returned table's ratings are checked against: a rating's subject
  /// is an area or indicator, its level on the subject's scale (subject_scales,
  /// else the overall one).
  std::vector<sdk::Scale> scales;
  std::vector<sdk::Area> areas;
  std::vector<sdk::SubjectScale> subject_scales;
  Value params;                                ///< read-only `params` (a table, or nil)
  Limits limits;
};

/// Runs threshold scripts. Not thread-safe: one sandbox per thread.
///
/// What a script sees: `school` (urn, name, la_code, la_name, type,
/// type_group, phase, status, pupils, period, previous_level, on, due,
/// indicators, benchmarks, facts, rating(subject, stage)), all read-only; and
/// `params`. `school.on` is the day the assessment is made ("YYYY-MM-DD", nil
/// when none is set) and `school.due[rule]` the due day of each of the
/// school's deadlines already planned for the year (see set_day), so a script
/// can tell a return not yet due from one overdue.
/// `school.indicators[id]` is {indicator, value, text, missing, source,
/// period, label, unit} for the newest item at or before the period, or nil
/// when nothing is held; `school.benchmarks[id]` is {national, la}. pairs()
/// iterates every table in a fixed key order, so reasons built by iterating
/// come out the same on every run. `school.facts` holds what the regime hands
/// over: numbers, strings, booleans, and lists and tables of them.
///
/// What a script returns: `return level, reasons`, or one table
///
///     return { level = "amber", reasons = {"..."},
///              ratings = {{subject = "leadership", level = "red", reasons = {"..."},
///                          evidence = {"safeguarding_concern"}}},   -- ids or school.indicators records
///              flags = {"safeguarding"} }
///
/// checked strictly: unknown keys, a level off its scale or an unknown subject
/// fail the run with the script's file and line, what was expected and found.
class ThresholdSandbox final : public sdk::ThresholdRunner {
 public:
  /// Throws std::runtime_error if the state cannot be built within the limits.
  explicit ThresholdSandbox(ThresholdSetup setup);
  ~ThresholdSandbox() override;
  ThresholdSandbox(const ThresholdSandbox&) = delete;
  ThresholdSandbox& operator=(const ThresholdSandbox&) = delete;

  /// Compiles the script once and checks, by running its top level, that it
  /// returns a function. Throws InputError naming the script's file and line
  /// (a syntax error, a binary chunk, a top-level error, no function).
  void add(const Script& script);
  bool has(std::string_view name) const;

  /// Runs `name` for one school. Never throws for anything the script does:
  /// errors come back in the status as "file:line: message" and a short
  /// traceback, and the sandbox stays usable.
  sdk::ThresholdOutcome run(std::string_view name, const sdk::EvidenceView& school,
                            const sdk::Facts& facts) override;

  /// The day the runs that follow judge as of, and the due days of the
  /// school's deadlines planned for the year, by rule id (`school.on`,
  /// `school.due`). Both hold until set again; empty until then.
  void set_day(std::string on, std::map<std::string, std::string> due);

  /// Bytes the state holds now (after a run, garbage included).
  std::size_t memory_in_use() const;

  struct State;  ///< the implementation (threshold_sandbox.cpp)

 private:
  std::unique_ptr<State> state_;
};

/// Estimated steps Lua's matcher may take for `pattern` on a subject of
/// `subject_length` bytes, worst case. The sandbox refuses string.find,
/// match, gmatch and gsub calls above pattern_step_limit, because the
/// instruction budget cannot interrupt C code.
double pattern_cost(std::size_t subject_length, std::string_view pattern, bool plain);
inline constexpr double pattern_step_limit = 2e8;

}  // namespace trellis::lua
