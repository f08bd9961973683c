// Regimes made by plugins: they work, their failures name the plugin without
// harming the others, and they keep their library loaded while alive.
#include <dlfcn.h>

#include <catch2/catch.hpp>
#include <optional>
#include <utility>

#include "fixtures.hpp"
#include "trellis/sdk/regime_adapter.hpp"
#include "trellis/error.hpp"

using namespace plugin_test;

namespace {

/// Whether the dynamic loader still holds `file` (without loading it).
bool is_loaded(const fs::path& file) {
  void* h = ::dlopen(file.c_str(), RTLD_NOW | RTLD_NOLOAD);
  if (h) ::dlclose(h);
  return h != nullptr;
}

}  // namespace

TEST_CASE("a regime assesses through the host's views and plans") {
  ScratchDir dir;
  dir.add("good");
  PluginHost host({dir.path()}, {});
  const RegimeHandle regime = host.open("fixture-good");
  OneSchool school(12.5);
  EmptyPolicy policy;
  AbsenceThreshold thresholds;
  sdk::AssessmentOut out;
  REQUIRE(regime.assess({school, policy, thresholds}, out));
  CHECK(out.level == "red");
  CHECK(thresholds.calls == 1);
  REQUIRE(out.ratings.size() == 1);
  CHECK(out.ratings[0].evidence == std::vector<std::int64_t>{77});
  CHECK(out.reasons.at(0).find("above 10%") != std::string::npos);

  OneSchool calm(4.0);
  sdk::AssessmentOut green;
  REQUIRE(regime.assess({calm, policy, thresholds}, green));
  CHECK(green.level == "green");

  std::vector<sdk::ActivityRule> rules;
  REQUIRE(regime.plan(school, out, policy, rules));
  REQUIRE(rules.size() == 1);
  CHECK(rules[0].title == "Visit (red)");
}

TEST_CASE("asking for a regime nobody provides names what is loaded") {
  ScratchDir dir;
  dir.add("good");
  PluginHost host({dir.path()}, {});
  CHECK_THROWS_AS(host.open("telford-la"), UsageError);
  CHECK_THROWS_WITH(host.open("telford-la"),
                    Catch::Contains("no regime plugin \"telford-la\"") && Catch::Contains("fixture-good"));
  CHECK_THROWS_AS(host.description("telford-la"), UsageError);
}

TEST_CASE("a plugin whose assess throws gives a failed Status naming it; the others still work") {
  ScratchDir dir;
  dir.add("assess_throws");
  dir.add("good");
  LogLines log;
  PluginHost host({dir.path()}, log.sink());
  REQUIRE(record(host, "assess_throws.so").loaded);  // it describes itself fine
  OneSchool school(12.5);
  EmptyPolicy policy;
  AbsenceThreshold thresholds;

  RegimeHandle broken = host.open("fixture-assess-throws");
  sdk::AssessmentOut out;
  sdk::Status s = broken.assess({school, policy, thresholds}, out);
  CHECK_FALSE(s.ok);
  CHECK(s.message == "plugin fixture-assess-throws (" + (dir.path() / "assess_throws.so").string() +
                         "): assess failed: indicator absence_pct has no benchmark");
  CHECK(log.mentions("assess failed"));

  // Something that is not a std::exception is caught in the plugin as well.
  OneSchool nameless(12.5, 0);
  s = broken.assess({nameless, policy, thresholds}, out);
  CHECK_FALSE(s.ok);
  CHECK(s.message.find("fixture-assess-throws") != std::string::npos);
  CHECK(s.message.find("an exception that is not a std::exception") != std::string::npos);

  // The broken plugin harmed nothing: the same host still assesses with the good one.
  sdk::AssessmentOut good_out;
  sdk::Status good = host.open("fixture-good").assess({school, policy, thresholds}, good_out);
  CHECK(good.ok);
  CHECK(good_out.level == "red");
}

TEST_CASE("a failed threshold script comes back as the regime's failure") {
  ScratchDir dir;
  dir.add("good");
  PluginHost host({dir.path()}, {});
  struct Failing : sdk::ThresholdRunner {
    sdk::ThresholdOutcome run(std::string_view, const sdk::EvidenceView&, const sdk::Facts&) override {
      return {sdk::Status::failure("classify.lua:3: attempt to compare nil with number"), "", {}};
    }
  } failing;
  OneSchool school(1);
  EmptyPolicy policy;
  sdk::AssessmentOut out;
  sdk::Status s = host.open("fixture-good").assess({school, policy, failing}, out);
  CHECK_FALSE(s.ok);
  CHECK(s.message.find("assess failed: classify.lua:3: attempt to compare nil") != std::string::npos);
}

TEST_CASE("a regime keeps its library loaded after the host is gone; the last one out unloads it") {
  ScratchDir dir;
  const fs::path file = dir.add("good");
  std::optional<RegimeHandle> regime;
  {
    PluginHost host({dir.path()}, {});
    CHECK_FALSE(is_loaded(file));  // issue 19: a host loads a regime only when it is asked for
    regime = host.open("fixture-good");
    CHECK(is_loaded(file));
    CHECK(regime->id() == "fixture-good");
    CHECK(regime->file() == file);
  }
  REQUIRE(is_loaded(file));
  // Its code (and its vtable) are still there to call.
  sdk::RegimeDescription d;
  REQUIRE(regime->describe(d));
  CHECK(d.id == "fixture-good");
  regime.reset();
  CHECK_FALSE(is_loaded(file));
}

TEST_CASE("a host with no regimes out unloads its libraries when it goes") {
  ScratchDir dir;
  const fs::path file = dir.add("good");
  { PluginHost host({dir.path()}, {}); }
  CHECK_FALSE(is_loaded(file));
}

TEST_CASE("refused plugins are not left loaded") {
  ScratchDir dir;
  const fs::path twin = dir.add("twin", "zz-twin.so");
  dir.add("good");
  const fs::path describe = dir.add("describe_throws");
  PluginHost host({dir.path()}, {});
  CHECK_FALSE(record(host, "zz-twin.so").loaded);
  CHECK_FALSE(is_loaded(twin));
  CHECK_FALSE(is_loaded(describe));
}

TEST_CASE("the description is the one the regime gave, with its id and version from the record") {
  ScratchDir dir;
  dir.add("good");
  PluginHost host({dir.path()}, {});
  const auto& d = host.description("fixture-good");
  CHECK(d.id == "fixture-good");   // written only in TRELLIS_REGIME_PLUGIN
  CHECK(d.version == "1.2.3");
  CHECK(d.name == "Fixture regime");
  CHECK(d.overall_scale == "rag");
  CHECK(d.threshold_scripts == std::vector<std::string>{"classify"});
  CHECK(&d == &host.description("fixture-good"));  // made once
}

TEST_CASE("a plugin that throws from every entry point leaves the host up, and each failure names it") {
  ScratchDir dir;
  const fs::path file = dir.add("throws_everywhere");
  dir.add("good");
  LogLines log;
  PluginHost host({dir.path()}, log.sink());
  REQUIRE(record(host, "throws_everywhere.so").loaded);  // it behaves while loaded
  OneSchool school(12.5);
  EmptyPolicy policy;
  AbsenceThreshold thresholds;
  const std::string who = "plugin fixture-throws-everywhere (" + file.string() + "): ";

  const RegimeHandle regime = host.open("fixture-throws-everywhere");
  sdk::RegimeDescription d;
  CHECK(regime.describe(d).message == who + "describe failed: describe thrown");
  std::vector<sdk::Diagnostic> found;
  CHECK(regime.validate(policy, found).message == who + "validate failed: validate thrown");
  sdk::AssessmentOut out;
  CHECK(regime.assess({school, policy, thresholds}, out).message ==
        who + "assess failed: an exception that is not a std::exception");
  std::vector<sdk::ActivityRule> rules;
  CHECK(regime.plan(school, out, policy, rules).message == who + "plan failed: plan thrown");
  CHECK(regime.plan_body(policy, rules).message == who + "plan_body failed: std::bad_alloc");
  CHECK_THROWS_WITH(host.open("fixture-throws-everywhere"), who + "factory failed: no more regimes");
  CHECK(log.lines.size() == 6);
  for (const auto& line : log.lines) CHECK(line.starts_with(who));

  // Still here, and the good plugin still works.
  sdk::AssessmentOut good_out;
  CHECK(host.open("fixture-good").assess({school, policy, thresholds}, good_out));
  CHECK(good_out.level == "red");
}

namespace {

struct Planner final : sdk::Regime {
  sdk::RegimeDescription do_describe() const override {
    sdk::RegimeDescription d;
    d.name = "Planner";
    return d;
  }
  sdk::Status do_assess(const sdk::AssessmentRequest&, sdk::AssessmentOut&) const override {
    throw std::runtime_error("no data");
  }
  void do_plan(const sdk::EvidenceView&, const sdk::AssessmentOut&, const sdk::PolicyView&,
               std::vector<sdk::ActivityRule>& out) const override {
    out.emplace_back().day_kind = sdk::DayKind::school;
  }
};

struct Impostor final : sdk::Regime {
  sdk::RegimeDescription do_describe() const override {
    sdk::RegimeDescription d;
    d.id = "telford-la";
    return d;
  }
  sdk::Status do_assess(const sdk::AssessmentRequest&, sdk::AssessmentOut&) const override { return {}; }
};

template <class T>
concept has_create = requires(T& t) { t.create("x"); };
template <class T>
concept has_regime = requires(const T& t) { t.regime(); };

}  // namespace

TEST_CASE("the adapter names the plugin in every failure, and takes the id and version from the record") {
  sdk::RegimeAdapter<Planner> planner("planner", "0.1.0");
  sdk::RegimeDescription d;
  REQUIRE(planner.describe(d));
  CHECK(d.id == "planner");
  CHECK(d.version == "0.1.0");
  CHECK(d.name == "Planner");
  OneSchool school(1);
  EmptyPolicy policy;
  AbsenceThreshold thresholds;
  sdk::AssessmentOut out;
  CHECK(planner.assess({school, policy, thresholds}, out).message == "plugin planner: assess failed: no data");

  sdk::RegimeAdapter<Impostor> impostor("hello-regime", "1.0.0");
  const sdk::Status s = impostor.describe(d);
  CHECK_FALSE(s.ok);
  CHECK(s.message == "plugin hello-regime: describe failed: do_describe gives the id \"telford-la\" but "
                     "TRELLIS_REGIME_PLUGIN says \"hello-regime\"");
}

TEST_CASE("the handle keeps the rules a regime plans, and the ones it already held") {
  OneSchool school(1);
  EmptyPolicy policy;
  sdk::AssessmentOut out;
  std::vector<sdk::ActivityRule> rules(1);
  rules[0].day_kind = sdk::DayKind::working;
  const RegimeHandle handle(std::make_shared<sdk::RegimeAdapter<Planner>>("p", "1"), "p", "p.so");
  REQUIRE(handle.plan(school, out, policy, rules));
  REQUIRE(rules.size() == 2);
  CHECK(rules[0].day_kind == sdk::DayKind::working);
  CHECK(rules[1].day_kind == sdk::DayKind::school);
}

TEST_CASE("the handle names the plugin and its file even for a failure the adapter did not word") {
  struct Bare final : sdk::RegimeBoundary {
    sdk::Status describe(sdk::RegimeDescription&) const noexcept override { return sdk::Status::failure("bare"); }
    sdk::Status validate(const sdk::PolicyView&, std::vector<sdk::Diagnostic>&) const noexcept override { return {}; }
    sdk::Status assess(const sdk::AssessmentRequest&, sdk::AssessmentOut&) const noexcept override { return {}; }
    sdk::Status plan(const sdk::EvidenceView&, const sdk::AssessmentOut&, const sdk::PolicyView&,
                     std::vector<sdk::ActivityRule>&) const noexcept override { return {}; }
    sdk::Status plan_body(const sdk::PolicyView&, const std::vector<sdk::SchoolInfo>&,
                          std::vector<sdk::ActivityRule>&) const noexcept override { return {}; }
  };
  LogLines log;
  const RegimeHandle handle(std::make_shared<Bare>(), "bare", "/p/bare.so", log.sink());
  sdk::RegimeDescription d;
  CHECK(handle.describe(d).message == "plugin bare (/p/bare.so): describe failed: bare");
  CHECK(log.lines == std::vector<std::string>{"plugin bare (/p/bare.so): describe failed: bare"});
}

TEST_CASE("the kernel reaches a regime only through a handle, whose every call is noexcept") {
  STATIC_REQUIRE_FALSE(has_create<PluginHost>);
  STATIC_REQUIRE_FALSE(has_regime<RegimeHandle>);
  const sdk::RegimeBoundary* r = nullptr;
  sdk::RegimeDescription d;
  STATIC_REQUIRE(noexcept(r->describe(d)));
  STATIC_REQUIRE(noexcept(r->plan_body(std::declval<const sdk::PolicyView&>(),
                                       std::declval<const std::vector<sdk::SchoolInfo>&>(),
                                       std::declval<std::vector<sdk::ActivityRule>&>())));
}
