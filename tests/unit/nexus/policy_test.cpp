// policies/nexus.toml against the regime: the shipped policy is clean, and
// the regime's own checks catch a policy that disagrees with the plugin.
#include <catch2/catch.hpp>
#include <fstream>

#include "fixture.hpp"
#include "trellis/policy/policy_tests.hpp"

using namespace nexus_test;

namespace {

std::string problems_of(const trellis::sdk::PolicyView& policy) {
  std::vector<trellis::sdk::Diagnostic> out;
  nexus::validate_policy(policy, out);
  std::string s;
  for (auto& d : out) s += d.path + ": " + d.message + "\n";
  return s;
}

}  // namespace

TEST_CASE("policies/nexus.toml passes `policy check` against the nexus-mat regime") {
  Nexus n;
  auto problems = trellis::check_policy(n.policy, n.description, n.validate());
  std::string all;
  for (auto& p : problems) all += p.to_string() + "\n";
  INFO(all);
  CHECK(problems.empty());
  CHECK(n.policy.regime() == "nexus-mat");
}

TEST_CASE("000 §3.7: the policy's levels must be the plugin's") {
  Nexus n;
  OverridePolicy p(n.policy.view(), {{"dashboard.levels", std::vector<std::string>{"green", "amber", "red"}}});
  CHECK_THAT(problems_of(p), Catch::Contains("dashboard.levels: expected [strong, secure, developing, weak]"));
}

TEST_CASE("000 §3.11.1: one SPSB a term, each in its own term") {
  Nexus n;
  OverridePolicy p(n.policy.view(), {{"boards.spsb_half_terms", std::vector<std::string>{"autumn-2", "summer-1", "summer-2"}}});
  CHECK_THAT(problems_of(p), Catch::Contains("boards.spsb_half_terms: expected spring-1 or spring-2 for the spring term"));
  OverridePolicy two(n.policy.view(), {{"data_submissions.half_terms", std::vector<std::string>{"autumn-1", "spring-1"}}});
  CHECK_THAT(problems_of(two), Catch::Contains("expected three half-terms, one for each term, found 2"));
}

TEST_CASE("000 §5.2: tier thresholds must be in order") {
  Nexus n;
  OverridePolicy p(n.policy.view(), {{"thresholds.params.area_secure_from", 3.8}});
  CHECK_THAT(problems_of(p), Catch::Contains("area_strong_from: expected at least area_secure_from"));
  OverridePolicy q(n.policy.view(), {{"thresholds.params.formal_min_weak_kpis", 0.5}});
  CHECK_THAT(problems_of(q), Catch::Contains("formal_min_weak_kpis"));
}

TEST_CASE("CSIF 1-3: a KPI the plugin does not declare, in the wrong area or with an unknown Big 3 link, is reported") {
  Nexus n;
  const std::string draft = std::string(TRELLIS_BUILD_DIR) + "/nexus-draft-kpis.toml";
  {
    std::ifstream in(source("policies/nexus.toml"));
    std::string text((std::istreambuf_iterator<char>(in)), {});
    text += "\n[dashboard.kpis.reading_ages]\narea = \"quality_of_education\"\nbig3 = \"learning\"\n";
    const std::string was = "[dashboard.kpis.pupil_voice]\narea = \"personal_development\"\nbig3 = \"citizens\"";
    auto at = text.find(was);
    REQUIRE(at != std::string::npos);
    text.replace(at, was.size(), "[dashboard.kpis.pupil_voice]\narea = \"behaviour_and_attitudes\"\nbig3 = \"wellbeing\"");
    std::ofstream(draft) << text;
  }
  auto policy = trellis::Policy::load(draft);
  auto problems = problems_of(policy.view());
  CHECK_THAT(problems, Catch::Contains("dashboard.kpis.reading_ages: expected a KPI the nexus-mat regime declares"));
  CHECK_THAT(problems, Catch::Contains("dashboard.kpis.pupil_voice.area: expected \"personal_development\""));
  CHECK_THAT(problems, Catch::Contains("dashboard.kpis.pupil_voice.big3: expected one of the Big 3 priorities"));
  // check_policy places each at its line in the file.
  auto located = trellis::check_policy(policy, n.description, n.validate());
  bool placed = false;
  for (auto& p : located)
    if (p.message.find("reading_ages") != std::string::npos) placed = p.where.line > 0;
  CHECK(placed);
}

TEST_CASE("000 §3.10.2: partners are keyed by URN") {
  Nexus n;
  const std::string draft = std::string(TRELLIS_BUILD_DIR) + "/nexus-draft-partners.toml";
  {
    std::ifstream in(source("policies/nexus.toml"));
    std::string text((std::istreambuf_iterator<char>(in)), {});
    auto at = text.find("[partners]\n");
    REQUIRE(at != std::string::npos);
    text.insert(at + 11, "142768 = \"Partner A\"\nabbey = \"Partner B\"\n");
    std::ofstream(draft) << text;
  }
  auto policy = trellis::Policy::load(draft);
  auto problems = problems_of(policy.view());
  CHECK_THAT(problems, Catch::Contains("partners.abbey: expected a school's URN"));
  CHECK_THAT(problems, !Catch::Contains("partners.142768"));
}

TEST_CASE("000 §5.2: the policy author's own cases (policies/nexus.tests.toml) all pass") {
  Nexus n;
  auto results = trellis::run_policy_tests(n.policy, n.description, trellis::policy_tests_path(n.policy.path()));
  REQUIRE(results.size() >= 10);
  for (auto& r : results) {
    std::string why;
    for (auto& d : r.differences) why += d + "\n";
    INFO(r.name << "\n" << why);
    CHECK(r.passed);
  }
}
