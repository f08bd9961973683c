// Regimes made by plugins: they work, their failures name the plugin without
// harming the others, and they keep their library loaded while alive.
#include <dlfcn.h>

#include <catch2/catch.hpp>

#include "fixtures.hpp"
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
  auto regime = host.create("fixture-good");
  REQUIRE(regime);
  OneSchool school(12.5);
  EmptyPolicy policy;
  AbsenceThreshold thresholds;
  sdk::AssessmentOut out;
  REQUIRE(regime->assess({school, policy, thresholds}, out));
  CHECK(out.level == "red");
  CHECK(thresholds.calls == 1);
  REQUIRE(out.ratings.size() == 1);
  CHECK(out.ratings[0].evidence == std::vector<std::int64_t>{77});
  CHECK(out.reasons.at(0).find("above 10%") != std::string::npos);

  OneSchool calm(4.0);
  sdk::AssessmentOut green;
  REQUIRE(regime->assess({calm, policy, thresholds}, green));
  CHECK(green.level == "green");

  std::vector<sdk::ActivityRule> rules;
  REQUIRE(regime->plan(school, out, policy, rules));
  REQUIRE(rules.size() == 1);
  CHECK(rules[0].title == "Visit (red)");
}

TEST_CASE("asking for a regime nobody provides names what is loaded") {
  ScratchDir dir;
  dir.add("good");
  PluginHost host({dir.path()}, {});
  CHECK_THROWS_AS(host.create("telford-la"), UsageError);
  CHECK_THROWS_WITH(host.create("telford-la"),
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
  CHECK(s.message.find("unknown exception") != std::string::npos);

  // Called directly, the SDK's guard still turns the throw into a Status.
  CHECK_FALSE(broken.regime()->assess({school, policy, thresholds}, out));

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
  std::shared_ptr<sdk::Regime> regime;
  {
    PluginHost host({dir.path()}, {});
    CHECK(is_loaded(file));
    regime = host.create("fixture-good");
    auto handle = host.open("fixture-good");
    CHECK(handle.id() == "fixture-good");
    CHECK(handle.file() == file);
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

TEST_CASE("the description is the one the regime gave, with its id and version filled in") {
  ScratchDir dir;
  dir.add("good");
  PluginHost host({dir.path()}, {});
  const auto& d = host.description("fixture-good");
  CHECK(d.name == "Fixture fixture-good");
  CHECK(d.overall_scale == "rag");
  CHECK(d.threshold_scripts == std::vector<std::string>{"classify"});
  CHECK(&d == &host.description("fixture-good"));  // made once
}

TEST_CASE("a plugin built for SDK 1.0 loads, and the host ignores the day_kind byte it never wrote") {
  ScratchDir dir;
  dir.add("older_minor");
  dir.add("good");
  PluginHost host({dir.path()}, {});
  REQUIRE(record(host, "older_minor.so").loaded);
  CHECK(record(host, "older_minor.so").sdk_version == std::to_string(TRELLIS_SDK_VERSION_MAJOR) + ".0");
  RegimeHandle older = host.open("fixture-older-minor");
  CHECK(older.sdk_minor() == 0);
  OneSchool school(12.5);
  EmptyPolicy policy;
  sdk::AssessmentOut out;
  std::vector<sdk::ActivityRule> rules;
  REQUIRE(older.plan(school, out, policy, rules));
  REQUIRE(rules.size() == 1);
  CHECK(rules[0].day_kind == sdk::DayKind::calendar);
  CHECK(rules[0].offset_kind() == sdk::DayKind::working);  // from working_days, as SDK 1.0 meant
  CHECK(host.open("fixture-good").sdk_minor() == TRELLIS_SDK_VERSION_MINOR);
}

TEST_CASE("a plugin built for this SDK keeps the day_kind it gives; the host keeps rules it already held") {
  struct Planner final : sdk::Regime {
    sdk::RegimeDescription do_describe() const override { return {}; }
    sdk::Status do_assess(const sdk::AssessmentRequest&, sdk::AssessmentOut&) const override { return {}; }
    void do_plan(const sdk::EvidenceView&, const sdk::AssessmentOut&, const sdk::PolicyView&,
                 std::vector<sdk::ActivityRule>& out) const override {
      out.emplace_back().day_kind = sdk::DayKind::school;
    }
  };
  OneSchool school(1);
  EmptyPolicy policy;
  sdk::AssessmentOut out;
  std::vector<sdk::ActivityRule> rules(1);
  rules[0].day_kind = sdk::DayKind::working;
  REQUIRE(RegimeHandle(std::make_shared<Planner>(), "p", "p.so").plan(school, out, policy, rules));
  CHECK(rules.at(1).day_kind == sdk::DayKind::school);
  REQUIRE(RegimeHandle(std::make_shared<Planner>(), "p", "p.so", {}, 0).plan(school, out, policy, rules));
  CHECK(rules.at(0).day_kind == sdk::DayKind::working);  // the host's own, untouched
  CHECK(rules.at(2).day_kind == sdk::DayKind::calendar);
}

namespace {

/// ActivityRule as SDK 1.0 declared it.
struct ActivityRule_1_0 {
  std::string id, type, title;
  sdk::Cadence cadence = sdk::Cadence::per_year;
  int count = 1;
  std::string window, anchor, anchor_date;
  int offset_days = 0;
  bool working_days = false;
  bool is_deadline = false;
  std::optional<std::string> from, to;
  std::vector<std::string> attendees, documents;
  std::string note;
};

template <class T, class M>
std::ptrdiff_t offset(const T& t, const M& m) {
  return reinterpret_cast<const char*>(&m) - reinterpret_cast<const char*>(&t);
}

}  // namespace

TEST_CASE("SDK 1.1 keeps ActivityRule's size and layout: day_kind sits in what was padding") {
  // SDK 1.0 plugins fill std::vector<ActivityRule> with their own idea of it.
  STATIC_REQUIRE(sizeof(sdk::ActivityRule) == sizeof(ActivityRule_1_0));
  STATIC_REQUIRE(alignof(sdk::ActivityRule) == alignof(ActivityRule_1_0));
  STATIC_REQUIRE(sizeof(sdk::DayKind) == 1);
  const sdk::ActivityRule now;
  const ActivityRule_1_0 then;
  CHECK(offset(now, now.offset_days) == offset(then, then.offset_days));
  CHECK(offset(now, now.working_days) == offset(then, then.working_days));
  CHECK(offset(now, now.is_deadline) == offset(then, then.is_deadline));
  CHECK(offset(now, now.day_kind) == offset(then, then.is_deadline) + 1);
  CHECK(offset(now, now.day_kind) < offset(then, then.from));
  CHECK(offset(now, now.from) == offset(then, then.from));
  CHECK(offset(now, now.to) == offset(then, then.to));
  CHECK(offset(now, now.attendees) == offset(then, then.attendees));
  CHECK(offset(now, now.documents) == offset(then, then.documents));
  CHECK(offset(now, now.note) == offset(then, then.note));
}
