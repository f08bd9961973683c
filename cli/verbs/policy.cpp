// `trellis policy check FILE`, `trellis policy view FILE` and `trellis policy
// test FILE`: a thin face over check_policy, policy_values and run_policy_tests.
#include <algorithm>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>

#include "../cli.hpp"
#include "trellis/adoption.hpp"
#include "trellis/error.hpp"
#include "trellis/plugin_host.hpp"
#include "trellis/policy.hpp"
#include "trellis/policy/policy_tests.hpp"

namespace trellis::cli {
namespace {

std::string today() { return environment_clock().today(); }

nlohmann::json to_json(const PolicyProblem& p) {
  return {{"file", p.where.file}, {"line", p.where.line}, {"column", p.where.column}, {"message", p.message}};
}

std::string plural(std::size_t n, const std::string& word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

using Source = PolicyValue::Source;

std::string source_text(const PolicyValue& v) {
  switch (v.source) {
    case Source::policy: return "from the policy (" + v.where.to_string() + "): " + v.value;
    case Source::plugin_default: return "default " + v.value + ", from the plugin";
    case Source::unset: break;
  }
  return v.required ? "missing: the regime requires it" : "not set, no default";
}

void check(const std::string& file, const std::string& format) {
  std::vector<PolicyProblem> problems;
  std::optional<Policy> policy;
  try {
    policy.emplace(Policy::read(file, problems));
  } catch (const InputBeyondBounds&) {
    throw;  // refused before parsing: bad input (exit 3), not a finding
  } catch (const InputError& e) {
    if (e.where().line == 0) throw;  // unreadable: bad input, not a finding
    const std::string what = e.what(), prefix = e.where().to_string() + ": ";
    problems.push_back({e.where(), what.substr(prefix.size())});
  }
  std::optional<std::string> warning;
  std::size_t scripts = 0;
  std::vector<PolicyValue> defaults;  // keys the policy omits that take the regime's default
  if (policy) {
    warning = policy->review_warning(today());
    scripts = policy->script_names().size();
    PluginHost host(PluginHost::default_search_path());
    try {
      const RegimeHandle regime = host.open(policy->regime());
      policy->declare(host.description(policy->regime()));
      problems = check_policy(*policy, host.description(policy->regime()),
                              [&](const sdk::PolicyView& view, auto& found) { return regime.validate(view, found); });
      for (auto& p : check_crosswalks(*policy, regime_lookup(host))) problems.push_back(std::move(p));
      for (auto& v : policy_values(*policy, host.description(policy->regime())))
        if (v.source == Source::plugin_default) defaults.push_back(std::move(v));
    } catch (const UsageError& e) {
      // Without the regime, what can still be checked: the header and the scripts.
      problems = check_policy_scripts(*policy);
      if (!policy->regime().empty())
        problems.insert(problems.begin(), {policy->where_value("policy.regime"),
                                           "expected the id of an installed regime plugin, found \"" +
                                               policy->regime() + "\": " + explain(e)});
    }
  }

  if (format == "json") {
    auto list = nlohmann::json::array();
    for (const auto& p : problems) list.push_back(to_json(p));
    auto defaulted = nlohmann::json::array();
    for (const auto& v : defaults) defaulted.push_back({{"key", v.path}, {"value", v.value}, {"from", "plugin"}});
    print_json({{"policy", file},
                {"ok", problems.empty()},
                {"defaults", defaulted},
                {"regime", policy ? nlohmann::json(policy->regime()) : nlohmann::json()},
                {"problems", list},
                {"warning", warning ? nlohmann::json(*warning) : nlohmann::json()}});
  } else if (problems.empty()) {
    std::cout << "OK: " << file << " (" << policy->regime() << ", " << policy->body() << " " << policy->version()
              << "): no problems, " << plural(scripts, "script") << " compiled"
              << (warning ? "; warning: " + *warning : "") << "\n";
    for (const auto& v : defaults) std::cout << "  " << v.path << ": " << source_text(v) << "\n";
  } else {
    for (const auto& p : problems) std::cout << p.to_string() << "\n";
    std::cout << plural(problems.size(), "problem") << " in " << file << "\n";
    if (warning) std::cerr << "warning: " << *warning << "\n";
  }
  if (!problems.empty()) throw ProblemsFound(plural(problems.size(), "problem") + " in " + file);
}

/// [{subject, level, reasons}] of a script's outcome.
nlohmann::json ratings_json(const sdk::ThresholdOutcome& out) {
  auto list = nlohmann::json::array();
  for (const auto& r : out.ratings) list.push_back({{"subject", r.subject}, {"level", r.level}, {"reasons", r.reasons}});
  return list;
}

/// 60.5, or 500 rather than 500.000000.
std::string number_text(double v) {
  std::ostringstream out;
  out << v;
  return out.str();
}

std::string direction_text(sdk::Direction d) {
  return d == sdk::Direction::higher_is_better ? "higher is better"
         : d == sdk::Direction::lower_is_better ? "lower is better"
                                                : "neutral";
}

/// The scale an indicator is rated on: its own, else the overall scale for one
/// in an area; none for evidence the regime only reads.
std::string rated_on(const sdk::RegimeDescription& d, const sdk::IndicatorSpec& i) {
  for (const auto& s : d.subject_scales)
    if (s.subject == i.id) return s.scale;
  return i.area.empty() ? std::string() : d.overall_scale;
}

const char* from(const Policy& policy, const char* part, const std::string& id) {
  return policy.declares(part, id) ? "policy" : "plugin";
}

void view_json(const std::string& file, const Policy& policy, const std::vector<PolicyValue>& values) {
  const auto& d = policy.description();
  auto keys = nlohmann::json::array();
  for (const auto& v : values)
    keys.push_back({{"key", v.path},
                    {"value", v.source == Source::unset ? nlohmann::json() : nlohmann::json(v.value)},
                    {"from", v.source == Source::policy           ? nlohmann::json("policy")
                             : v.source == Source::plugin_default ? nlohmann::json("plugin")
                                                                  : nlohmann::json()},
                    {"required", v.required},
                    {"doc", v.doc}});
  auto scales = nlohmann::json::array();
  for (const auto& s : d.scales) {
    auto levels = nlohmann::json::array();
    for (const auto& l : s.levels) levels.push_back({{"id", l.id}, {"label", l.label}, {"colour", l.colour}});
    scales.push_back({{"id", s.id}, {"label", s.label}, {"levels", levels}, {"from", from(policy, "scales", s.id)}});
  }
  auto labelled = [&](const auto& list, const char* part) {
    auto out = nlohmann::json::array();
    for (const auto& a : list) out.push_back({{"id", a.id}, {"label", a.label}, {"from", from(policy, part, a.id)}});
    return out;
  };
  auto indicators = nlohmann::json::array();
  for (const auto& i : d.indicators)
    indicators.push_back({{"id", i.id}, {"label", i.label}, {"unit", i.unit}, {"area", i.area}, {"priority", i.priority},
                          {"scale", rated_on(d, i)}, {"from", from(policy, "indicators", i.id)},
                          {"min", i.min ? nlohmann::json(*i.min) : nlohmann::json()},
                          {"max", i.max ? nlohmann::json(*i.max) : nlohmann::json()}, {"whole_number", i.whole_number}});
  auto stages = nlohmann::json::array();
  for (const auto& s : d.stages)
    stages.push_back({{"id", s.id}, {"label", s.label.empty() ? s.id : s.label}, {"roles", s.roles}});
  print_json({{"policy", file}, {"regime", d.id}, {"body", policy.body()}, {"version", policy.version()},
              {"keys", keys}, {"scales", scales}, {"areas", labelled(d.areas, "areas")},
              {"priorities", labelled(d.priorities, "priorities")}, {"indicators", indicators}, {"stages", stages}});
}

void view_table(const std::string& file, const Policy& policy, const std::vector<PolicyValue>& values) {
  const auto& d = policy.description();
  auto origin = [&](const char* part, const std::string& id) { return std::string("(from the ") + from(policy, part, id) + ")"; };
  std::cout << file << ": " << policy.body() << " " << policy.version() << ", regime " << d.id << "\n\nKeys\n";
  std::size_t width = 0;
  for (const auto& v : values) width = std::max(width, v.path.size());
  for (const auto& v : values)
    std::cout << "  " << v.path << std::string(width - v.path.size(), ' ') << "  " << source_text(v) << "\n";
  std::cout << "\nScales\n";
  for (const auto& s : d.scales) {
    std::cout << "  " << s.id << "  " << s.label << " " << origin("scales", s.id) << ":";
    for (std::size_t i = 0; i < s.levels.size(); ++i)
      std::cout << (i ? ", " : " ") << s.levels[i].id << (s.levels[i].colour.empty() ? "" : " " + s.levels[i].colour);
    std::cout << "\n";
  }
  std::cout << "\nAreas\n";
  for (const auto& a : d.areas) std::cout << "  " << a.id << "  " << a.label << "  " << origin("areas", a.id) << "\n";
  if (!d.priorities.empty()) std::cout << "\nPriorities\n";
  for (const auto& p : d.priorities)
    std::cout << "  " << p.id << "  " << p.label << "  " << origin("priorities", p.id) << "\n";
  std::cout << "\nIndicators\n";
  for (const auto& i : d.indicators) {
    const std::string scale = rated_on(d, i);
    std::cout << "  " << i.id << "  " << i.label << "  [" << (i.unit.empty() ? "-" : i.unit) << ", "
              << direction_text(i.direction) << (i.area.empty() ? "" : ", area " + i.area)
              << (i.priority.empty() ? "" : ", priority " + i.priority) << (scale.empty() ? "" : ", rated on " + scale)
              << (i.min ? ", min " + number_text(*i.min) : "") << (i.max ? ", max " + number_text(*i.max) : "")
              << (i.whole_number ? ", whole numbers" : "") << "]  " << origin("indicators", i.id) << "\n";
  }
  std::cout << "\nStages\n";
  for (const auto& s : d.stages) {
    std::string roles;
    for (const auto& r : s.roles) roles += (roles.empty() ? "" : ", ") + r;
    std::cout << "  " << s.id << (s.label.empty() ? "" : "  " + s.label) << "  (recorded by "
              << (roles.empty() ? "trellis" : roles) << ")\n";
  }
}

/// What the policy holds, and what the regime makes of it: every key with the
/// policy's value or the regime's default, then the scales, areas, indicators
/// and stages the kernel uses (the plugin's, with the policy's own merged in).
void view(const std::string& file, const std::string& format) {
  Policy policy = Policy::load(file);
  PluginHost host(PluginHost::default_search_path());
  const sdk::RegimeDescription* regime = nullptr;
  try {
    regime = &host.description(policy.regime());
  } catch (const UsageError& e) {
    throw InputError(policy.where_value("policy.regime"), "the id of an installed regime plugin",
                     "\"" + policy.regime() + "\": " + e.what(), e.remedy());
  }
  policy.declare(*regime);
  const auto values = policy_values(policy, *regime);
  if (format == "json")
    view_json(file, policy, values);
  else
    view_table(file, policy, values);
}

void test(const std::string& file, const std::string& cases_option, const std::string& format) {
  Policy policy = Policy::load(file);
  if (auto w = policy.review_warning(today())) std::cerr << "warning: " << *w << "\n";
  PluginHost host(PluginHost::default_search_path());
  try {
    policy.declare(host.description(policy.regime()));
  } catch (const UsageError& e) {
    throw InputError(policy.where_value("policy.regime"), "the id of an installed regime plugin",
                     "\"" + policy.regime() + "\": " + e.what(), e.remedy());
  }
  const sdk::RegimeDescription* description = &policy.description();  // with the policy's own indicators
  const auto cases = cases_option.empty() ? policy_tests_path(policy.path()) : std::filesystem::path(cases_option);
  const auto results = run_policy_tests(policy, *description, cases);

  std::size_t passed = 0;
  for (const auto& r : results) passed += r.passed ? 1 : 0;
  const std::size_t failed = results.size() - passed;
  if (format == "json") {
    auto list = nlohmann::json::array();
    for (const auto& r : results)
      list.push_back({{"name", r.name},
                      {"passed", r.passed},
                      {"line", r.where.line},
                      {"level", r.outcome.status.ok ? nlohmann::json(r.outcome.level) : nlohmann::json()},
                      {"reasons", r.outcome.reasons},
                      {"ratings", ratings_json(r.outcome)},
                      {"flags", r.outcome.flags},
                      {"error", r.outcome.status.ok ? nlohmann::json() : nlohmann::json(r.outcome.status.message)},
                      {"differences", r.differences}});
    print_json({{"policy", file}, {"cases", cases.string()}, {"passed", passed}, {"failed", failed}, {"results", list}});
  } else {
    for (const auto& r : results) {
      std::cout << (r.passed ? "PASS  " : "FAIL  ") << r.name;
      if (!r.passed) std::cout << "  (" << r.where.to_string() << ")";
      std::cout << "\n";
      if (r.passed) continue;
      for (const auto& d : r.differences) std::cout << "      " << d << "\n";
      if (r.outcome.status.ok) {
        std::cout << "      got " << r.outcome.level << (r.outcome.reasons.empty() ? " with no reasons" : ", because:")
                  << "\n";
        for (const auto& reason : r.outcome.reasons) std::cout << "        - " << reason << "\n";
      }
    }
    std::cout << passed << " passed, " << failed << " failed\n";
  }
  if (failed > 0) throw ProblemsFound(std::to_string(failed) + " failed");
}

}  // namespace

void add_policy(CLI::App& app, Cli&) {
  auto* policy = app.add_subcommand("policy", "Check a policy, show what it sets, and run its author's test cases");
  policy->require_subcommand(1);

  auto* check_cmd = policy->add_subcommand(
      "check", "Report every problem in a policy and its scripts, each with file:line:col (exit 1 if any)");
  static std::string check_file, check_format;
  check_cmd->add_option("FILE", check_file, "The policy, e.g. policies/nexus.toml")->required();
  add_format(*check_cmd, check_format, {"table", "json"});
  check_cmd->callback([] { check(check_file, check_format); });

  auto* view_cmd = policy->add_subcommand(
      "view", "Show every key with the policy's value or the regime's default, and the scales, areas, indicators "
              "and stages in use");
  static std::string view_file, view_format;
  view_cmd->add_option("FILE", view_file, "The policy, e.g. policies/nexus.toml")->required();
  add_format(*view_cmd, view_format, {"table", "json"});
  view_cmd->callback([] { view(view_file, view_format); });

  auto* test_cmd = policy->add_subcommand(
      "test", "Run the test cases kept next to the policy (FILE.tests.toml); ends with `N passed, N failed`");
  static std::string test_file, cases, test_format;
  test_cmd->add_option("FILE", test_file, "The policy, e.g. policies/nexus.toml")->required();
  test_cmd->add_option("--cases", cases, "The cases file (default: FILE with .toml replaced by .tests.toml)");
  add_format(*test_cmd, test_format, {"table", "json"});
  test_cmd->callback([] { test(test_file, cases, test_format); });
}

}  // namespace trellis::cli
