// Kernel errors speak the domain's words for any face (issue 11): the field
// and the remedy travel as data, and no message names a flag or a command.
#include "../acting.hpp"
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "trellis/bodies.hpp"
#include "trellis/error.hpp"
#include "trellis/store/schema.hpp"
#include "../sql.hpp"

using namespace trellis;
namespace fs = std::filesystem;

namespace {

/// What a face would find CLI-only in a message: a flag, or a command to run.
bool has_cli_words(const std::string& s) {
  for (std::size_t i = s.find("--"); i != std::string::npos; i = s.find("--", i + 1))
    if (i + 2 < s.size() && s[i + 2] >= 'a' && s[i + 2] <= 'z') return true;
  return s.find("`trellis") != std::string::npos;
}

/// The error `f` throws, as E; fails the test when it throws nothing.
template <class E, class F>
E thrown(F&& f) {
  try {
    f();
  } catch (const E& e) {
    return e;
  }
  FAIL("nothing was thrown");
  throw std::logic_error("unreachable");
}

Database with_body() {
  auto db = sqlite::open_memory();
  migrate(db);
  testing::exec(db, "INSERT INTO schools(urn, name, updated_at) VALUES (1, 'A', 'x')");
  add_body(db, testing::admin(), testing::at(), {"t1", "trust", "Trust One"});
  return db;
}

/// A string literal in C++ source with its line, found by a small scanner that
/// skips comments (which may well quote a command) and character literals.
struct Literal {
  int line;
  std::string text;
};

std::vector<Literal> string_literals(const std::string& s) {
  std::vector<Literal> out;
  int line = 1;
  for (std::size_t i = 0; i < s.size();) {
    if (s.compare(i, 2, "//") == 0) {
      i = s.find('\n', i);
      if (i == std::string::npos) break;
    } else if (s.compare(i, 2, "/*") == 0) {
      const std::size_t end = s.find("*/", i + 2);
      line += static_cast<int>(std::count(s.begin() + i, s.begin() + end, '\n'));
      i = end + 2;
    } else if (s.compare(i, 2, "R\"") == 0) {  // raw string: R"delim( ... )delim"
      const std::size_t open = s.find('(', i);
      const std::string close = ")" + s.substr(i + 2, open - i - 2) + "\"";
      const std::size_t end = s.find(close, open);
      out.push_back({line, s.substr(open + 1, end - open - 1)});
      line += static_cast<int>(std::count(s.begin() + i, s.begin() + end, '\n'));
      i = end + close.size();
    } else if (s[i] == '"' || s[i] == '\'') {
      const char quote = s[i];
      std::size_t j = i + 1;
      while (j < s.size() && s[j] != quote) j += s[j] == '\\' ? 2 : 1;
      if (quote == '"') out.push_back({line, s.substr(i + 1, j - i - 1)});
      i = j + 1;
    } else {
      if (s[i] == '\n') ++line;
      ++i;
    }
  }
  return out;
}

}  // namespace

TEST_CASE("a kernel error carries the field it is about, in domain words") {
  auto db = with_body();
  const auto e = thrown<UsageError>([&] {
    join_body(db, testing::admin(), testing::at(), "t1", {1}, "2024-13-01", std::nullopt);
  });
  CHECK(e.field() == Field::from);
  CHECK(name(e.field()) == "from");
  CHECK(e.remedy().kind == Remedy::Kind::none);
  CHECK_THAT(e.what(), Catch::Contains("first day") && Catch::Contains("2024-13-01"));
  CHECK_FALSE(has_cli_words(e.what()));

  const auto before = thrown<UsageError>([&] {
    join_body(db, testing::admin(), testing::at(), "t1", {1}, "2024-02-01", std::string("2024-01-01"));
  });
  CHECK(before.field() == Field::to);
  CHECK_FALSE(has_cli_words(before.what()));
}

TEST_CASE("a kernel error carries its remedy, with what the remedy needs") {
  auto db = with_body();
  const auto unknown = thrown<UsageError>([&] {
    join_body(db, testing::admin(), testing::at(), "nowhere", {1}, "2024-01-01", std::nullopt);
  });
  CHECK(std::string(unknown.what()) == "unknown body \"nowhere\"");
  CHECK(unknown.remedy().kind == Remedy::Kind::see_bodies);
  CHECK(name(unknown.remedy().kind) == "see_bodies");

  auto empty = sqlite::open_memory();
  const auto fresh = thrown<StoreError>([&] { require_current(empty); });
  CHECK(fresh.remedy().kind == Remedy::Kind::init_database);
  CHECK_FALSE(has_cli_words(fresh.what()));

  const auto assess = Remedy::assess_first("telford", "2018-19");
  CHECK(assess.kind == Remedy::Kind::assess_first);
  CHECK(assess.body == "telford");
  CHECK(assess.period == "2018-19");
}

TEST_CASE("every error class keeps its type and location, and is caught as a kernel Error") {
  const InputError input({"a.csv", 2, 3}, "a year like 2018", "\"x\"", Remedy::give_period());
  CHECK(std::string(input.what()) == "a.csv:2:3: expected a year like 2018, found \"x\"");
  CHECK(input.where().line == 2);
  CHECK(input.remedy().kind == Remedy::Kind::give_period);
  try {
    throw NotPermitted("a viewer may not write");
  } catch (const Error& e) {
    CHECK(e.field() == Field::none);
    CHECK(e.remedy().kind == Remedy::Kind::none);
  }
}

TEST_CASE("the scanner finds literals, not comments") {
  const auto lits = string_literals("// see `trellis body list`\nauto a = \"--on\"; /* \"--x\" */ char c = '\"';\n"
                                    "auto b = R\"(x \"--y\")\";\n");
  REQUIRE(lits.size() == 2);
  CHECK(lits[0].line == 2);
  CHECK(lits[0].text == "--on");
  CHECK(lits[1].line == 3);
  CHECK(has_cli_words(lits[1].text));
  CHECK_FALSE(has_cli_words("a range 1--2, a dash -- then"));
}

TEST_CASE("no kernel source names a CLI flag or command in a string: faces add those") {
  std::vector<std::string> found;
  std::size_t files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(TRELLIS_KERNEL_DIR)) {
    const auto ext = entry.path().extension();
    if (ext != ".cpp" && ext != ".hpp") continue;
    ++files;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    for (const auto& lit : string_literals(text.str()))
      if (has_cli_words(lit.text))
        found.push_back(fs::relative(entry.path(), fs::path(TRELLIS_KERNEL_DIR).parent_path()).string() + ":" +
                        std::to_string(lit.line) + ": \"" + lit.text + "\"");
  }
  CHECK(files > 50);
  std::string list;
  for (const auto& f : found) list += "\n  " + f;
  INFO("say it in the domain's words and carry the flag as a Field, the command as a Remedy"
       " (trellis/error.hpp):" + list);
  CHECK(found.empty());
}
