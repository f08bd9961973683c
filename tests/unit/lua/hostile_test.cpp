// The hostile corpus (tests/lua-hostile/*.lua). Each script says what it
// expects on its second line:
//   -- expect: compile <text>   add() refuses it with an InputError holding <text>
//   -- expect: error <text>     run() fails with a status holding <text>
//   -- expect: ok <level>       run() succeeds with <level>
// <text> may list alternatives separated by "|". Every script runs for two
// different schools, which must get the same outcome (nothing carries over),
// and after each script a probe checks that globals, libraries, the string
// metatable, school and params are intact. All scripts share one sandbox, so
// the host must stay usable from the first to the last.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <fstream>
#include <sstream>

#include "trellis/error.hpp"
#include "trellis/lua_sandbox.hpp"
#include "fixtures.hpp"
#include "trellis/policy/fixed_evidence.hpp"

using namespace trellis;
namespace fs = std::filesystem;

namespace {

const char* probe = R"(
return function(school, params)
  local broken = {}
  local function expect(ok, what) if not ok then broken[#broken + 1] = what end end
  expect(type(tostring) == "function" and tostring(1) == "1", "tostring")
  expect(type(type) == "function" and type(pairs) == "function", "type/pairs")
  expect(evil == nil and calls == nil and stash == nil, "a global leaked from another script")
  expect(getmetatable("") == "locked", "string metatable")
  expect(("abc"):upper() == "ABC" and string.len("abc") == 3, "string library")
  expect(string.upper ~= string.lower, "string.upper")
  expect(math.floor(2.5) == 2, "math.floor")
  expect(params.limit == 10 and params.list[2] == "b" and #params.list == 2, "params")
  expect(school.name == "School " .. school.urn, "school.name")
  expect(school.indicators.attendance_pct.value == 95.5, "indicator value")
  return #broken == 0 and "green" or "red", broken
end
)";

lua::ThresholdSetup setup() {
  lua::ThresholdSetup s;
  s.scale = "rag";
  s.levels = {"green", "amber", "red"};
  s.params = lua::Value::table({{"limit", lua::Value::whole(10)},
                                {"list", lua::Value::array({lua::Value::string("a"), lua::Value::string("b")})}});
  // Small limits keep the corpus fast; the defaults are tested in sandbox_test.
  s.limits.memory_bytes = std::size_t{24} << 20;
  s.limits.instructions = 2'000'000;
  return s;
}

FixedEvidence school(std::int64_t urn) {
  FixedEvidence e(testing::school_info(urn, "School " + std::to_string(urn)), "2018-19");
  e.add(testing::value("attendance_pct", 95.5));
  return e;
}

struct Expectation {
  std::string stage;  // compile, error or ok
  std::vector<std::string> texts;
};

Expectation expectation_of(const std::string& text, const fs::path& file) {
  if (text.starts_with("\x1bLua")) return {"compile", {"binary chunk"}};
  const auto at = text.find("-- expect: ");
  REQUIRE_FALSE(at == std::string::npos);
  std::istringstream line(text.substr(at + 11, text.find('\n', at) - at - 11));
  Expectation e;
  line >> e.stage;
  std::string rest;
  std::getline(line, rest);
  rest.erase(0, rest.find_first_not_of(' '));
  for (std::size_t from = 0;;) {
    const auto bar = rest.find('|', from);
    e.texts.push_back(rest.substr(from, bar - from));
    if (bar == std::string::npos) break;
    from = bar + 1;
  }
  INFO(file);
  REQUIRE((e.stage == "compile" || e.stage == "error" || e.stage == "ok"));
  return e;
}

bool holds_any(const std::string& message, const std::vector<std::string>& texts) {
  for (const auto& t : texts)
    if (message.find(t) != std::string::npos) return true;
  return false;
}

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace

TEST_CASE("every hostile script is contained and the host stays usable") {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(fs::path(TRELLIS_SOURCE_DIR) / "tests" / "lua-hostile"))
    if (entry.path().extension() == ".lua") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() >= 25);

  lua::ThresholdSandbox sandbox(setup());
  FixedEvidence first = school(100001), second = school(100002);
  int probes = 0;
  for (const auto& file : files) {
    const std::string name = file.stem().string(), text = read(file);
    const Expectation want = expectation_of(text, file);
    INFO(file.filename().string());

    if (want.stage == "compile") {
      try {
        sandbox.add({name, file.string(), text});
        FAIL("add() accepted it");
      } catch (const InputError& e) {
        INFO(e.what());
        if (std::getenv("TRELLIS_TRACE")) std::cerr << "== " << name << "\n" << e.what() << "\n";
        CHECK(holds_any(e.what(), want.texts));
        CHECK(e.where().file == file.string());
        CHECK(e.where().line >= 1);
      }
    } else {
      sandbox.add({name, file.string(), text});
      const auto a = sandbox.run(name, first, {});
      const auto b = sandbox.run(name, second, {});
      if (std::getenv("TRELLIS_TRACE")) std::cerr << "== " << name << "\n" << a.status.message << "\n";
      INFO(a.status.message);
      if (want.stage == "error") {
        CHECK_FALSE(a.status.ok);
        CHECK(holds_any(a.status.message, want.texts));
        CHECK(a.status.message.rfind(file.string() + ":", 0) == 0);  // names the script first
      } else {
        CHECK(a.status.ok);
        CHECK(a.level == want.texts.front());
      }
      CHECK(a.status.message == b.status.message);  // nothing carried over between schools
      CHECK(a.level == b.level);
      CHECK(a.reasons == b.reasons);
    }

    const std::string probe_name = "probe" + std::to_string(++probes);
    sandbox.add({probe_name, "probe.lua", probe});
    const auto p = sandbox.run(probe_name, first, {});
    INFO(p.status.message);
    for (const auto& r : p.reasons) INFO(r);
    CHECK(p.status.ok);
    CHECK(p.level == "green");
    CHECK(p.reasons.empty());
  }
  // The bombs' memory was given back.
  CHECK(sandbox.memory_in_use() < (std::size_t{4} << 20));
}

TEST_CASE("tampering scripts only ever saw their own run") {
  lua::ThresholdSandbox sandbox(setup());
  const fs::path dir = fs::path(TRELLIS_SOURCE_DIR) / "tests" / "lua-hostile";
  for (const char* name : {"upvalue_counter", "global_counter", "globals_tampered", "string_metatable_peek"})
    sandbox.add({name, (dir / (std::string(name) + ".lua")).string(), read(dir / (std::string(name) + ".lua"))});
  FixedEvidence s = school(100003);
  for (int i = 0; i < 3; ++i) {
    CHECK(sandbox.run("upvalue_counter", s, {}).reasons == std::vector<std::string>{"run 1"});
    CHECK(sandbox.run("global_counter", s, {}).reasons == std::vector<std::string>{"call 1"});
  }
  CHECK(sandbox.run("globals_tampered", s, {}).reasons == std::vector<std::string>{"tampered my own run only"});
  CHECK(sandbox.run("string_metatable_peek", s, {}).reasons ==
        std::vector<std::string>{"the string metatable reads as locked"});
}
