// What a policy declares of its regime's description, and the regime's key
// defaults: builders, the view's fallback, the merge, and policy check.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

#include "test_regime.hpp"
#include "trellis/policy.hpp"
#include "trellis/sdk/policy_keys.hpp"

using namespace trellis;
namespace fs = std::filesystem;

namespace {

const fs::path dir = fs::path(TRELLIS_SOURCE_DIR) / "tests" / "data" / "policies";

/// The test regime, letting the policy declare every part.
sdk::RegimeDescription open_regime() {
  auto d = testing::test_regime();
  d.stages = {{"computed", {}}, {"final", {"officer"}}};
  d.from_policy = {true, true, true, true, true};
  return d;
}

std::string problems_in(const fs::path& file, const sdk::RegimeDescription& d) {
  std::vector<PolicyProblem> ignored;
  Policy p = Policy::read(file, ignored);
  p.declare(d);
  std::string out;
  for (const auto& problem : check_policy(p, d)) out += problem.to_string() + "\n";
  return out;
}

template <class T>
const T* find_id(const std::vector<T>& items, const std::string& id) {
  auto it = std::find_if(items.begin(), items.end(), [&](const T& i) { return i.id == id; });
  return it == items.end() ? nullptr : &*it;
}

}  // namespace

TEST_CASE("a key builder writes the spec, its default as TOML") {
  using namespace sdk;
  const PolicyKeySpec n = keys::number("meetings.agenda_days_before").range(1, 60).default_value(14).doc("days");
  CHECK(n.type == KeyType::number);
  CHECK(n.min == 1.0);
  CHECK(n.max == 60.0);
  CHECK(n.default_value == "14");
  CHECK_FALSE(n.required);
  CHECK(keys::number("x").default_value(2.5).spec().default_value == "2.5");
  CHECK(keys::text("x").default_value("spring \"1\"").spec().default_value == R"("spring \"1\"")");
  CHECK(keys::flag("x").default_value(true).spec().default_value == "true");
  CHECK(keys::list("x").default_value(std::vector<std::string>{"a", "b"}).spec().default_value == R"(["a", "b"])");
  CHECK(keys::list("x").required().spec().required);
}

TEST_CASE("the policy's view falls back to the regime's declared default, and the policy's own value wins") {
  auto d = testing::test_regime();
  d.policy_keys.push_back(sdk::keys::number("meetings.agenda_days_before").range(1, 60).default_value(14));
  d.policy_keys.push_back(sdk::keys::text("governance.half_term").default_value("spring-1"));
  d.policy_keys.push_back(sdk::keys::list("meetings.attendees").default_value(std::vector<std::string>{"Head"}));
  d.policy_keys.push_back(sdk::keys::flag("report.draft").default_value(true));
  Policy p = Policy::load(dir / "good.toml");
  CHECK_FALSE(p.view().number("meetings.agenda_days_before"));  // not bound yet: the file alone
  p.declare(d);
  CHECK(p.view().number("meetings.agenda_days_before") == 14.0);
  CHECK(sdk::whole_number(p.view(), "meetings.agenda_days_before") == 14);
  CHECK(p.view().text("governance.half_term") == "spring-1");
  CHECK(p.view().texts("meetings.attendees") == std::vector<std::string>{"Head"});
  CHECK(p.view().flag("report.draft") == false);  // good.toml sets it
  CHECK(p.view().number("visits.green.per_year") == 2.0);
  CHECK_THROWS_WITH(sdk::whole_number(p.view(), "visits.blue.per_year"),
                    Catch::Contains("no number at visits.blue.per_year"));

  const auto values = policy_values(p, d);
  auto agenda = std::find_if(values.begin(), values.end(), [](auto& v) { return v.path == "meetings.agenda_days_before"; });
  REQUIRE(agenda != values.end());
  CHECK(agenda->source == PolicyValue::Source::plugin_default);
  CHECK(agenda->value == "14");
  auto draft = std::find_if(values.begin(), values.end(), [](auto& v) { return v.path == "report.draft"; });
  REQUIRE(draft != values.end());
  CHECK(draft->source == PolicyValue::Source::policy);
  CHECK(draft->value == "false");
  CHECK(draft->where.line == 32);
}

TEST_CASE("a default that its own key refuses is a plugin bug, reported at the policy's regime") {
  auto d = testing::test_regime();
  d.policy_keys.push_back(sdk::keys::number("meetings.agenda_days_before").range(1, 60).default_value(90));
  d.policy_keys.push_back(sdk::keys::text("governance.half_term").choices({"autumn-1"}).default_value("spring-1"));
  const std::string all = problems_in(dir / "good.toml", d);
  CHECK_THAT(all, Catch::Contains(":3:12: expected the regime 'test-regime' to declare a default for "
                                  "meetings.agenda_days_before that is a number from 1 to 60, found 90 (a plugin bug)"));
  CHECK_THAT(all, Catch::Contains("governance.half_term that is one of its choices, found \"spring-1\""));
}

TEST_CASE("a trust declares its own scale, area, priority, indicator and stage label, merged into the description") {
  const auto regime = open_regime();
  Policy p = Policy::load(dir / "declares.toml");
  p.declare(regime);
  CHECK(problems_in(dir / "declares.toml", regime).empty());
  const auto& d = p.description();
  const auto* grade = find_id(d.scales, "grade");
  REQUIRE(grade);
  REQUIRE(grade->levels.size() == 3);
  CHECK(grade->levels[0].colour == "#1b5e20");
  CHECK(grade->levels[2].label == "Weak");
  CHECK(find_id(d.scales, "rag"));  // the plugin's stay
  REQUIRE(find_id(d.areas, "reading"));
  REQUIRE(find_id(d.priorities, "literacy"));
  const auto* reading = find_id(d.indicators, "reading_age");
  REQUIRE(reading);
  CHECK(reading->area == "reading");
  CHECK(reading->priority == "literacy");
  CHECK(reading->direction == sdk::Direction::higher_is_better);
  CHECK(d.indicators.front().id == "persistent_absence_pct");  // the plugin's first, then the policy's
  CHECK(std::any_of(d.subject_scales.begin(), d.subject_scales.end(),
                    [](auto& s) { return s.subject == "reading_age" && s.scale == "grade"; }));
  CHECK(find_id(d.stages, "computed")->label == "Proposed by Trellis");
  CHECK(find_id(d.stages, "computed")->roles.empty());  // who records a stage stays the plugin's
}

TEST_CASE("policy check: declared parts the regime fixes are refused, naming the table") {
  auto fixed = testing::test_regime();  // from_policy all false
  fixed.stages = {{"computed", {}}};
  const std::string all = problems_in(dir / "declares.toml", fixed);
  const std::string f = (dir / "declares.toml").string() + ":";
  CHECK_THAT(all, Catch::Contains(f + "25:1: expected no [scales] table: the regime 'test-regime' fixes its scales in "
                                      "the plugin, found one"));
  CHECK_THAT(all, Catch::Contains("expected no [indicators] table: the regime 'test-regime' fixes its indicators"));
  CHECK_THAT(all, Catch::Contains("expected no [stages] table: the regime 'test-regime' fixes its stage labels"));
  CHECK(all.find("unknown table") == std::string::npos);
}

TEST_CASE("policy check: each mistake in a declared part at its file:line:col, with what was expected and found") {
  const std::string f = (dir / "declares_badly.toml").string() + ":";
  const std::string all = problems_in(dir / "declares_badly.toml", open_regime());
  INFO(all);
  CHECK_THAT(all, Catch::Contains(f + "27:43: expected scales.grade.levels[0].colour to be a colour \"#rrggbb\", "
                                      "found \"green\""));
  CHECK_THAT(all, Catch::Contains(f + "28:10: expected each level of scales.grade once, found \"good\" again"));
  CHECK_THAT(all, Catch::Contains(f + "31:9: expected a new scale id, found \"rag\", which the regime 'test-regime' "
                                      "already declares"));
  CHECK_THAT(all, Catch::Contains(f + "36:1: unknown key 'areas.reading.title'; expected one of label"));
  CHECK_THAT(all, Catch::Contains(f + "35:8: expected areas.reading.label, a string, found none"));
  CHECK_THAT(all, Catch::Contains(f + "40:13: expected indicators.reading_age.direction to be one of higher_is_better, "
                                      "lower_is_better, neutral, found \"upwards\""));
  CHECK_THAT(all, Catch::Contains(f + "41:9: expected indicators.reading_age.scale to be one of the scales (rag), "
                                      "found \"grades\""));
  CHECK_THAT(all, Catch::Contains(f + "42:12: expected indicators.reading_age.priority to name one of the priorities, "
                                      "but neither the regime nor the policy ([priorities]) declares any, found "
                                      "\"literacy\""));
  CHECK_THAT(all, Catch::Contains("expected a new indicator id, found \"attendance_pct\""));
  CHECK_THAT(all, Catch::Contains(f + "47:9: expected a stage the regime 'test-regime' declares (computed, final), "
                                      "found \"moderated\""));
  // An entry with a problem is left out of the description the kernel uses.
  std::vector<PolicyProblem> ignored;
  Policy p = Policy::read(dir / "declares_badly.toml", ignored);
  p.declare(open_regime());
  CHECK_FALSE(find_id(p.description().scales, "grade"));
  CHECK_FALSE(find_id(p.description().indicators, "reading_age"));
}

TEST_CASE("scripts see the regime's default for a [thresholds.params] key the policy omits, and the policy's value first") {
  auto d = testing::test_regime();
  d.policy_keys.push_back(sdk::keys::number("thresholds.params.pa_serious").default_value(30));
  d.policy_keys.push_back(sdk::keys::number("thresholds.params.ehe_concern").default_value(3));
  Policy p = Policy::load(dir / "good.toml");  // sets pa_serious = 25.0, not ehe_concern
  p.declare(d);
  const auto params = threshold_setup(p, d).params;
  auto at = [&](const std::string& key) {
    auto it = std::find(params.keys.begin(), params.keys.end(), key);
    REQUIRE(it != params.keys.end());
    return params.items[static_cast<std::size_t>(it - params.keys.begin())];
  };
  CHECK(at("pa_serious").number == 25.0);
  CHECK(at("ehe_concern").integer == 3);
  CHECK(params.keys.back() == "ehe_concern");  // the policy's own first, in file order
}

TEST_CASE("the policy says which entries of the description are its own") {
  Policy p = Policy::load(dir / "declares.toml");
  p.declare(open_regime());
  CHECK(p.declares("indicators", "reading_age"));
  CHECK_FALSE(p.declares("indicators", "attendance_pct"));  // the plugin's
  CHECK(p.declares("scales", "grade"));
  CHECK_FALSE(p.declares("scales", "rag"));
  CHECK(p.declares("areas", "reading"));
  CHECK(p.declares("priorities", "literacy"));
}
