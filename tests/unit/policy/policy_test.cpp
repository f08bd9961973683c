// Loading policies: the header, the document as a PolicyView, locations,
// the hash and the review warning.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "test_regime.hpp"
#include "trellis/error.hpp"
#include "trellis/policy.hpp"
#include "trellis/policy/fixed_evidence.hpp"

using namespace trellis;
namespace fs = std::filesystem;

namespace {

const fs::path dir = fs::path(TRELLIS_SOURCE_DIR) / "tests" / "data" / "policies";

// A scratch copy of good.toml and its script, to edit.
struct Scratch {
  fs::path root = fs::temp_directory_path() / ("trellis-policy-" + std::to_string(::getpid()));
  Scratch() {
    fs::create_directories(root / "scripts");
    fs::copy_file(dir / "good.toml", root / "good.toml", fs::copy_options::overwrite_existing);
    fs::copy_file(dir / "scripts" / "classify.lua", root / "scripts" / "classify.lua",
                  fs::copy_options::overwrite_existing);
  }
  ~Scratch() { fs::remove_all(root); }
  void append(const fs::path& file, const std::string& text) { std::ofstream(root / file, std::ios::app) << text; }
};

}  // namespace

TEST_CASE("a policy's header and scripts") {
  const Policy p = Policy::load(dir / "good.toml");
  CHECK(p.regime() == "test-regime");
  CHECK(p.body() == "Test Trust");
  CHECK(p.version() == "2024-25.1");
  CHECK(p.approved() == "2024-09-01");
  CHECK(p.review() == "2025-09-01");
  CHECK(p.path() == dir / "good.toml");
  CHECK(p.script_names() == std::vector<std::string>{"classify"});
  CHECK(p.script_path("classify") == dir / "scripts" / "classify.lua");
  REQUIRE(p.script_text("classify"));
  CHECK(p.script_text("classify")->find("return function(school, params)") != std::string::npos);
  CHECK_FALSE(p.script_text("rank"));
  CHECK_THROWS_AS(p.script_path("rank"), UsageError);
}

TEST_CASE("script paths are relative to the policy and tidied") {
  const Policy p = Policy::load(fs::path(TRELLIS_SOURCE_DIR) / "tests" / "data" / ".." / "data" / "policies" / "good.toml");
  CHECK(p.script_path("classify") == (dir / "scripts" / "classify.lua").lexically_normal());
}

TEST_CASE("the policy as a PolicyView") {
  const Policy p = Policy::load(dir / "good.toml");
  const sdk::PolicyView& v = p.view();
  CHECK(v.has("visits.green.per_year"));
  CHECK_FALSE(v.has("visits.red"));
  CHECK(v.number("visits.green.per_year") == 2.0);
  CHECK(v.number("thresholds.params.pa_max") == 18.0);
  CHECK_FALSE(v.number("report.title"));
  CHECK(v.text("report.title") == "Board report");
  CHECK(v.text("report.board_date") == "2025-03-12");  // a TOML date reads as text
  CHECK(v.text("policy.approved") == "2024-09-01");
  CHECK(v.flag("report.draft") == false);
  CHECK(v.texts("classification.maintained_types") == std::vector<std::string>{"Community school", "Foundation school"});
  CHECK(v.texts("report.title").empty());
  // File order, not toml++'s alphabetical order.
  CHECK(v.keys("thresholds.params") == std::vector<std::string>{"pa_max", "pa_serious", "attendance_min", "note"});
  CHECK(v.keys("") == std::vector<std::string>{"policy", "thresholds", "calendar", "classification", "visits", "report",
                                               "bands"});
  CHECK(v.count("bands") == 2);
  CHECK(v.text("bands.1.name") == "second");
  CHECK(v.texts("calendar.2024-25.autumn-1") == std::vector<std::string>{"2024-09-04", "2024-10-25"});
  CHECK(v.count("visits") == 0);
}

TEST_CASE("a PolicyView path reads segment by segment, as where() splits it") {
  const Policy p = Policy::load(dir / "good.toml");
  const sdk::PolicyView& v = p.view();
  CHECK(v.has(""));                                 // the whole document
  CHECK(v.has("visits.green.per_year."));           // a trailing dot adds no segment
  CHECK_FALSE(v.has("visits..green"));              // an empty segment is a key no table has
  CHECK_FALSE(v.has(".visits"));
  CHECK_FALSE(v.has("report.title.x"));             // a string has no children
  CHECK(v.text("bands.0.name") == "first");
  CHECK_FALSE(v.has("bands.2"));                    // past the array's end
  CHECK_FALSE(v.has("bands.-1"));
  CHECK_FALSE(v.has("bands.1x"));
  CHECK_FALSE(v.has("bands.name"));
  CHECK(v.number("visits.green.per_year") == 2.0);  // the same key read again
}

TEST_CASE("where() gives the line and column of any key") {
  const Policy p = Policy::load(dir / "good.toml");
  const std::string file = (dir / "good.toml").string();
  CHECK(p.where("policy.review").to_string() == file + ":7:1");
  CHECK(p.where_value("policy.review").to_string() == file + ":7:12");
  CHECK(p.where("visits.amber.per_term").to_string() == file + ":28:1");
  CHECK(p.where("thresholds.params.attendance_min").line == 15);
  CHECK(p.where("bands.1").line == 37);  // an array element: its [[bands]] header
  // A key that is not there: its nearest enclosing table.
  CHECK(p.where("visits.amber.interim").line == p.where("visits.amber.per_term").line - 1);
  CHECK(p.where("nowhere.at.all").to_string() == file + ":1:1");
}

TEST_CASE("a TOML syntax error is an InputError at its line and column") {
  try {
    (void)Policy::load(dir / "syntax_error.toml");
    FAIL("loaded");
  } catch (const InputError& e) {
    INFO(e.what());
    CHECK(e.where().file == (dir / "syntax_error.toml").string());
    CHECK(e.where().line == 3);
    CHECK(e.where().column > 0);
    CHECK_THAT(e.what(), Catch::Contains("invalid TOML"));
  }
  CHECK_THROWS_WITH(Policy::load(dir / "no-such.toml"), Catch::Contains("cannot read the policy"));
}

TEST_CASE("header problems: load throws the first, read collects them all") {
  const std::string file = (dir / "bad_header.toml").string();
  CHECK_THROWS_AS(Policy::load(file), InputError);
  std::vector<PolicyProblem> problems;
  const Policy p = Policy::read(file, problems);
  std::vector<std::string> got;
  for (const auto& pr : problems) got.push_back(pr.to_string());
  CHECK(got == std::vector<std::string>{
                   file + ":1:1: expected policy.body: the body's name, e.g. body = \"Example Borough Council\", found none",
                   file + ":3:12: expected policy.version to be the policy's version, e.g. version = \"2024-25.1\", found 3",
                   file + ":4:12: expected policy.approved to be a date such as approved = 2025-09-01, found 2024-09-01T09:00:00",
                   file + ":5:12: expected policy.review to be a date such as review = 2025-09-01, found \"2025-09-01\" (a "
                          "string: write dates without quotes)",
               });
  CHECK(p.regime() == "test-regime");
}

TEST_CASE("the hash covers the policy and every script") {
  Scratch s;
  const std::string before = Policy::load(s.root / "good.toml").hash();
  CHECK(before.size() == 64);
  CHECK(Policy::load(s.root / "good.toml").hash() == before);
  CHECK(Policy::load(dir / "good.toml").hash() == before);  // content, not place
  s.append("scripts/classify.lua", "-- a comment changes the script\n");
  const std::string script_changed = Policy::load(s.root / "good.toml").hash();
  CHECK(script_changed != before);
  s.append("good.toml", "# and the policy\n");
  CHECK(Policy::load(s.root / "good.toml").hash() != script_changed);
  fs::remove(s.root / "scripts" / "classify.lua");
  const Policy missing = Policy::load(s.root / "good.toml");  // not thrown by load
  CHECK_FALSE(missing.script_text("classify"));
  CHECK(missing.hash().size() == 64);
}

TEST_CASE("a policy past its review date warns") {
  const Policy old = Policy::load(dir / "past_review.toml");
  CHECK(old.review_warning("2024-10-01") ==
        "policy past_review.toml (Test Trust 2024-25.1) was due for review on 2020-09-01");
  CHECK_FALSE(old.review_warning("2020-09-01"));
  CHECK_FALSE(Policy::load(dir / "good.toml").review_warning("2025-01-01"));
}

TEST_CASE("the threshold runner runs the policy's scripts with its params") {
  const Policy p = Policy::load(dir / "good.toml");
  auto runner = make_threshold_runner(p, testing::test_regime());
  sdk::SchoolInfo info;
  info.urn = 1;
  info.name = "A";
  FixedEvidence e(info, "2024-25");
  sdk::Observation pa;
  pa.indicator = "persistent_absence_pct";
  pa.value = 21.3;
  pa.source = "abs.csv";
  pa.line = 9;
  e.add(pa);
  const auto out = runner->run("classify", e, {});
  INFO(out.status.message);
  REQUIRE(out.status.ok);
  CHECK(out.level == "amber");
  CHECK(out.reasons.front() == "Persistent absence 21.3% is above the 18.0% threshold (evidence: abs.csv line 9)");
}

TEST_CASE("the threshold runner refuses a policy whose scripts are missing or broken") {
  Scratch s;
  fs::remove(s.root / "scripts" / "classify.lua");
  const Policy missing = Policy::load(s.root / "good.toml");
  try {
    (void)make_threshold_runner(missing, testing::test_regime());
    FAIL("made a runner");
  } catch (const InputError& e) {
    CHECK(e.where().line == 10);
    CHECK_THAT(e.what(), Catch::Contains("expected a readable script file at"));
  }
  std::ofstream(s.root / "scripts" / "classify.lua") << "return function(\n";
  const Policy broken = Policy::load(s.root / "good.toml");
  try {
    (void)make_threshold_runner(broken, testing::test_regime());
    FAIL("made a runner");
  } catch (const InputError& e) {
    CHECK(e.where().file == (s.root / "scripts" / "classify.lua").string());
    CHECK(e.where().line == 2);
  }
  auto regime = testing::test_regime();
  regime.threshold_scripts.push_back("rank");
  CHECK_THROWS_WITH(make_threshold_runner(Policy::load(dir / "good.toml"), regime), Catch::Contains("thresholds.rank"));
}
