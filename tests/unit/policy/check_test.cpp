// check_policy: every problem at once, each with its place.
#include <catch2/catch.hpp>

#include <filesystem>

#include "test_regime.hpp"
#include "trellis/policy.hpp"
#include "trellis/sdk/regime_adapter.hpp"

using namespace trellis;
namespace fs = std::filesystem;

namespace {

const fs::path dir = fs::path(TRELLIS_SOURCE_DIR) / "tests" / "data" / "policies";

std::vector<std::string> lines(const std::vector<PolicyProblem>& problems) {
  std::vector<std::string> out;
  for (const auto& p : problems) out.push_back(p.to_string());
  return out;
}

std::vector<std::string> check(const fs::path& file, const sdk::RegimeDescription& d = testing::test_regime(),
                               const RegimeValidate& validate = {}) {
  std::vector<PolicyProblem> ignored;
  const Policy p = Policy::read(file, ignored);
  return lines(check_policy(p, d, validate));
}

}  // namespace

TEST_CASE("a clean policy has no problems") {
  const auto problems = check(dir / "good.toml");
  for (const auto& p : problems) INFO(p);
  CHECK(problems.empty());
}

TEST_CASE("every problem is reported at once, in file order, each with its place") {
  const std::string f = (dir / "many_problems.toml").string() + ":";
  const std::string lua = (dir / "scripts" / "broken.lua").string() + ":";
  CHECK(check(dir / "many_problems.toml") ==
        std::vector<std::string>{
            f + "11:1: unknown threshold script 'clasify'; the regime 'test-regime' runs classify; did you mean 'classify'?",
            f + "12:1: unknown threshold script 'rank'; the regime 'test-regime' runs classify",
            f + "12:8: expected a readable script file at " + (dir / "scripts" / "missing.lua").string() +
                ", found: No such file or directory",
            f + "15:10: expected thresholds.params.pa_max to be a number from 0 to 100, found 180.0",
            f + "19:8: expected classification.mode to be one of \"strict\", \"lenient\", found \"strickt\"; did you mean "
                "'strict'?",
            f + "20:41: expected classification.maintained_types[1] to be a string, found 12",
            f + "22:9: expected visits.green.per_year (QA visits a year for a green school), which the regime "
                "'test-regime' requires, found none",
            f + "23:1: unknown key 'visits.green.per_yaer' (the regime 'test-regime' does not declare it); did you mean "
                "'per_year'?",
            f + "25:12: expected visits.amber.per_term to be a whole number from 0 to 6, found 2.5",
            f + "29:9: expected report.draft to be true or false, found \"no\"",
            f + "30:14: expected report.board_date to be a date such as 2025-09-01, found \"2025-03-12\" (a string: "
                "write dates without quotes)",
            f + "32:2: unknown table [reprot] (the regime 'test-regime' does not declare it); did you mean 'report'?",
            lua + "3:24: expected a known name after params, found 'pa_maxx' ([thresholds.params] has no 'pa_maxx'); "
                  "did you mean 'pa_max'?",
            lua + "5: 'then' expected near 'return'",
        });
}

TEST_CASE("header problems come first, with the regime's required keys") {
  const std::string f = (dir / "bad_header.toml").string() + ":";
  const auto got = check(dir / "bad_header.toml");
  CHECK(got == std::vector<std::string>{
                   f + "1:1: expected policy.body: the body's name, e.g. body = \"Example Borough Council\", found none",
                   f + "1:1: expected visits.green.per_year (QA visits a year for a green school), which the regime "
                       "'test-regime' requires, found none",
                   f + "1:1: expected classification.maintained_types, which the regime 'test-regime' requires, found none",
                   f + "3:12: expected policy.version to be the policy's version, e.g. version = \"2024-25.1\", found 3",
                   f + "4:12: expected policy.approved to be a date such as approved = 2025-09-01, found "
                       "2024-09-01T09:00:00",
                   f + "5:12: expected policy.review to be a date such as review = 2025-09-01, found \"2025-09-01\" (a "
                       "string: write dates without quotes)",
                   f + "6:1: unknown key 'policy.boddy' in the header; expected one of regime, body, version, approved, "
                       "review; did you mean 'body'?",
               });
}

TEST_CASE("a regime that needs a script the policy lacks, or describes no overall scale") {
  auto d = testing::test_regime();
  d.threshold_scripts = {"classify", "rank"};
  d.overall_scale = "bands";
  const std::string f = (dir / "good.toml").string() + ":";
  CHECK(check(dir / "good.toml", d) ==
        std::vector<std::string>{
            f + "3:12: expected the regime 'test-regime' to describe its overall scale 'bands', found no such scale (a "
                "plugin bug)",
            f + "9:2: expected thresholds.rank = \"path/to/rank.lua\" (the regime runs a script 'rank'), found none",
        });
  d = testing::test_regime();
  d.id = "other-regime";
  CHECK(check(dir / "good.toml", d).front() ==
        f + "3:12: expected the regime 'other-regime' that was checked against, found \"test-regime\"");
}

TEST_CASE("the regime's own validate() problems are placed at their keys") {
  struct Strict final : sdk::Regime {
    sdk::RegimeDescription do_describe() const override { return testing::test_regime(); }
    void do_validate(const sdk::PolicyView& policy, std::vector<sdk::Diagnostic>& out) const override {
      if (policy.number("visits.amber.per_term").value_or(0) < 3)
        out.push_back({"visits.amber.per_term", "expected at least 3 visits a term for amber, found 2"});
      if (!policy.has("visits.red")) out.push_back({"visits.red", "expected a red band, found none"});
    }
    sdk::Status do_assess(const sdk::AssessmentRequest&, sdk::AssessmentOut&) const override { return {}; }
  };
  const sdk::RegimeAdapter<Strict> strict("test-regime", "1.0.0");
  const auto validate = [&](const sdk::PolicyView& p, auto& out) { return strict.validate(p, out); };
  const std::string f = (dir / "good.toml").string() + ":";
  CHECK(check(dir / "good.toml", testing::test_regime(), validate) ==
        std::vector<std::string>{f + "25:2: visits.red: expected a red band, found none",
                                 f + "28:1: visits.amber.per_term: expected at least 3 visits a term for amber, found 2"});
}

TEST_CASE("a script reading an indicator the regime does not know, with a close match") {
  auto d = testing::test_regime();
  sdk::IndicatorSpec ks2;
  ks2.id = "ks2_rwm_expected_pct";
  d.indicators.push_back(ks2);
  // classify.lua reads persistent_absence_pct: known, so nothing to say.
  CHECK(check(dir / "good.toml", d).empty());
  d.indicators.erase(d.indicators.begin());  // now it is unknown, with no close match: still nothing
  CHECK(check(dir / "good.toml", d).empty());
  d.indicators.front().id = "persistent_absense_pct";
  const auto got = check(dir / "good.toml", d);
  REQUIRE_FALSE(got.empty());
  CHECK_THAT(got.front(), Catch::Contains("classify.lua:8:") &&
                              Catch::Contains("the regime knows no indicator 'persistent_absence_pct'); did you mean "
                                              "'persistent_absense_pct'?"));
}

TEST_CASE("policy check finds [calendar] problems at their keys, as the scheduler would") {
  const auto problems = check(dir / "bad_calendar.toml");
  REQUIRE(problems.size() == 1);
  const std::string f = (dir / "bad_calendar.toml").string() + ":";
  CHECK(problems[0].rfind(f + "19:", 0) == 0);
  CHECK(problems[0].find("autumn-") != std::string::npos);
}
