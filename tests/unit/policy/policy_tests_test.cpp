// A policy author's own cases (`trellis policy test`).
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "test_regime.hpp"
#include "trellis/policy/policy_tests.hpp"

using namespace trellis;
namespace fs = std::filesystem;

namespace {

const fs::path dir = fs::path(TRELLIS_SOURCE_DIR) / "tests" / "data" / "policies";

// Runs `cases` (TOML text) against good.toml; the cases file is written beside a copy.
std::vector<CaseResult> run_text(const std::string& cases) {
  const fs::path tmp = fs::temp_directory_path() / ("trellis-cases-" + std::to_string(::getpid()) + ".tests.toml");
  std::ofstream(tmp) << cases;
  struct Remove {
    fs::path p;
    ~Remove() { fs::remove(p); }
  } remove{tmp};
  return run_policy_tests(Policy::load(dir / "good.toml"), testing::test_regime(), tmp);
}

}  // namespace

TEST_CASE("the cases file sits next to the policy") {
  CHECK(policy_tests_path("policies/nexus.toml") == fs::path("policies/nexus.tests.toml"));
}

TEST_CASE("good.toml passes its own cases") {
  const Policy p = Policy::load(dir / "good.toml");
  const auto results = run_policy_tests(p, testing::test_regime(), policy_tests_path(p.path()));
  REQUIRE(results.size() == 4);
  for (const auto& r : results) {
    INFO(r.name);
    for (const auto& d : r.differences) INFO(d);
    CHECK(r.passed);
  }
  CHECK(results[0].name == "high persistent absence is amber");
  CHECK(results[0].where.line == 6);
  CHECK(results[0].outcome.level == "amber");
}

TEST_CASE("failing cases say what differed") {
  const Policy p = Policy::load(dir / "good.toml");
  const auto results = run_policy_tests(p, testing::test_regime(), dir / "failing.tests.toml");
  REQUIRE(results.size() == 4);
  CHECK(results[0].differences == std::vector<std::string>{"expected level green, got amber"});
  CHECK(results[1].differences == std::vector<std::string>{"expected a reason containing \"Attendance\", found none"});
  CHECK(results[2].passed);
  REQUIRE(results[3].differences.size() == 1);
  CHECK_THAT(results[3].differences[0],
             Catch::StartsWith("the script failed: " + (dir / "scripts" / "classify.lua").string() +
                               ":12: attempt to concatenate a nil value (field 'missing')"));
}

TEST_CASE("cases: context, facts, ratings, periods, benchmarks and expected errors") {
  const auto results = run_text(R"toml(
[defaults]
period = "2023-24"
context = { type_group = "maintained" }
indicators = { persistent_absence_pct = 12.0 }

[[case]]
name = "defaults apply; a case overrides an indicator"
indicators = { persistent_absence_pct = { value = 19.5, period = "2022-23", source = "abs_2023.csv" } }
expect_level = "amber"
expect_reasons = ["19.5% is above the 18.0% threshold (evidence: abs_2023.csv)"]

[[case]]
name = "an expected failure"
indicators = { persistent_absence_pct = { text = "n/a" } }
expect_error = "attempt to concatenate"

[[case]]
name = "an expected failure that does not happen"
expect_error = "boom"
)toml");
  REQUIRE(results.size() == 3);
  CHECK(results[0].passed);
  CHECK(results[1].passed);
  CHECK(results[2].differences == std::vector<std::string>{"expected the script to fail with \"boom\", but it returned green"});
}

TEST_CASE("a malformed cases file is an InputError at the place, with a suggestion") {
  auto error_of = [](const std::string& text) -> std::string {
    try {
      run_text(text);
    } catch (const InputError& e) {
      return std::string(e.what()).substr(std::string(e.what()).find(".tests.toml:") + 12);
    }
    return "no error";
  };
  CHECK(error_of("[[case]]\nname = \"a\"\nexpect_levle = \"amber\"\n") ==
        "3:1: expected a case key (script, period, context, previous_level, on, due, indicators, benchmarks, facts, ratings, "
        "name, expect_level, expect_reasons, expect_ratings, expect_error), found 'expect_levle'; did you mean 'expect_level'?");
  CHECK(error_of("[[case]]\nname = \"a\"\nexpect_level = \"amberr\"\n") ==
        "3:16: expected a level of the scale 'rag' (green, amber, red), found \"amberr\"; did you mean 'amber'?");
  CHECK(error_of("[[case]]\nname = \"a\"\nperiod = \"2024/25\"\nexpect_level = \"red\"\n") ==
        "3:10: expected an academic year like 2018-19, found \"2024/25\"");
  CHECK(error_of("[[case]]\nname = \"a\"\nscript = \"clasify\"\nexpect_level = \"red\"\n") ==
        "3:10: expected a script of the policy's [thresholds] (classify), found \"clasify\"; did you mean 'classify'?");
  CHECK(error_of("[[case]]\nname = \"a\"\nindicators = { pa = [1] }\nexpect_level = \"red\"\n") ==
        "3:21: expected pa as a number, a text, a missing reason or a table, found an array");
  CHECK(error_of("[[case]]\nname = \"a\"\non = \"2020-01-24\"\nexpect_level = \"red\"\n") ==
        "3:6: expected on as a date such as 2020-01-24, found \"2020-01-24\"");
  CHECK(error_of("[[case]]\nname = \"a\"\ndue = { kpis = 5 }\nexpect_level = \"red\"\n") ==
        "3:16: expected due.kpis as a date such as 2020-01-24, found 5");
  CHECK(error_of("[[case]]\nexpect_level = \"red\"\n") == "1:1: expected a name for the case (name = \"...\"), found none");
  CHECK(error_of("[[case]]\nname = \"a\"\n") == "1:1: expected expect_level (or expect_error) in the case, found neither");
  CHECK(error_of("[[cases]]\nname = \"a\"\n") ==
        "1:3: expected a [defaults] table or [[case]] tables, found 'cases'; did you mean 'case'?");
  CHECK(error_of("[[case]]\nname = \"a\"\nexpect_level = \n") .find("invalid TOML") != std::string::npos);
}

TEST_CASE("expect_ratings: a case names the level it expects for an area or indicator, and says what differed") {
  // good.toml's script returns `level, reasons` (SDK 1): it rates no subject.
  const auto results = run_text(R"toml(
[[case]]
name = "expects a rating the script does not give"
period = "2024-25"
indicators = { persistent_absence_pct = 21.3 }
expect_level = "amber"
expect_ratings = { attendance = "amber" }
)toml");
  REQUIRE(results.size() == 1);
  CHECK(results[0].differences == std::vector<std::string>{"expected a rating of attendance, found none"});
}
