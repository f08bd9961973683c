// SDK 2 outcomes: a script may return one table with the overall level, its
// reasons, ratings per area or indicator (each on its subject's scale) and
// flags; `return level, reasons` keeps working; facts may be lists and tables.
#include <catch2/catch.hpp>

#include "fixtures.hpp"
#include "trellis/lua_sandbox.hpp"

using namespace trellis;
using testing::value;

namespace {

// A band overall; leadership rated on a RAG scale; quality and the
// indicators on the band (no mapping: the overall scale).
lua::ThresholdSetup banded() {
  lua::ThresholdSetup s;
  s.scale = "band";
  s.levels = {"green", "yellow", "amber", "red"};
  s.scales = {{"band", "Band", {{"green", "Green", ""}, {"yellow", "Yellow", ""}, {"amber", "Amber", ""}, {"red", "Red", ""}}},
              {"rag", "RAG", {{"green", "Green", ""}, {"amber", "Amber", ""}, {"red", "Red", ""}}}};
  s.areas = {{"quality", "Quality of education"}, {"leadership", "Leadership"}};
  s.subject_scales = {{"leadership", "rag"}};
  sdk::IndicatorSpec pa;
  pa.id = "persistent_absence_pct";
  pa.label = "Persistent absence";
  pa.area = "quality";
  sdk::IndicatorSpec safe;
  safe.id = "safeguarding_concern";
  safe.label = "Safeguarding concern";
  safe.area = "leadership";
  s.indicators = {pa, safe};
  s.params = lua::Value::table({});
  return s;
}

FixedEvidence school() {
  FixedEvidence e(testing::school_info(123456, "Hadley Primary"), "2018-19");
  e.add(value("persistent_absence_pct", 21.3, "england_abs.csv", 4102));  // evidence id 1
  e.add(value("safeguarding_concern", 1, "recorded by a.officer", 0));     // evidence id 2
  return e;
}

sdk::ThresholdOutcome run(const std::string& body, const sdk::Facts& facts = {}) {
  lua::ThresholdSandbox sandbox(banded());
  sandbox.add({"t", "scripts/t.lua", body});
  return sandbox.run("t", school(), facts);
}

}  // namespace

TEST_CASE("a table outcome carries the level, reasons, ratings per subject with their evidence, and flags") {
  const auto out = run(R"(return function(school, params)
  local pa = school.indicators.persistent_absence_pct
  return {
    level = "amber",
    reasons = { "Two concerns." },
    ratings = {
      { subject = "quality", level = "amber", reasons = { "Persistent absence 21.3%." }, evidence = { pa } },
      { subject = "leadership", level = "red", reasons = { "A safeguarding concern." },
        evidence = { "safeguarding_concern" } },
      { subject = "persistent_absence_pct", level = "yellow" },
    },
    flags = { "safeguarding" },
  }
end)");
  INFO(out.status.message);
  REQUIRE(out.status.ok);
  CHECK(out.level == "amber");
  CHECK(out.reasons == std::vector<std::string>{"Two concerns."});
  REQUIRE(out.ratings.size() == 3);
  CHECK(out.ratings[0].subject == "quality");
  CHECK(out.ratings[0].level == "amber");
  CHECK(out.ratings[0].reasons == std::vector<std::string>{"Persistent absence 21.3%."});
  CHECK(out.ratings[0].evidence == std::vector<std::int64_t>{1});
  CHECK(out.ratings[1].subject == "leadership");
  CHECK(out.ratings[1].level == "red");
  CHECK(out.ratings[1].evidence == std::vector<std::int64_t>{2});
  CHECK(out.ratings[2].subject == "persistent_absence_pct");
  CHECK(out.ratings[2].reasons.empty());
  CHECK(out.ratings[2].evidence.empty());
  CHECK(out.flags == std::vector<std::string>{"safeguarding"});
}

TEST_CASE("the SDK 1 form `return level, reasons` still works, with no ratings or flags") {
  const auto out = run(R"(return function(school, params)
  return "yellow", { "One concern." }
end)");
  INFO(out.status.message);
  REQUIRE(out.status.ok);
  CHECK(out.level == "yellow");
  CHECK(out.reasons == std::vector<std::string>{"One concern."});
  CHECK(out.ratings.empty());
  CHECK(out.flags.empty());
}

TEST_CASE("a table outcome needs only a level") {
  const auto out = run("return function() return { level = \"green\" } end");
  INFO(out.status.message);
  REQUIRE(out.status.ok);
  CHECK(out.level == "green");
  CHECK(out.reasons.empty());
}

TEST_CASE("each rating's level is checked against its own subject's scale") {
  // yellow is on the band (the overall scale) but not on leadership's RAG scale.
  const auto out = run(R"(return function(school, params)
  return { level = "yellow", ratings = {
    { subject = "quality", level = "yellow" },
    { subject = "leadership", level = "yellow" },
  } }
end)");
  REQUIRE_FALSE(out.status.ok);
  CHECK(out.status.message.rfind(
            "scripts/t.lua:1: ratings[2].level: expected one of green, amber, red (scale rag of area leadership), "
            "found \"yellow\"",
            0) == 0);
}

TEST_CASE("an indicator without a scale of its own is rated on the overall scale") {
  const auto out = run(R"(return function(school, params)
  return { level = "green", ratings = { { subject = "persistent_absence_pct", level = "purple" } } }
end)");
  REQUIRE_FALSE(out.status.ok);
  CHECK_THAT(out.status.message,
             Catch::Contains("ratings[1].level: expected one of green, yellow, amber, red (scale band of indicator "
                             "persistent_absence_pct), found \"purple\""));
}

TEST_CASE("the overall level of a table outcome is checked against the overall scale") {
  const auto out = run("return function() return { level = 3 } end");
  REQUIRE_FALSE(out.status.ok);
  CHECK_THAT(out.status.message,
             Catch::StartsWith("scripts/t.lua:1: level: expected one of green, yellow, amber, red (scale band), "
                               "found the number 3"));
}

TEST_CASE("a rating of an unknown subject is refused, naming the areas") {
  const auto out = run(R"(return function()
  return { level = "green", ratings = { { subject = "leadrship", level = "green" } } }
end)");
  REQUIRE_FALSE(out.status.ok);
  CHECK_THAT(out.status.message,
             Catch::StartsWith("scripts/t.lua:1: ratings[1].subject: expected an area (quality, leadership) or an "
                               "indicator id of the regime, found \"leadrship\""));
  const auto overall = run(R"(return function()
  return { level = "green", ratings = { { subject = "overall", level = "green" } } }
end)");
  CHECK_THAT(overall.status.message, Catch::Contains("the overall level is the table's own `level`"));
}

TEST_CASE("a table outcome is read strictly: unknown keys, twice-rated subjects, bad evidence and flags") {
  using Catch::Contains;
  CHECK_THAT(run("return function() return { level = \"green\", reason = {} } end").status.message,
             Contains("the outcome: expected only the keys level, reasons, ratings, flags, found the key \"reason\""));
  CHECK_THAT(run("return function() return { level = \"green\", ratings = { { subject = \"quality\", "
                 "level = \"green\", why = \"x\" } } } end")
                 .status.message,
             Contains("ratings[1]: expected only the keys subject, level, reasons, evidence, found the key \"why\""));
  // A key is compared whole, and named whole: "level" followed by a NUL byte is not `level`.
  CHECK_THAT(run("return function() return { level = \"green\", [\"level\\0x\"] = 1 } end").status.message,
             Contains("found the key \"level\\0x\""));
  CHECK_THAT(run("return function() return { level = \"green\", ratings = { { subject = \"quality\", level = "
                 "\"green\" }, { subject = \"quality\", level = \"red\" } } } end")
                 .status.message,
             Contains("ratings[2].subject: expected each subject rated once, found \"quality\" rated already at "
                      "ratings[1]"));
  CHECK_THAT(run("return function() return { level = \"green\", ratings = { { subject = \"quality\", level = "
                 "\"green\", evidence = { \"made_up\" } } } } end")
                 .status.message,
             Contains("ratings[1].evidence[1]: expected an indicator id of the regime or a record of "
                      "school.indicators, found \"made_up\""));
  CHECK_THAT(run("return function() return { level = \"green\", ratings = { { subject = \"quality\", level = "
                 "\"green\", reasons = { \"ok\", 4 } } } } end")
                 .status.message,
             Contains("ratings[1].reasons[2]: expected a string, found the number 4"));
  CHECK_THAT(run("return function() return { level = \"green\", flags = \"safeguarding\" } end").status.message,
             Contains("flags: expected a list of strings {\"...\", \"...\"}, found \"safeguarding\""));
  CHECK_THAT(run("return function() return { level = \"green\", ratings = { quality = \"green\" } } end").status.message,
             Contains("ratings: expected a list of ratings"));
}

TEST_CASE("facts may be lists and tables, which scripts read (and cannot change) like params") {
  sdk::Facts facts{{"areas", sdk::FactList{"quality", "leadership"}},
                   {"kpis", sdk::FactList{sdk::FactTable{{"id", "attendance"}, {"level", "secure"}, {"score", 3.0}},
                                          sdk::FactTable{{"id", "safeguarding"}, {"self", true}}}},
                   {"labels", sdk::FactTable{{"quality", "Quality of education"}, {"leadership", "Leadership"}}}};
  const auto out = run(R"(return function(school, params)
  local f = school.facts
  local r = {}
  for i, a in ipairs(f.areas) do r[#r + 1] = i .. " " .. a .. " " .. f.labels[a] end
  r[#r + 1] = #f.kpis .. " " .. f.kpis[1].id .. " " .. f.kpis[1].level .. " " .. f.kpis[1].score
  r[#r + 1] = tostring(f.kpis[2].self) .. " " .. tostring(f.kpis[2].level)
  local keys = {}
  for k in pairs(f.labels) do keys[#keys + 1] = k end
  r[#r + 1] = table.concat(keys, ",")
  r[#r + 1] = tostring(pcall(function() f.areas[3] = "x" end)) .. " " .. tostring(pcall(function() f.kpis[1].level = "weak" end))
  return { level = "green", reasons = r }
end)",
                       facts);
  INFO(out.status.message);
  REQUIRE(out.status.ok);
  CHECK(out.reasons == std::vector<std::string>{"1 quality Quality of education", "2 leadership Leadership",
                                                "2 attendance secure 3.0", "true nil", "leadership,quality",
                                                "false false"});
}

TEST_CASE("a list or table fact kept from one school's run shows the next school only what it is given") {
  lua::ThresholdSandbox sandbox(banded());
  // Lists every fact, nested, as "name=value"; fails when asked to, after reading them.
  sandbox.add({"t", "scripts/t.lua", R"(return function(school, params)
  local function shown(v)
    if type(v) ~= "table" then return tostring(v) end
    local parts = {}
    for k, item in pairs(v) do parts[#parts + 1] = tostring(k) .. "=" .. shown(item) end
    return "{" .. table.concat(parts, " ") .. "}"
  end
  local r = shown(school.facts)
  if school.facts.fail then error("asked to fail") end
  return { level = "green", reasons = { r } }
end)"});
  const auto e = school();
  auto reasons = [&](const sdk::Facts& facts) {
    const auto out = sandbox.run("t", e, facts);
    INFO(out.status.message);
    REQUIRE(out.status.ok);
    REQUIRE(out.reasons.size() == 1);
    return out.reasons.front();
  };
  const sdk::Facts first{{"levels", sdk::FactList{"green", "amber"}}, {"kpi", sdk::FactTable{{"score", 0.0}}}};
  const sdk::Facts second{{"levels", sdk::FactList{"green", "amber", "red"}}, {"kpi", sdk::FactTable{{"score", -0.0}}}};
  const sdk::Facts nested{{"levels", sdk::FactList{"green", "amber"}},
                          {"kpi", sdk::FactTable{{"score", 0.0}, {"area", sdk::FactTable{{"id", "quality"}}}}}};
  CHECK(reasons(first) == "{kpi={score=0.0} levels={1=green 2=amber}}");
  CHECK(reasons(first) == "{kpi={score=0.0} levels={1=green 2=amber}}");  // the same proxies again
  CHECK(reasons(second) == "{kpi={score=-0.0} levels={1=green 2=amber 3=red}}");
  CHECK(reasons(nested) == "{kpi={area={id=quality} score=0.0} levels={1=green 2=amber}}");
  CHECK(reasons({{"levels", sdk::FactList{"red"}}}) == "{levels={1=red}}");  // kpi is not given: none shows
  // A run that fails after being given new facts leaves nothing to mislead the next.
  sdk::Facts failing = second;
  failing["fail"] = true;
  failing["kpi"] = sdk::FactTable{{"score", 7.0}};
  CHECK_FALSE(sandbox.run("t", e, failing).status.ok);
  CHECK(reasons(first) == "{kpi={score=0.0} levels={1=green 2=amber}}");
  CHECK(reasons(second) == "{kpi={score=-0.0} levels={1=green 2=amber 3=red}}");
  CHECK(reasons({{"kpi", sdk::FactTable{{"score", 7.0}}}}) == "{kpi={score=7.0}}");
  // A table of tables that changes in some entries: each entry shows what it is now.
  auto kpis = [](sdk::Fact a, sdk::Fact b) { return sdk::Facts{{"kpi", sdk::FactTable{{"a", a}, {"b", b}}}}; };
  const sdk::FactTable secure{{"level", "secure"}}, weak{{"level", "weak"}};
  CHECK(reasons(kpis(secure, secure)) == "{kpi={a={level=secure} b={level=secure}}}");
  CHECK(reasons(kpis(secure, weak)) == "{kpi={a={level=secure} b={level=weak}}}");
  CHECK(reasons(kpis(weak, weak)) == "{kpi={a={level=weak} b={level=weak}}}");
  CHECK(reasons(kpis(sdk::FactTable{{"n", -0.0}}, weak)) == "{kpi={a={n=-0.0} b={level=weak}}}");
  CHECK(reasons(kpis(sdk::FactTable{{"n", 0.0}}, sdk::FactList{"x"})) == "{kpi={a={n=0.0} b={1=x}}}");
  CHECK(reasons(kpis(sdk::FactTable{{"n", 0.0}}, 2.0)) == "{kpi={a={n=0.0} b=2.0}}");
  CHECK(reasons(kpis(secure, weak)) == "{kpi={a={level=secure} b={level=weak}}}");
  CHECK(reasons({{"kpi", sdk::FactList{secure, weak}}}) == "{kpi={1={level=secure} 2={level=weak}}}");
  CHECK(reasons(kpis(secure, weak)) == "{kpi={a={level=secure} b={level=weak}}}");
}

namespace {

// The test school, counting look-ups of its items.
class CountedEvidence final : public sdk::EvidenceView {
 public:
  explicit CountedEvidence(const FixedEvidence& held) : held_(held) {}
  mutable int lookups = 0;
  const sdk::SchoolInfo& school() const override { return held_.school(); }
  std::string period() const override { return held_.period(); }
  std::optional<sdk::Observation> latest(std::string_view indicator) const override {
    ++lookups;
    return held_.latest(indicator);
  }
  std::vector<sdk::Observation> all() const override { return held_.all(); }
  std::optional<double> benchmark(std::string_view indicator, sdk::BenchmarkScope scope) const override {
    return held_.benchmark(indicator, scope);
  }
  std::optional<std::string> previous_level() const override { return held_.previous_level(); }
  std::optional<std::string> rating(std::string_view subject, std::string_view stage) const override {
    return held_.rating(subject, stage);
  }
  const sdk::CalendarView& calendar() const override { return held_.calendar(); }

 private:
  const FixedEvidence& held_;
};

}  // namespace

TEST_CASE("a rating cites the item its script read without looking it up again, and looks up one it did not read") {
  const FixedEvidence held = school();
  CountedEvidence counted(held);
  lua::ThresholdSandbox sandbox(banded());
  sandbox.add({"t", "scripts/t.lua", R"(return function(school, params)
  local pa = school.indicators.persistent_absence_pct
  local again = school.indicators.persistent_absence_pct
  return { level = "amber", reasons = { "Two concerns." }, ratings = {
    { subject = "quality", level = "amber", evidence = { pa, "persistent_absence_pct" } },
    { subject = "leadership", level = "red", evidence = { "safeguarding_concern" } },
  } }
end)"});
  for (int run = 0; run < 2; ++run) {
    counted.lookups = 0;
    const auto out = sandbox.run("t", counted, {});
    INFO(out.status.message);
    REQUIRE(out.status.ok);
    CHECK(out.ratings[0].evidence == std::vector<std::int64_t>{1, 1});
    CHECK(out.ratings[1].evidence == std::vector<std::int64_t>{2});
    CHECK(counted.lookups == 2);  // persistent absence once, read; the safeguarding concern once, cited
  }
}
