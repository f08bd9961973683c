#pragma once
/// A body's policy: one TOML file configuring a regime, with Lua threshold
/// scripts beside it.
///
///     Policy policy = Policy::load("policies/example-la.toml");  // InputError at file:line:col
///     if (auto w = policy.review_warning("2025-10-01")) std::cerr << "warning: " << *w << "\n";
///     policy.declare(host.description(policy.regime()));  // the regime's defaults and the policy's own parts
///     double per_term = *policy.view().number("visits.amber.per_term");  // the policy's, else the regime's default
///
///     for (const PolicyProblem& p : check_policy(policy, host.description(policy.regime())))
///       std::cout << p.to_string() << "\n";
///
///     auto thresholds = make_threshold_runner(policy, description);
///     sdk::ThresholdOutcome out = thresholds->run("classify", evidence, {});
///
/// The file's shape:
///
///     [policy]
///     regime = "example-la"   body = "..."   version = "2024-25.1"
///     approved = 2024-09-01   review = 2025-09-01
///     [thresholds]
///     classify = "../scripts/example_la/classify.lua"   # relative to this file
///     [thresholds.params]                              # read-only `params` in Lua
///     persistent_absence_max = 18.0
///     [calendar]                                       # term dates: the kernel's
///     [scales.ID] [areas.ID] [priorities.ID]           # the description's parts the regime lets
///     [indicators.ID] [stages.ID]                      # the policy declare (sdk/README.md)
///     ...                                              # every other table: the regime's
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "trellis/error.hpp"
#include "trellis/lua_sandbox.hpp"
#include "trellis/sdk/description.hpp"
#include "trellis/sdk/policy_view.hpp"
#include "trellis/sdk/regime.hpp"
#include "trellis/sdk/thresholds.hpp"

namespace trellis {

/// One thing wrong with a policy or one of its scripts.
struct PolicyProblem {
  Location where;
  std::string message;
  std::string to_string() const;  ///< "file:line:col: message"
};

class Policy {
 public:
  /// Reads and parses the policy and every script its [thresholds] names.
  /// Throws InputError for an unreadable file, a TOML syntax error, or the
  /// first problem in the [policy] header or the [thresholds] table. A
  /// missing script is not thrown here: check_policy and
  /// make_threshold_runner report it.
  static Policy load(const std::filesystem::path& file);
  /// As load, but header and [thresholds] problems go to `problems`; throws
  /// only when there is no document to look at (unreadable, bad TOML).
  static Policy read(const std::filesystem::path& file, std::vector<PolicyProblem>& problems);

  Policy(Policy&&) noexcept;
  Policy& operator=(Policy&&) noexcept;
  ~Policy();

  const std::string& regime() const;
  const std::string& body() const;
  const std::string& version() const;
  const std::string& approved() const;  ///< "YYYY-MM-DD"
  const std::string& review() const;    ///< "YYYY-MM-DD"
  const std::filesystem::path& path() const;
  /// sha256 over the policy file, then each script in name order (name,
  /// size and bytes, or a marker when unreadable). Assessments record it.
  const std::string& hash() const;

  /// The [thresholds] script names, in file order.
  std::vector<std::string> script_names() const;
  /// The script's file, resolved against the policy's folder and tidied
  /// ("policies/../scripts/x.lua" becomes "scripts/x.lua"). Throws
  /// UsageError for a name the policy lacks.
  std::filesystem::path script_path(std::string_view name) const;
  /// The script as read with the policy (what hash() covers), or nullopt
  /// when the file could not be read.
  const std::optional<std::string>& script_text(std::string_view name) const;

  /// Binds the policy to its regime's description: from now on view() reads
  /// a key the file omits as the default the regime declares for it, and
  /// description() is the regime's with the parts it lets the policy declare
  /// ([scales], [areas], [priorities], [indicators], [stages] labels) merged
  /// in. Entries with problems are left out; check_policy reports them.
  void declare(const sdk::RegimeDescription& regime);
  /// The description declare() merged. Throws std::logic_error before it.
  const sdk::RegimeDescription& description() const;
  /// Whether description()'s entry `id` of `part` ("scales", "areas",
  /// "priorities", "indicators") is the policy's own rather than the plugin's.
  bool declares(std::string_view part, std::string_view id) const;

  /// The whole document. Dotted paths ("visits.amber.per_term"), a number
  /// segment indexes an array ("bands.0.name"); dates read as "YYYY-MM-DD";
  /// keys() in file order.
  const sdk::PolicyView& view() const;
  /// "policy trust.toml (Example Trust 2024-25.1) was due for review on
  /// 2025-09-01" when `today` (YYYY-MM-DD) is after the review date.
  std::optional<std::string> review_warning(const std::string& today) const;
  /// Where a key is written: the key itself, or for array elements the
  /// value. For a path not in the file, the nearest enclosing table's
  /// location (so "missing key" problems point somewhere useful).
  Location where(std::string_view path) const;
  /// Where a key's value is written (falls back like where()).
  Location where_value(std::string_view path) const;

  struct Impl;  ///< the implementation (kernel/policy/)

 private:
  // Only the policy engine reads the parsed document and scripts; it reaches
  // them through PolicyInternals, defined in kernel/policy/policy_impl.hpp.
  friend struct PolicyInternals;
  const Impl& impl() const { return *impl_; }
  explicit Policy(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

/// One key the regime declares, as `trellis policy view` shows it.
struct PolicyValue {
  enum class Source { unset, policy, plugin_default };
  std::string path;   ///< "visits.green.per_year"
  std::string value;  ///< as TOML: "2", "\"spring-1\"", "[\"a\"]"; empty when unset
  Source source = Source::unset;
  bool required = false;
  std::string doc;
  Location where;  ///< in the policy, when it sets the key
};

/// Every key the regime declares with no "*" in its path, in declaration
/// order: the policy's value where it sets one, else the regime's default.
std::vector<PolicyValue> policy_values(const Policy& policy, const sdk::RegimeDescription& regime);

/// Every problem in the policy and its scripts, each with its location, in
/// file order: the [policy] header; the regime's own tables against the keys,
/// types, ranges and choices it declares (unknown keys with "did you mean");
/// required keys; [thresholds] against the scripts the regime needs; each
/// script read and compiled in the sandbox; and, when `validate` is given, the
/// regime's own (a RegimeHandle's validate), which sees the regime's defaults
/// once the policy is declared (Policy::declare). The declared parts
/// ([scales], [areas], [priorities], [indicators], [stages]) and the regime's
/// defaults are checked too. Runs nothing against data.
using RegimeValidate = std::function<sdk::Status(const sdk::PolicyView&, std::vector<sdk::Diagnostic>&)>;
std::vector<PolicyProblem> check_policy(const Policy& policy, const sdk::RegimeDescription& description,
                                        const RegimeValidate& validate = {});

/// What can be checked without the regime: the header, the [thresholds]
/// table's shape, and each script read and compiled in the sandbox. For
/// when the regime's plugin is not installed.
std::vector<PolicyProblem> check_policy_scripts(const Policy& policy);

/// A runner over the policy's scripts, each compiled once; `params` comes
/// from [thresholds.params]. Throws InputError (file:line) for a missing or
/// broken script, or one the regime needs that [thresholds] lacks.
std::unique_ptr<lua::ThresholdSandbox> make_threshold_runner(const Policy& policy,
                                                             const sdk::RegimeDescription& description,
                                                             const lua::Limits& limits = {});

/// The sandbox's view of the regime: its overall scale and indicators.
/// Throws InputError when the regime names an overall scale it lacks.
lua::ThresholdSetup threshold_setup(const Policy& policy, const sdk::RegimeDescription& description,
                                    const lua::Limits& limits = {});

}  // namespace trellis
