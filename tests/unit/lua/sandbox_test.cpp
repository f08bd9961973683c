// The sandbox's contract with threshold scripts: what they see, what comes
// back, and how failures are reported.
#include <catch2/catch.hpp>

#include <lua.hpp>

#include <stdexcept>

#include "fixtures.hpp"
#include "trellis/error.hpp"
#include "trellis/lua_sandbox.hpp"

using namespace trellis;
using testing::missing;
using testing::value;

namespace {

lua::ThresholdSetup rag(lua::Limits limits = {}) {
  lua::ThresholdSetup s;
  s.scale = "rag";
  s.levels = {"green", "amber", "red"};
  sdk::IndicatorSpec pa;
  pa.id = "persistent_absence_pct";
  pa.label = "Persistent absence";
  pa.unit = "%";
  s.indicators = {pa};
  s.params = lua::Value::table({{"pa_max", lua::Value::real(18.0)},
                                {"review", lua::Value::string("2025-09-01")},
                                {"bands", lua::Value::table({{"red", lua::Value::whole(4)}, {"amber", lua::Value::whole(2)}})},
                                {"types", lua::Value::array({lua::Value::string("a"), lua::Value::string("b")})}});
  s.limits = limits;
  return s;
}

FixedEvidence telford_primary() {
  auto info = testing::school_info(123456, "Hadley Primary");
  info.la_code = 894;
  info.la_name = "Telford and Wrekin";
  info.phase = "primary";
  info.pupils = 210;
  FixedEvidence e(info, "2018-19");
  e.add(value("persistent_absence_pct", 21.3, "england_abs.csv", 4102));
  e.add(missing("ks2_rwm_expected_pct", "suppressed"));
  sdk::Observation older = value("attendance_pct", 90.0, "old.csv", 1);
  older.period = "2017-18";
  e.add(older);
  sdk::Observation future = value("attendance_pct", 99.0, "future.csv", 2);
  future.period = "2019-20";
  e.add(future);
  e.set_benchmark("persistent_absence_pct", sdk::BenchmarkScope::national, 10.9);
  e.set_benchmark("persistent_absence_pct", sdk::BenchmarkScope::la, 12.5);
  e.set_previous_level("amber");
  e.set_rating("overall", "self", "green");
  return e;
}

sdk::ThresholdOutcome run_one(const std::string& body, const sdk::EvidenceView& e, const sdk::Facts& facts = {},
                              lua::Limits limits = {}) {
  lua::ThresholdSandbox sandbox(rag(limits));
  sandbox.add({"t", "scripts/t.lua", body});
  return sandbox.run("t", e, facts);
}

}  // namespace

TEST_CASE("a script sees the school, its evidence, benchmarks, facts and params") {
  const auto e = telford_primary();
  const auto out = run_one(R"(
return function(school, params)
  local pa = school.indicators.persistent_absence_pct
  local ks2 = school.indicators.ks2_rwm_expected_pct
  local r = {
    string.format("%d %s %d %s %s %d %s %s", school.urn, school.name, school.la_code, school.la_name,
                  school.phase, school.pupils, school.period, school.previous_level),
    string.format("%s %.1f%s from %s for %s", pa.label, pa.value, pa.unit, pa.source, pa.period),
    string.format("ks2 %s %s %s", tostring(ks2.value), ks2.missing, ks2.source),
    string.format("bench %.1f %.1f", school.benchmarks.persistent_absence_pct.national,
                  school.benchmarks.persistent_absence_pct.la),
    "no benchmark: " .. tostring(school.benchmarks.made_up.national),
    "absent: " .. tostring(school.indicators.made_up),
    "attendance " .. school.indicators.attendance_pct.value .. " from " .. school.indicators.attendance_pct.period,
    string.format("params %.1f %s %d %d %s", params.pa_max, params.review, params.bands.red, #params.types, params.types[2]),
    string.format("facts %s %s %s", tostring(school.facts.grade), school.facts.note, tostring(school.facts.flag)),
    "self " .. school.rating("overall", "self") .. " " .. tostring(school.rating("overall", "final")),
  }
  return pa.value > params.pa_max and "amber" or "green", r
end)",
                           e, {{"grade", 4.0}, {"note", std::string("RI")}, {"flag", true}});
  INFO(out.status.message);
  REQUIRE(out.status.ok);
  CHECK(out.level == "amber");
  CHECK(out.reasons == std::vector<std::string>{
                           "123456 Hadley Primary 894 Telford and Wrekin primary 210 2018-19 amber",
                           "Persistent absence 21.3% from england_abs.csv line 4102 for 2018-19",
                           "ks2 nil suppressed ks2.csv",
                           "bench 10.9 12.5",
                           "no benchmark: nil",
                           "absent: nil",
                           "attendance 90.0 from 2017-18",  // the newest at or before 2018-19
                           "params 18.0 2025-09-01 4 2 b",
                           "facts 4.0 RI true",
                           "self green nil",
                       });
}

TEST_CASE("pairs over the school's indicators and params comes in a fixed order") {
  const auto e = telford_primary();
  const auto out = run_one(R"(
return function(school, params)
  local ids, keys = {}, {}
  for id, item in pairs(school.indicators) do ids[#ids + 1] = id .. "=" .. tostring(item.value) end
  for k in pairs(params) do keys[#keys + 1] = k end
  for i, t in ipairs(params.types) do keys[#keys + 1] = i .. t end
  return "green", { table.concat(ids, ","), table.concat(keys, ",") }
end)",
                           e);
  INFO(out.status.message);
  REQUIRE(out.status.ok);
  CHECK(out.reasons[0] == "attendance_pct=90.0,ks2_rwm_expected_pct=nil,persistent_absence_pct=21.3");
  CHECK(out.reasons[1] == "bands,pa_max,review,types,1a,2b");
}

TEST_CASE("pairs over a script's own table comes in a fixed order, skipping cleared keys") {
  const auto out = run_one(R"(
return function(school, params)
  local t = { zeta = 1, alpha = 2, mid = 3, [10] = "ten", [2] = "two", beta = 4 }
  local seen = {}
  for k, v in pairs(t) do
    seen[#seen + 1] = tostring(k)
    t.mid = nil
  end
  return "green", { table.concat(seen, ",") }
end)",
                           telford_primary());
  INFO(out.status.message);
  REQUIRE(out.status.ok);
  CHECK(out.reasons == std::vector<std::string>{"2,10,alpha,beta,zeta"});
}

TEST_CASE("read-only reasons (a params list) are accepted") {
  const auto out = run_one("return function(school, params) return 'green', params.types end", telford_primary());
  REQUIRE(out.status.ok);
  CHECK(out.reasons == std::vector<std::string>{"a", "b"});
}

TEST_CASE("a runtime error names the script's file and line, with a short traceback") {
  const auto out = run_one(R"(local function pct(x)
  return x.value * 100
end
return function(school, params)
  return "green", { pct(school.indicators.made_up) }
end)",
                           telford_primary());
  REQUIRE_FALSE(out.status.ok);
  const std::string& m = out.status.message;
  INFO(m);
  CHECK(m.rfind("scripts/t.lua:2: attempt to index a nil value (local 'x')", 0) == 0);
  CHECK(m.find("stack traceback:\n\tscripts/t.lua:2: in ") != std::string::npos);
  CHECK(m.find("scripts/t.lua:5: in function <scripts/t.lua:4>") != std::string::npos);
}

TEST_CASE("long script paths are shown in full, not cut to Lua's 60 bytes") {
  const std::string file = "/srv/trellis/policies/trusts/heart-of-mercia/2024-25/scripts/thresholds/classify.lua";
  lua::ThresholdSandbox sandbox(rag());
  sandbox.add({"t", file, "return function() error('no data') end"});
  const auto out = sandbox.run("t", telford_primary(), {});
  INFO(out.status.message);
  CHECK(out.status.message.rfind(file + ":1: no data", 0) == 0);
  CHECK(out.status.message.find("...") == std::string::npos);
}

TEST_CASE("a syntax error is an InputError at the script's line") {
  lua::ThresholdSandbox sandbox(rag());
  try {
    sandbox.add({"t", "scripts/t.lua", "return function(school)\n  if school then\n    return 'green'\nend\n"});
    FAIL("accepted");
  } catch (const InputError& e) {
    CHECK(e.where().file == "scripts/t.lua");
    CHECK(e.where().line == 5);  // where the missing end was due: the end of the file
    CHECK(std::string(e.what()).find("'end' expected (to close 'function' at line 1)") != std::string::npos);
  }
}

TEST_CASE("bytecode made by lua_dump is refused") {
  lua_State* L = luaL_newstate();
  REQUIRE(luaL_loadstring(L, "return function() return 'green', {} end") == LUA_OK);
  std::string bytes;
  lua_dump(
      L,
      [](lua_State*, const void* p, size_t n, void* ud) {
        static_cast<std::string*>(ud)->append(static_cast<const char*>(p), n);
        return 0;
      },
      &bytes, 0);
  lua_close(L);
  lua::ThresholdSandbox sandbox(rag());
  CHECK_THROWS_WITH(sandbox.add({"t", "t.luac", bytes}), Catch::Contains("precompiled binary chunk"));
  CHECK_FALSE(sandbox.has("t"));
}

TEST_CASE("the instruction budget stops a loop and counts per run") {
  lua::Limits limits;
  limits.instructions = 100'000;
  lua::ThresholdSandbox sandbox(rag(limits));
  sandbox.add({"count", "count.lua", R"(
return function(school, params)
  local n = 0
  for i = 1, school.facts.n do n = n + i end
  return "green", { tostring(n) }
end)"});
  const auto e = telford_primary();
  // Well under the budget, many times over: the budget is per run, not per state.
  for (int i = 0; i < 50; ++i) REQUIRE(sandbox.run("count", e, {{"n", 1000.0}}).status.ok);
  const auto over = sandbox.run("count", e, {{"n", 1e6}});
  CHECK_FALSE(over.status.ok);
  CHECK_THAT(over.status.message, Catch::StartsWith("count.lua:4: stopped after 100000 instructions"));
  CHECK(sandbox.run("count", e, {{"n", 10.0}}).reasons == std::vector<std::string>{"55"});
}

TEST_CASE("the memory cap stops a bomb and the memory comes back") {
  lua::Limits limits;
  limits.memory_bytes = std::size_t{8} << 20;
  lua::ThresholdSandbox sandbox(rag(limits));
  sandbox.add({"bomb", "bomb.lua", R"(
return function(school, params)
  local t = {}
  for i = 1, 1e7 do t[i] = { i } end
  return "green", {}
end)"});
  sandbox.add({"ok", "ok.lua", "return function() return 'green', { ('x'):rep(1000) } end"});
  const auto e = telford_primary();
  const std::size_t before = sandbox.memory_in_use();
  const auto out = sandbox.run("bomb", e, {});
  CHECK_THAT(out.status.message, Catch::StartsWith("bomb.lua:4: the scripts' memory limit of 8 MiB ran out"));
  CHECK(sandbox.memory_in_use() < before + (std::size_t{1} << 20));
  CHECK(sandbox.run("ok", e, {}).status.ok);
}

TEST_CASE("the indicators a run asked for and did not find cost later runs no memory") {
  lua::Limits limits;
  limits.memory_bytes = std::size_t{8} << 20;
  lua::ThresholdSandbox sandbox(rag(limits));
  sandbox.add({"ask", "ask.lua", R"(
return function(school, params)
  local found = 0
  for i = 1, 40000 do
    if school.indicators["absent_" .. school.facts.run .. "_" .. i] ~= nil then found = found + 1 end
  end
  return "green", { tostring(found) }
end)"});
  const auto e = telford_primary();
  // 40,000 ids a run, each new: kept from run to run, 8 MiB would run out within a few runs.
  for (int run = 1; run <= 12; ++run) {
    const auto out = sandbox.run("ask", e, {{"run", static_cast<double>(run)}});
    INFO(out.status.message);
    REQUIRE(out.status.ok);
    CHECK(out.reasons == std::vector<std::string>{"0"});
  }
  CHECK(sandbox.memory_in_use() < (std::size_t{4} << 20));
}

TEST_CASE("reasons are bounded: 200 of at most 2000 bytes, UTF-8 (issue 19)") {
  lua::ThresholdSandbox sandbox(rag());
  sandbox.add({"many", "many.lua", R"(
return function(school)
  local r = {}
  for i = 1, school.facts.count do r[i] = ("x"):rep(school.facts.bytes) end
  return "green", r
end)"});
  sandbox.add({"bytes", "bytes.lua", R"(return function() return "green", { "ok", "caf\xe9" } end)"});
  const auto e = telford_primary();
  const auto most = sandbox.run("many", e, {{"count", 200.0}, {"bytes", 2000.0}});
  REQUIRE(most.status.ok);
  CHECK(most.reasons.size() == 200);
  const auto more = sandbox.run("many", e, {{"count", 201.0}, {"bytes", 1.0}});
  CHECK_THAT(more.status.message, Catch::Contains("reasons: expected at most 200 entries, found 201"));
  const auto longer = sandbox.run("many", e, {{"count", 1.0}, {"bytes", 2001.0}});
  CHECK_THAT(longer.status.message, Catch::Contains("reasons[1]: expected at most 2000 bytes, found 2001"));
  CHECK_THAT(sandbox.run("bytes", e, {}).status.message,
             Catch::Contains("reasons[2]: expected UTF-8 text, found a byte that is not UTF-8 at offset 3"));
}

TEST_CASE("the reasons a script returns are charged to its memory cap (issue 19)") {
  const lua::Script held{"held", "held.lua", R"(
return function(school)
  local r, base = {}, ("x"):rep(1999)
  for i = 1, school.facts.count do r[i] = base .. string.char(64 + i % 60) end
  return "green", r
end)"};
  const auto e = telford_primary();
  // What the sandbox itself holds after a run, measured on a twin.
  std::size_t base = 0;
  {
    lua::ThresholdSandbox twin(rag());
    twin.add(held);
    REQUIRE(twin.run("held", e, {{"count", 0.0}}).status.ok);
    base = twin.memory_in_use();
  }
  // About 500 KB more: 200 reasons of 2000 bytes fit in Lua (400 KB), but not with their copy (400 KB more).
  lua::Limits limits;
  limits.memory_bytes = base + 500'000;
  lua::ThresholdSandbox sandbox(rag(limits));
  sandbox.add(held);
  const auto few = sandbox.run("held", e, {{"count", 20.0}});
  INFO(few.status.message);
  REQUIRE(few.status.ok);
  CHECK(few.reasons.size() == 20);
  const auto all = sandbox.run("held", e, {{"count", 200.0}});
  CHECK_FALSE(all.status.ok);
  CHECK_THAT(all.status.message,
             Catch::Contains("held.lua:2: reasons[") && Catch::Contains("more than is left under the scripts' memory limit"));
  // The charge is given back: the next run fits again.
  CHECK(sandbox.run("held", e, {{"count", 20.0}}).status.ok);
}

TEST_CASE("an evidence view that throws becomes a status, not a crash") {
  struct Broken final : sdk::EvidenceView {
    sdk::SchoolInfo info = testing::school_info(1, "Broken");
    const sdk::SchoolInfo& school() const override { return info; }
    std::string period() const override { return "2018-19"; }
    std::optional<sdk::Observation> latest(std::string_view) const override { throw std::runtime_error("database is locked"); }
    std::vector<sdk::Observation> all() const override { return {}; }
    std::optional<double> benchmark(std::string_view, sdk::BenchmarkScope) const override { return std::nullopt; }
    std::optional<std::string> previous_level() const override { return std::nullopt; }
    std::optional<std::string> rating(std::string_view, std::string_view) const override { return std::nullopt; }
    const sdk::CalendarView& calendar() const override { return calendar_view; }
    trellis::AcademicCalendar england;
    trellis::AcademicCalendarView calendar_view{england};
  } broken;
  lua::ThresholdSandbox sandbox(rag());
  sandbox.add({"t", "t.lua", "return function(s) return s.indicators.x and 'red' or 'green', {} end"});
  const auto out = sandbox.run("t", broken, {});
  CHECK_FALSE(out.status.ok);
  CHECK_THAT(out.status.message, Catch::StartsWith("t.lua:1: reading the school's evidence failed: database is locked"));
  CHECK(sandbox.run("t", telford_primary(), {}).status.ok);
}

TEST_CASE("an unknown script name is a status naming the scripts there are") {
  lua::ThresholdSandbox sandbox(rag());
  sandbox.add({"classify", "c.lua", "return function() return 'green', {} end"});
  const auto out = sandbox.run("clasify", telford_primary(), {});
  CHECK_FALSE(out.status.ok);
  CHECK(out.status.message == "no threshold script named 'clasify'; the policy's [thresholds] has: classify");
  CHECK_THROWS_AS(sandbox.add({"classify", "c.lua", "return function() end"}), std::invalid_argument);
}

TEST_CASE("pattern costs: everyday patterns pass, bombs do not") {
  CHECK(lua::pattern_cost(7, "^(%d+)%-(%d+)$", false) < lua::pattern_step_limit);
  CHECK(lua::pattern_cost(40, "^%s*(.-)%s*$", false) < lua::pattern_step_limit);
  CHECK(lua::pattern_cost(2000, "%s+", false) < lua::pattern_step_limit);
  CHECK(lua::pattern_cost(100000, "needle", true) < lua::pattern_step_limit);
  CHECK(lua::pattern_cost(5000, ".-.-.-.-b", false) > lua::pattern_step_limit);
  CHECK(lua::pattern_cost(1000000, std::string(100000, 'a'), true) > lua::pattern_step_limit);
  CHECK(lua::pattern_cost(20000, "(a*)*b", false) > lua::pattern_step_limit);
  // Anchoring removes the factor of start positions.
  CHECK(lua::pattern_cost(1000, "^a*b", false) * 500 < lua::pattern_cost(1000, "a*b", false));
}

TEST_CASE("a script sees the day it judges as of and the school's planned deadlines, read-only, until set again") {
  const auto e = telford_primary();
  lua::ThresholdSandbox sandbox(rag());
  sandbox.add({"t", "scripts/t.lua", R"(
return function(school)
  local seen = {}
  for rule, day in pairs(school.due) do seen[#seen + 1] = rule .. "=" .. day end
  local late = school.on ~= nil and school.due["returns.spring"] ~= nil and school.on > school.due["returns.spring"]
  return late and "amber" or "green", { tostring(school.on), table.concat(seen, ";") }
end)"});
  SECTION("none set: no day, no deadlines") {
    const auto out = sandbox.run("t", e, {});
    REQUIRE(out.status.ok);
    CHECK(out.reasons == std::vector<std::string>{"nil", ""});
  }
  SECTION("after the deadline, then on it, then cleared") {
    sandbox.set_day("2020-01-25", {{"returns.spring", "2020-01-24"}, {"visit.spring", "2020-02-03"}});
    auto out = sandbox.run("t", e, {});
    REQUIRE(out.status.ok);
    CHECK(out.level == "amber");
    CHECK(out.reasons == std::vector<std::string>{"2020-01-25", "returns.spring=2020-01-24;visit.spring=2020-02-03"});
    sandbox.set_day("2020-01-24", {{"returns.spring", "2020-01-24"}});
    out = sandbox.run("t", e, {});
    CHECK(out.level == "green");
    CHECK(out.reasons == std::vector<std::string>{"2020-01-24", "returns.spring=2020-01-24"});
    sandbox.set_day("", {});
    out = sandbox.run("t", e, {});
    CHECK(out.reasons == std::vector<std::string>{"nil", ""});
  }
  SECTION("a script cannot write to them") {
    sandbox.set_day("2020-01-25", {{"returns.spring", "2020-01-24"}});
    sandbox.add({"w", "scripts/w.lua", "return function(school) school.due.x = '2020-01-01' return 'green', {} end"});
    const auto out = sandbox.run("w", e, {});
    CHECK_FALSE(out.status.ok);
  }
}

namespace {

/// Counts the benchmark figures a script makes the kernel look up, by scope.
class CountingEvidence final : public sdk::EvidenceView {
 public:
  explicit CountingEvidence(const FixedEvidence& e) : e_(e) {}
  const sdk::SchoolInfo& school() const override { return e_.school(); }
  std::string period() const override { return e_.period(); }
  std::optional<sdk::Observation> latest(std::string_view id) const override { return e_.latest(id); }
  std::vector<sdk::Observation> all() const override { return e_.all(); }
  std::optional<double> benchmark(std::string_view id, sdk::BenchmarkScope scope) const override {
    ++(scope == sdk::BenchmarkScope::la ? la : national);
    return e_.benchmark(id, scope);
  }
  std::optional<std::string> previous_level() const override { return e_.previous_level(); }
  std::optional<std::string> rating(std::string_view s, std::string_view t) const override { return e_.rating(s, t); }
  const sdk::CalendarView& calendar() const override { return e_.calendar(); }
  mutable int national = 0, la = 0;

 private:
  const FixedEvidence& e_;
};

}  // namespace

// An LA figure is a pass over every item held (issue 18): looked up only when a script reads it.
TEST_CASE("a benchmark is looked up only in the scope a script reads, and pairs lists both") {
  const auto fixed = telford_primary();
  lua::ThresholdSandbox sandbox(rag());
  sandbox.add({"t", "scripts/t.lua", R"(
return function(school, params)
  local b = school.benchmarks.persistent_absence_pct
  local r = { string.format("national %.1f", b.national) }
  if school.urn == 0 then r[#r + 1] = tostring(b.la) end
  return "green", r
end)"});
  CountingEvidence e(fixed);
  auto out = sandbox.run("t", e, {});
  REQUIRE(out.status.ok);
  CHECK(out.reasons == std::vector<std::string>{"national 10.9"});
  CHECK(e.national == 1);
  CHECK(e.la == 0);

  sandbox.add({"p", "scripts/p.lua", R"(
return function(school, params)
  local seen = {}
  for k, v in pairs(school.benchmarks.persistent_absence_pct) do seen[#seen + 1] = k .. "=" .. v end
  local ok = pcall(function() school.benchmarks.persistent_absence_pct.la = 1 end)
  seen[#seen + 1] = "written " .. tostring(ok)
  seen[#seen + 1] = "none " .. tostring(next(school.benchmarks.made_up) == nil and school.benchmarks.made_up.la == nil)
  return "green", seen
end)"});
  out = sandbox.run("p", e, {});
  INFO(out.status.message);
  REQUIRE(out.status.ok);
  CHECK(out.reasons == std::vector<std::string>{"la=12.5", "national=10.9", "written false", "none true"});
}

TEST_CASE("string.format's own errors name the script's line and the function as the script called it") {
  const auto out = run_one(R"(local fmt = string.format
return function(school, params)
  return "green", { fmt("%d points", "many") }
end)",
                           telford_primary());
  REQUIRE_FALSE(out.status.ok);
  INFO(out.status.message);
  CHECK(out.status.message.rfind("scripts/t.lua:3: bad argument #2 to 'fmt' (number expected, got string)", 0) == 0);
  const auto shown = run_one(R"(return function(school, params)
  return "green", { string.format("%s and %5.1f", {}, 2.25), ("%s"):format(school.indicators) }
end)",
                             telford_primary());
  REQUIRE(shown.status.ok);
  CHECK(shown.reasons == std::vector<std::string>{"table and   2.2", "table"});
}

TEST_CASE("each run shows its own school's fields and items, never those of the school before") {
  auto a_info = testing::school_info(100001, "Hadley Primary");
  a_info.la_code = 894;
  a_info.la_name = "Telford and Wrekin";
  a_info.type = "Community school";
  a_info.phase = "primary";
  a_info.status = "open";
  a_info.pupils = 210;
  FixedEvidence a(a_info, "2018-19");
  sdk::Observation graded = value("ofsted_grade", 2, "ofsted.csv", 3);
  graded.text = "Good";
  a.add(graded);
  a.add(missing("ks2_rwm_expected_pct", "suppressed"));
  a.set_previous_level("amber");
  FixedEvidence b(testing::school_info(100002, "Lone School"), "2019-20");
  b.add(value("ofsted_grade", 3, "ofsted.csv", 4));
  b.add(value("ks2_rwm_expected_pct", 50, "ks2.csv", 5));
  FixedEvidence c(testing::school_info(100003, "Failing Reader"), "2018-19");

  lua::ThresholdSandbox sandbox(rag());
  sandbox.add({"t", "scripts/t.lua", R"(return function(school)
  if school.urn == 100003 then error("no figures") end
  local out = {}
  for _, k in ipairs({"urn", "name", "la_code", "la_name", "type", "phase", "status", "pupils", "period", "previous_level"}) do
    out[#out + 1] = k .. "=" .. tostring(school[k])
  end
  for _, id in ipairs({"ofsted_grade", "ks2_rwm_expected_pct"}) do
    local r = school.indicators[id]
    out[#out + 1] = id .. "=" .. tostring(r.value) .. "/" .. tostring(r.text) .. "/" .. tostring(r.missing) .. "/" .. r.source
  end
  return "green", { table.concat(out, " ") }
end)"});
  const std::string shown_a =
      "urn=100001 name=Hadley Primary la_code=894 la_name=Telford and Wrekin type=Community school phase=primary "
      "status=open pupils=210 period=2018-19 previous_level=amber ofsted_grade=2.0/Good/nil/ofsted.csv line 3 "
      "ks2_rwm_expected_pct=nil/nil/suppressed/ks2.csv";
  const std::string shown_b =
      "urn=100002 name=Lone School la_code=nil la_name=nil type=nil phase=nil status=nil pupils=nil period=2019-20 "
      "previous_level=nil ofsted_grade=3.0/nil/nil/ofsted.csv line 4 ks2_rwm_expected_pct=50.0/nil/nil/ks2.csv line 5";
  auto reason = [&](const FixedEvidence& e) {
    const auto out = sandbox.run("t", e, {});
    INFO(out.status.message);
    REQUIRE(out.status.ok);
    REQUIRE(out.reasons.size() == 1);
    return out.reasons[0];
  };
  CHECK(reason(a) == shown_a);
  CHECK(reason(b) == shown_b);
  CHECK(reason(a) == shown_a);
  CHECK(reason(a) == shown_a);
  CHECK_FALSE(sandbox.run("t", c, {}).status.ok);
  CHECK(reason(b) == shown_b);
  CHECK(reason(a) == shown_a);
}
