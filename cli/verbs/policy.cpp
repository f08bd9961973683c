// `trellis policy check FILE` and `trellis policy test FILE`: a thin face
// over check_policy and run_policy_tests.
#include <iostream>
#include <memory>
#include <optional>

#include "../cli.hpp"
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

void check(const std::string& file, const std::string& format) {
  std::vector<PolicyProblem> problems;
  std::optional<Policy> policy;
  try {
    policy.emplace(Policy::read(file, problems));
  } catch (const InputError& e) {
    if (e.where().line == 0) throw;  // unreadable: bad input, not a finding
    const std::string what = e.what(), prefix = e.where().to_string() + ": ";
    problems.push_back({e.where(), what.substr(prefix.size())});
  }
  std::optional<std::string> warning;
  std::size_t scripts = 0;
  if (policy) {
    warning = policy->review_warning(today());
    scripts = policy->script_names().size();
    PluginHost host(PluginHost::default_search_path());
    try {
      std::shared_ptr<sdk::Regime> regime = host.create(policy->regime());
      problems = check_policy(*policy, host.description(policy->regime()), regime.get());
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
    print_json({{"policy", file},
                {"ok", problems.empty()},
                {"regime", policy ? nlohmann::json(policy->regime()) : nlohmann::json()},
                {"problems", list},
                {"warning", warning ? nlohmann::json(*warning) : nlohmann::json()}});
  } else if (problems.empty()) {
    std::cout << "OK: " << file << " (" << policy->regime() << ", " << policy->body() << " " << policy->version()
              << "): no problems, " << plural(scripts, "script") << " compiled"
              << (warning ? "; warning: " + *warning : "") << "\n";
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

void test(const std::string& file, const std::string& cases_option, const std::string& format) {
  const Policy policy = Policy::load(file);
  if (auto w = policy.review_warning(today())) std::cerr << "warning: " << *w << "\n";
  PluginHost host(PluginHost::default_search_path());
  const sdk::RegimeDescription* description = nullptr;
  try {
    description = &host.description(policy.regime());
  } catch (const UsageError& e) {
    throw InputError(policy.where_value("policy.regime"), "the id of an installed regime plugin",
                     "\"" + policy.regime() + "\": " + e.what(), e.remedy());
  }
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
  auto* policy = app.add_subcommand("policy", "Check a policy, and run its author's test cases");
  policy->require_subcommand(1);

  auto* check_cmd = policy->add_subcommand(
      "check", "Report every problem in a policy and its scripts, each with file:line:col (exit 1 if any)");
  static std::string check_file, check_format;
  check_cmd->add_option("FILE", check_file, "The policy, e.g. policies/nexus.toml")->required();
  add_format(*check_cmd, check_format, {"table", "json"});
  check_cmd->callback([] { check(check_file, check_format); });

  auto* test_cmd = policy->add_subcommand(
      "test", "Run the test cases kept next to the policy (FILE.tests.toml); ends with `N passed, N failed`");
  static std::string test_file, cases, test_format;
  test_cmd->add_option("FILE", test_file, "The policy, e.g. policies/nexus.toml")->required();
  test_cmd->add_option("--cases", cases, "The cases file (default: FILE with .toml replaced by .tests.toml)");
  add_format(*test_cmd, test_format, {"table", "json"});
  test_cmd->callback([] { test(test_file, cases, test_format); });
}

}  // namespace trellis::cli
