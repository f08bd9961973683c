// policies/nexus.toml against the regime: the shipped policy is clean, and
// the regime's own checks catch a policy that disagrees with the plugin.
#include <algorithm>
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

namespace {

/// policies/nexus.toml with `was` replaced by `now` and `extra` appended, written beside the build.
std::string draft_of(const std::string& name, const std::string& was, const std::string& now, const std::string& extra) {
  const std::string draft = std::string(TRELLIS_BUILD_DIR) + "/" + name;
  std::ifstream in(source("policies/nexus.toml"));
  std::string text((std::istreambuf_iterator<char>(in)), {});
  if (!was.empty()) {
    auto at = text.find(was);
    REQUIRE(at != std::string::npos);
    text.replace(at, was.size(), now);
  }
  std::ofstream(draft) << text << extra;
  return draft;
}

const std::string kPupilVoice = "[indicators.pupil_voice]\nlabel = \"Pupils have a voice and feel safe\"\nunit = "
                                "\"rating\"\ndirection = \"higher_is_better\"\nscale = \"dashboard\"\narea = "
                                "\"personal_development\"\npriority = \"citizens\"";

}  // namespace

TEST_CASE("000 §3.6: the trust adds a KPI in its policy, and the dashboard has it without recompiling") {
  const auto draft = draft_of("nexus-draft-new-kpi.toml", "", "",
                              "\n[indicators.reading_ages]\nlabel = \"Reading ages at or above chronological age\"\n"
                              "unit = \"rating\"\ndirection = \"higher_is_better\"\nscale = \"dashboard\"\n"
                              "area = \"quality_of_education\"\npriority = \"learning\"\n");
  Nexus n;
  auto policy = declared_policy(draft);
  auto kpis = nexus::dashboard_kpis(policy.view());
  REQUIRE(kpis.size() == 17);
  CHECK(kpis.back().id == "reading_ages");
  CHECK(kpis.back().label == "Reading ages at or above chronological age");
  // The kernel's description has it too, on the dashboard scale, with its priority.
  const auto& d = policy.description();
  auto it = std::find_if(d.indicators.begin(), d.indicators.end(), [](auto& i) { return i.id == "reading_ages"; });
  REQUIRE(it != d.indicators.end());
  CHECK(it->priority == "learning");
  CHECK(std::any_of(d.subject_scales.begin(), d.subject_scales.end(),
                    [](auto& s) { return s.subject == "reading_ages" && s.scale == "dashboard"; }));
  CHECK(trellis::check_policy(policy, n.description, n.validate()).empty());
}

TEST_CASE("CSIF 1-3: a KPI in an unknown area, with an unknown Big 3 link or off the dashboard scale, is reported at its line") {
  Nexus n;
  const std::string was = kPupilVoice;
  std::string now = was;
  now.replace(now.find("personal_development"), 20, "pastoral_care");
  now.replace(now.find("\"citizens\""), 10, "\"wellbeing\"");
  const auto draft = draft_of("nexus-draft-kpis.toml", was, now,
                              "\n[indicators.reading_ages]\nlabel = \"Reading ages\"\narea = \"quality_of_education\"\n");
  auto policy = declared_policy(draft);
  std::string all;
  for (auto& p : trellis::check_policy(policy, n.description, n.validate())) all += p.to_string() + "\n";
  INFO(all);
  // file:line:col of the bad area's value.
  std::ifstream in(draft);
  std::string text((std::istreambuf_iterator<char>(in)), {});
  const auto line = 1 + std::count(text.begin(), text.begin() + static_cast<long>(text.find("area = \"pastoral_care\"")), '\n');
  CHECK_THAT(all, Catch::Contains(draft + ":" + std::to_string(line) + ":8: expected indicators.pupil_voice.area to be one of the areas "
                                  "(quality_of_education, behaviour_and_attitudes, personal_development, "
                                  "leadership_and_management), found \"pastoral_care\""));
  CHECK_THAT(all, Catch::Contains("expected indicators.pupil_voice.priority to be one of the priorities "
                                  "(learning, citizens, provision), found \"wellbeing\""));
  CHECK_THAT(all, Catch::Contains("indicators.reading_ages: expected scale = \"dashboard\" for a KPI of the dashboard"));
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

TEST_CASE("000 §5.2: [tier_support] names the regime's tiers, and a bad one is reported at its line") {
  Nexus n;
  const auto draft = draft_of("nexus-draft-tier-support.toml", "", "",
                              "\n[tier_support.special_measures.visit]\ntitle = \"Weekly visit\"\n");
  auto policy = declared_policy(draft);
  std::string all;
  for (auto& p : trellis::check_policy(policy, n.description, n.validate())) all += p.to_string() + "\n";
  std::ifstream in(draft);
  std::string text((std::istreambuf_iterator<char>(in)), {});
  const auto line = 1 + std::count(text.begin(), text.begin() + static_cast<long>(text.find("[tier_support.special")), '\n');
  CHECK_THAT(all, Catch::Contains(draft + ":" + std::to_string(line)) &&
                      Catch::Contains("expected a tier (prevention, early_intervention, formal_intervention), found "
                                      "\"special_measures\""));
}

TEST_CASE("000 §3.10.3: \"weakest\" focus must say how ties break; the rotation gives each area once, three or more") {
  Nexus n;
  OverridePolicy weakest(n.policy.view(), {{"enquiry.focus", std::string("weakest")}});
  CHECK_THAT(problems_of(weakest), Catch::Contains("enquiry.focus: expected enquiry.weakest_ties beside focus = "
                                                   "\"weakest\""));
  OverridePolicy tied(n.policy.view(), {{"enquiry.focus", std::string("weakest")},
                                        {"enquiry.weakest_ties", std::string("rotation")}});
  CHECK_THAT(problems_of(tied), !Catch::Contains("enquiry.focus"));
  OverridePolicy twice(n.policy.view(), {{"enquiry.rotation", std::vector<std::string>{"quality_of_education",
                                                                                       "personal_development",
                                                                                       "quality_of_education"}}});
  CHECK_THAT(problems_of(twice), Catch::Contains("enquiry.rotation: expected each area once"));
  OverridePolicy short_rotation(n.policy.view(),
                                {{"enquiry.rotation", std::vector<std::string>{"quality_of_education", "personal_development"}}});
  CHECK_THAT(problems_of(short_rotation), Catch::Contains("expected at least three areas, one for each term's enquiry"));
}
