// bench_lua: one realistic threshold script evaluated for 24,000 schools,
//   1. through the real runner (sandbox, fresh _ENV, read-only school built
//      from an EvidenceView, budget, outcome checks),
//   2. through the raw Lua C API: the same function, a prebuilt plain school
//      table pushed and lua_pcall'd (the ceiling for any Lua runner),
//   3. as the same rule written in C++ over the same EvidenceView.
// All three must agree on every school's level and reasons. Prints the rates
// and the ratios (target: the runner at 50% or more of the raw rate).
#include <lua.hpp>

#include <algorithm>
#include <ctime>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "trellis/lua_sandbox.hpp"
#include "trellis/policy/fixed_evidence.hpp"

using namespace trellis;

namespace {

constexpr int schools = 24000;
constexpr int rounds = 9;  // best of, interleaved, on a shared machine (5 were too few for a steady ratio)

const char* script = R"lua(
-- Absence, attainment and progress against params and England's figures, an
-- inspection grade, and the previous band.
local fmt = string.format
local rank = { green = 1, yellow = 2, amber = 3, red = 4 }

local function cite(item)
  if item.source then return " (evidence: " .. item.source .. ")" end
  return ""
end

return function(school, params)
  local level, reasons = "green", {}
  local function note(to, text)
    if rank[to] > rank[level] then level = to end
    reasons[#reasons + 1] = text
  end
  local ind, bench = school.indicators, school.benchmarks

  local pa = ind.persistent_absence_pct
  if pa == nil or pa.value == nil then
    reasons[#reasons + 1] = "Persistent absence: " .. (pa and pa.missing or "no figure is held")
  elseif pa.value >= params.pa_serious then
    note("red", fmt("Persistent absence %.1f%% is at or above the %.1f%% serious threshold%s",
                    pa.value, params.pa_serious, cite(pa)))
  elseif pa.value >= params.pa_concern then
    note("amber", fmt("Persistent absence %.1f%% is at or above the %.1f%% threshold%s",
                      pa.value, params.pa_concern, cite(pa)))
  end

  local abs, abs_national = ind.overall_absence_pct, bench.overall_absence_pct.national
  if abs and abs.value and abs_national and abs.value - abs_national >= params.absence_gap then
    note("yellow", fmt("Overall absence %.1f%% is %.1f points above England's %.1f%%%s",
                       abs.value, abs.value - abs_national, abs_national, cite(abs)))
  end

  local ks2, ks2_national = ind.ks2_rwm_expected_pct, bench.ks2_rwm_expected_pct.national
  if ks2 and ks2.value and ks2_national then
    local gap = ks2_national - ks2.value
    if gap >= params.ks2_gap_serious then
      note("red", fmt("KS2 reading, writing and maths %.0f%% is %.0f points below England's %.0f%%%s",
                      ks2.value, gap, ks2_national, cite(ks2)))
    elseif gap >= params.ks2_gap_concern then
      note("amber", fmt("KS2 reading, writing and maths %.0f%% is %.0f points below England's %.0f%%%s",
                        ks2.value, gap, ks2_national, cite(ks2)))
    end
  elseif ks2 and ks2.missing then
    reasons[#reasons + 1] = "KS2 results: " .. ks2.missing .. cite(ks2)
  end

  local p8 = ind.progress8
  if p8 and p8.value and p8.value <= params.p8_concern then
    note("amber", fmt("Progress 8 score %.2f is at or below %.2f%s", p8.value, params.p8_concern, cite(p8)))
  end

  local grade = ind.ofsted_grade
  if grade and grade.text == "Inadequate" then
    note("red", "Ofsted judged the school Inadequate" .. cite(grade))
  elseif grade and grade.text == "Requires improvement" then
    note("yellow", "Ofsted judged the school Requires improvement" .. cite(grade))
  end

  if school.previous_level == "red" and rank[level] < rank.amber then
    level = "amber"
    reasons[#reasons + 1] = "Leaving red one band at a time"
  end
  if #reasons == 0 then reasons[1] = fmt("No concerns for %s", school.period) end
  return level, reasons
end
)lua";

struct Params {
  double pa_concern = 15, pa_serious = 25, absence_gap = 1.5, ks2_gap_concern = 10, ks2_gap_serious = 20,
         p8_concern = -0.5;
} params;
constexpr double abs_national = 4.7, ks2_national = 65;

// A deterministic spread of schools: primaries with KS2, secondaries with
// Progress 8, some suppressed figures, every inspection grade.
std::vector<FixedEvidence> make_schools() {
  std::uint64_t seed = 20240901;
  auto next = [&](double lo, double hi) {
    seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
    return lo + (hi - lo) * static_cast<double>(seed >> 11) / 9007199254740992.0;
  };
  const char* grades[] = {"Outstanding", "Good", "Good", "Requires improvement", "Inadequate"};
  const char* previous[] = {"green", "yellow", "amber", "red"};
  std::vector<FixedEvidence> out;
  out.reserve(schools);
  for (int i = 0; i < schools; ++i) {
    sdk::SchoolInfo info;
    info.urn = 100000 + i;
    info.name = "School " + std::to_string(i);
    info.type_group = "maintained";
    const bool primary = i % 5 != 0;
    info.phase = primary ? "primary" : "secondary";
    FixedEvidence e(info, "2018-19");
    auto add = [&](const char* id, double v, const char* source) {
      sdk::Observation o;
      o.indicator = id;
      o.value = v;
      o.source = source;
      o.line = 2 + i;
      e.add(o);
    };
    if (i % 20 == 7) {
      sdk::Observation o;
      o.indicator = "persistent_absence_pct";
      o.missing = "suppressed";
      o.source = "england_abs.csv";
      o.line = 2 + i;
      e.add(o);
    } else {
      add("persistent_absence_pct", std::round(next(5, 30) * 10) / 10, "england_abs.csv");
    }
    add("overall_absence_pct", std::round(next(3, 8) * 10) / 10, "england_abs.csv");
    add("pupils_on_roll", std::round(next(80, 1500)), "england_census.csv");
    add("fsm_pct", std::round(next(2, 60) * 10) / 10, "england_census.csv");
    if (primary)
      add("ks2_rwm_expected_pct", std::round(next(35, 95)), "england_ks2final.csv");
    else
      add("progress8", std::round(next(-1.5, 1.0) * 100) / 100, "england_ks4provisional.csv");
    sdk::Observation grade;
    grade.indicator = "ofsted_grade";
    grade.text = grades[static_cast<int>(next(0, 5))];
    grade.source = "ofsted.csv";
    grade.line = 2 + i;
    e.add(grade);
    e.set_benchmark("overall_absence_pct", sdk::BenchmarkScope::national, abs_national);
    e.set_benchmark("ks2_rwm_expected_pct", sdk::BenchmarkScope::national, ks2_national);
    e.set_previous_level(std::string(previous[static_cast<int>(next(0, 4))]));
    out.push_back(std::move(e));
  }
  return out;
}

struct Outcome {
  std::string level;
  std::vector<std::string> reasons;
  bool operator==(const Outcome&) const = default;
};

// The same rule in C++.
Outcome cpp_rule(const sdk::EvidenceView& e) {
  static const std::map<std::string, int, std::less<>> rank{{"green", 1}, {"yellow", 2}, {"amber", 3}, {"red", 4}};
  Outcome o{"green", {}};
  char buf[256];
  auto note = [&](const char* to, std::string text) {
    if (rank.find(to)->second > rank.find(o.level)->second) o.level = to;
    o.reasons.push_back(std::move(text));
  };
  auto cite = [](const sdk::Observation& item) { return " (evidence: " + item.citation() + ")"; };
  if (auto pa = e.latest("persistent_absence_pct"); !pa || !pa->value || !pa->present()) {
    o.reasons.push_back("Persistent absence: " + (pa ? pa->missing : std::string("no figure is held")));
  } else if (*pa->value >= params.pa_serious) {
    std::snprintf(buf, sizeof buf, "Persistent absence %.1f%% is at or above the %.1f%% serious threshold%s",
                  *pa->value, params.pa_serious, cite(*pa).c_str());
    note("red", buf);
  } else if (*pa->value >= params.pa_concern) {
    std::snprintf(buf, sizeof buf, "Persistent absence %.1f%% is at or above the %.1f%% threshold%s", *pa->value,
                  params.pa_concern, cite(*pa).c_str());
    note("amber", buf);
  }
  auto abs = e.latest("overall_absence_pct");
  auto national = e.benchmark("overall_absence_pct", sdk::BenchmarkScope::national);
  if (abs && abs->value && national && *abs->value - *national >= params.absence_gap) {
    std::snprintf(buf, sizeof buf, "Overall absence %.1f%% is %.1f points above England's %.1f%%%s", *abs->value,
                  *abs->value - *national, *national, cite(*abs).c_str());
    note("yellow", buf);
  }
  auto ks2 = e.latest("ks2_rwm_expected_pct");
  auto ks2_nat = e.benchmark("ks2_rwm_expected_pct", sdk::BenchmarkScope::national);
  if (ks2 && ks2->value && ks2_nat) {
    const double gap = *ks2_nat - *ks2->value;
    if (gap >= params.ks2_gap_concern) {
      std::snprintf(buf, sizeof buf, "KS2 reading, writing and maths %.0f%% is %.0f points below England's %.0f%%%s",
                    *ks2->value, gap, *ks2_nat, cite(*ks2).c_str());
      note(gap >= params.ks2_gap_serious ? "red" : "amber", buf);
    }
  } else if (ks2 && !ks2->missing.empty()) {
    o.reasons.push_back("KS2 results: " + ks2->missing + cite(*ks2));
  }
  if (auto p8 = e.latest("progress8"); p8 && p8->value && *p8->value <= params.p8_concern) {
    std::snprintf(buf, sizeof buf, "Progress 8 score %.2f is at or below %.2f%s", *p8->value, params.p8_concern,
                  cite(*p8).c_str());
    note("amber", buf);
  }
  if (auto grade = e.latest("ofsted_grade"); grade && grade->text == "Inadequate")
    note("red", "Ofsted judged the school Inadequate" + cite(*grade));
  else if (grade && grade->text == "Requires improvement")
    note("yellow", "Ofsted judged the school Requires improvement" + cite(*grade));
  if (e.previous_level() == "red" && rank.find(o.level)->second < rank.find("amber")->second) {
    o.level = "amber";
    o.reasons.push_back("Leaving red one band at a time");
  }
  if (o.reasons.empty()) o.reasons.push_back("No concerns for " + e.period());
  return o;
}

lua::Value lua_params() {
  return lua::Value::table({{"pa_concern", lua::Value::real(params.pa_concern)},
                            {"pa_serious", lua::Value::real(params.pa_serious)},
                            {"absence_gap", lua::Value::real(params.absence_gap)},
                            {"ks2_gap_concern", lua::Value::real(params.ks2_gap_concern)},
                            {"ks2_gap_serious", lua::Value::real(params.ks2_gap_serious)},
                            {"p8_concern", lua::Value::real(params.p8_concern)}});
}

// Pushes a plain table shaped like the runner's school (no proxies).
void push_plain_school(lua_State* L, const sdk::EvidenceView& e) {
  lua_createtable(L, 0, 8);
  lua_pushinteger(L, e.school().urn);
  lua_setfield(L, -2, "urn");
  lua_pushstring(L, e.school().name.c_str());
  lua_setfield(L, -2, "name");
  lua_pushstring(L, e.period().c_str());
  lua_setfield(L, -2, "period");
  if (auto p = e.previous_level()) {
    lua_pushstring(L, p->c_str());
    lua_setfield(L, -2, "previous_level");
  }
  lua_newtable(L);
  for (const auto& o : e.all()) {
    lua_createtable(L, 0, 5);
    if (o.value && o.present()) {
      lua_pushnumber(L, *o.value);
      lua_setfield(L, -2, "value");
    }
    if (!o.text.empty()) {
      lua_pushstring(L, o.text.c_str());
      lua_setfield(L, -2, "text");
    }
    if (!o.missing.empty()) {
      lua_pushstring(L, o.missing.c_str());
      lua_setfield(L, -2, "missing");
    }
    lua_pushstring(L, o.citation().c_str());
    lua_setfield(L, -2, "source");
    lua_pushstring(L, o.period.c_str());
    lua_setfield(L, -2, "period");
    lua_setfield(L, -2, o.indicator.c_str());
  }
  lua_setfield(L, -2, "indicators");
  lua_newtable(L);
  for (const char* id : {"overall_absence_pct", "ks2_rwm_expected_pct"}) {
    lua_newtable(L);
    if (auto n = e.benchmark(id, sdk::BenchmarkScope::national)) {
      lua_pushnumber(L, *n);
      lua_setfield(L, -2, "national");
    }
    lua_setfield(L, -2, id);
  }
  lua_setfield(L, -2, "benchmarks");
}

Outcome read_outcome(lua_State* L) {
  Outcome o;
  o.level = lua_tostring(L, -2);
  const auto n = static_cast<lua_Integer>(lua_rawlen(L, -1));
  for (lua_Integer i = 1; i <= n; ++i) {
    lua_rawgeti(L, -1, i);
    o.reasons.emplace_back(lua_tostring(L, -1));
    lua_pop(L, 1);
  }
  return o;
}

// Thread CPU time, so that time spent descheduled on a busy machine is not counted.
double cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

struct Pass {
  std::function<void()> body;
  double best = 0;  // evaluations per CPU second
};

// Rounds of every pass in turn, so a change in load hits them alike.
void measure(std::vector<Pass*> passes) {
  for (int r = 0; r < rounds; ++r)
    for (Pass* p : passes) {
      const double start = cpu_seconds();
      p->body();
      p->best = std::max(p->best, schools / (cpu_seconds() - start));
    }
}

}  // namespace

int main() {
  const auto views = make_schools();
  std::vector<Outcome> runner_out(schools), raw_out(schools), cpp_out(schools);

  lua::ThresholdSetup setup;
  setup.scale = "rag";
  setup.levels = {"green", "yellow", "amber", "red"};
  setup.params = lua_params();
  lua::ThresholdSandbox sandbox(setup);
  sandbox.add({"classify", "bench/classify.lua", script});
  bool failed = false;
  Pass runner{[&] {
    for (int i = 0; i < schools; ++i) {
      auto out = sandbox.run("classify", views[i], {});
      if (!out.status.ok && !failed) {
        std::fprintf(stderr, "runner failed: %s\n", out.status.message.c_str());
        failed = true;
      }
      runner_out[i] = {std::move(out.level), std::move(out.reasons)};
    }
  }};

  lua_State* L = luaL_newstate();
  luaL_openlibs(L);
  if (luaL_loadbuffer(L, script, std::strlen(script), "=classify") != LUA_OK || lua_pcall(L, 0, 1, 0) != LUA_OK) {
    std::fprintf(stderr, "raw load failed: %s\n", lua_tostring(L, -1));
    return 1;
  }
  const int fn = luaL_ref(L, LUA_REGISTRYINDEX);
  lua_createtable(L, schools, 0);
  for (int i = 0; i < schools; ++i) {
    push_plain_school(L, views[i]);
    lua_rawseti(L, -2, i + 1);
  }
  const int tables = luaL_ref(L, LUA_REGISTRYINDEX);
  lua_createtable(L, 0, 6);
  for (auto [k, v] : {std::pair{"pa_concern", params.pa_concern}, {"pa_serious", params.pa_serious},
                      {"absence_gap", params.absence_gap}, {"ks2_gap_concern", params.ks2_gap_concern},
                      {"ks2_gap_serious", params.ks2_gap_serious}, {"p8_concern", params.p8_concern}}) {
    lua_pushnumber(L, v);
    lua_setfield(L, -2, k);
  }
  const int params_ref = luaL_ref(L, LUA_REGISTRYINDEX);
  lua_rawgeti(L, LUA_REGISTRYINDEX, tables);
  Pass raw{[&] {
    for (int i = 0; i < schools; ++i) {
      lua_rawgeti(L, LUA_REGISTRYINDEX, fn);
      lua_rawgeti(L, 1, i + 1);
      lua_rawgeti(L, LUA_REGISTRYINDEX, params_ref);
      if (lua_pcall(L, 2, 2, 0) != LUA_OK) {
        std::fprintf(stderr, "raw call failed: %s\n", lua_tostring(L, -1));
        std::exit(1);
      }
      raw_out[i] = read_outcome(L);
      lua_pop(L, 2);
    }
  }};
  Pass cpp{[&] {
    for (int i = 0; i < schools; ++i) cpp_out[i] = cpp_rule(views[i]);
  }};
  measure({&runner, &raw, &cpp});
  lua_close(L);
  const double runner_rate = runner.best, raw_rate = raw.best, cpp_rate = cpp.best;

  int disagree = 0;
  for (int i = 0; i < schools; ++i)
    if (!(runner_out[i] == raw_out[i]) || !(runner_out[i] == cpp_out[i])) {
      if (disagree++ < 3) {
        std::fprintf(stderr, "school %d disagrees: runner %s (%zu reasons), raw %s, C++ %s\n", i,
                     runner_out[i].level.c_str(), runner_out[i].reasons.size(), raw_out[i].level.c_str(),
                     cpp_out[i].level.c_str());
        for (const auto& r : runner_out[i].reasons) std::fprintf(stderr, "  runner: %s\n", r.c_str());
        for (const auto& r : cpp_out[i].reasons) std::fprintf(stderr, "  C++:    %s\n", r.c_str());
      }
    }
  std::map<std::string, int> levels;
  for (const auto& o : runner_out) ++levels[o.level];

  std::printf("bench_lua: one threshold script, %d schools, best of %d interleaved rounds (thread CPU time)\n",
              schools, rounds);
  std::printf("  levels: green %d, yellow %d, amber %d, red %d; all three agree on %d of %d schools\n",
              levels["green"], levels["yellow"], levels["amber"], levels["red"], schools - disagree, schools);
  std::printf("  runner (sandbox):     %9.0f evaluations/s  (%.1f us each)\n", runner_rate, 1e6 / runner_rate);
  std::printf("  raw Lua C API call:   %9.0f evaluations/s  (%.1f us each; prebuilt plain tables)\n", raw_rate,
              1e6 / raw_rate);
  std::printf("  same rule in C++:     %9.0f evaluations/s  (%.1f us each)\n", cpp_rate, 1e6 / cpp_rate);
  std::printf("  runner / raw: %.0f%% (target >= 50%%: %s)\n", 100 * runner_rate / raw_rate,
              runner_rate >= 0.5 * raw_rate ? "met" : "NOT met");
  std::printf("  C++ / runner: %.1fx faster in C++\n", cpp_rate / runner_rate);
  std::printf("  sandbox memory after the runs: %.1f MiB\n", static_cast<double>(sandbox.memory_in_use()) / 1048576.0);
  return failed || disagree ? 1 : 0;
}
