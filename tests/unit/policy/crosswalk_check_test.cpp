// check_crosswalks: a [crosswalk.OTHER] table's keys are checked against the other regime's scale.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "test_regime.hpp"
#include "trellis/policy/crosswalk_check.hpp"

using namespace trellis;
namespace fs = std::filesystem;

namespace {

/// good.toml with `extra` appended, written beside it so that its scripts resolve.
fs::path with(const std::string& name, const std::string& extra) {
  const fs::path dir = fs::path(TRELLIS_SOURCE_DIR) / "tests" / "data" / "policies";
  const fs::path out = fs::temp_directory_path() / ("trellis-crosswalk-" + name + ".toml");
  std::ifstream in(dir / "good.toml");
  std::ofstream o(out);
  o << std::string(std::istreambuf_iterator<char>(in), {}) << extra;
  return out;
}

std::vector<std::string> check(const fs::path& file) {
  sdk::RegimeDescription tiers;
  tiers.id = "tiers";
  tiers.overall_scale = "tier";
  tiers.scales.push_back({"tier", "Tier", {{"one", "One", ""}, {"two", "Two", ""}, {"three", "Three", ""}}});
  // Its areas: "teaching" on a scale of its own, "leadership" on the overall one.
  tiers.scales.push_back({"quality", "Quality", {{"strong", "Strong", ""}, {"weak", "Weak", ""}}});
  tiers.areas = {{"teaching", "Teaching"}, {"leadership", "Leadership"}};
  tiers.subject_scales = {{"teaching", "quality"}};
  std::vector<PolicyProblem> ignored;
  const Policy p = Policy::read(file, ignored);
  std::vector<std::string> out;
  for (const auto& problem : check_crosswalks(p, [&](const std::string& id) { return id == "tiers" ? &tiers : nullptr; }))
    out.push_back(problem.to_string());
  fs::remove(file);
  return out;
}

}  // namespace

TEST_CASE("a crosswalk whose keys are the other regime's levels has no problems") {
  CHECK(check(with("good", "\n[crosswalk.tiers]\none = \"green\"\ntwo = \"amber\"\nthree = \"red\"\n")).empty());
}

TEST_CASE("an unknown level of the other regime is named at its key, with the levels it may be") {
  const auto file = with("level", "\n[crosswalk.tiers]\none = \"green\"\ntwoo = \"amber\"\n");
  const auto problems = check(file);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].find(":42:1: expected a level of tiers's tier scale (one, two, three), found \"twoo\"; did you "
                         "mean 'two'?") != std::string::npos);
}

TEST_CASE("a crosswalk from a regime that is not installed is named at its table") {
  const auto problems = check(with("regime", "\n[crosswalk.nonesuch]\na = \"green\"\n"));
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].find("expected the id of an installed regime plugin after [crosswalk.], found \"nonesuch\"") !=
        std::string::npos);
}

TEST_CASE("a crosswalk per area: `from` is one of the other regime's areas, its levels on that area's scale") {
  SECTION("good: each area's own scale, or the overall one") {
    CHECK(check(with("area-good", "\n[crosswalk.tiers]\none = \"green\"\n"
                                  "[crosswalk.tiers.areas.a]\nfrom = \"teaching\"\nlevels = { strong = \"green\", weak = \"red\" }\n"
                                  "[crosswalk.tiers.areas.b]\nfrom = \"leadership\"\nlevels = { one = \"green\" }\n"))
              .empty());
  }
  SECTION("an area the other regime does not have") {
    const auto problems = check(with("area-from", "\n[crosswalk.tiers.areas.a]\nfrom = \"teachng\"\nlevels = { strong = \"green\" }\n"));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].find(":41:8: expected an area of tiers (teaching, leadership), found \"teachng\"; did you mean "
                           "'teaching'?") != std::string::npos);
  }
  SECTION("a level off the other area's scale: the overall scale's level is not the area's") {
    const auto problems = check(with("area-level", "\n[crosswalk.tiers.areas.a]\nfrom = \"teaching\"\nlevels = { one = \"green\" }\n"));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].find(":42:") != std::string::npos);
    CHECK(problems[0].find("expected a level of tiers's quality scale (strong, weak), the scale its area teaching is "
                           "rated on, found \"one\"") != std::string::npos);
  }
}
