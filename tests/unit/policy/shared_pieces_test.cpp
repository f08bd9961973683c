// The SDK's shared pieces both regimes call: register tests (Telford 003
// s5/s6, Nexus 000 §3.8.1) and the activity rule builders.
#include <catch2/catch.hpp>

#include <map>

#include "trellis/sdk/activity_rules.hpp"
#include "trellis/sdk/policy_parts.hpp"
#include "trellis/sdk/school_kinds.hpp"

using namespace trellis::sdk;

namespace {

SchoolInfo school(std::string type, std::string status = "open") {
  SchoolInfo s;
  s.name = "Test School";
  s.type = std::move(type);
  s.status = std::move(status);
  return s;
}

// A policy of texts by dotted path; keys("indicators") in the order given.
struct TextPolicy final : PolicyView {
  std::vector<std::string> ids;
  std::map<std::string, std::string, std::less<>> texts_at;
  bool has(std::string_view path) const override { return texts_at.count(path) > 0; }
  std::optional<std::string> text(std::string_view path) const override {
    auto it = texts_at.find(path);
    return it == texts_at.end() ? std::nullopt : std::optional<std::string>(it->second);
  }
  std::optional<double> number(std::string_view) const override { return std::nullopt; }
  std::optional<bool> flag(std::string_view) const override { return std::nullopt; }
  std::vector<std::string> texts(std::string_view) const override { return {}; }
  std::vector<std::string> keys(std::string_view path) const override {
    return path == "indicators" ? ids : std::vector<std::string>{};
  }
  std::size_t count(std::string_view) const override { return 0; }
};

}  // namespace

TEST_CASE("policy_indicators reads each of the policy's [indicators], in order, with the defaults for keys left out") {
  TextPolicy policy;
  policy.ids = {"attendance_pct", "behaviour", "x"};
  policy.texts_at = {{"indicators.attendance_pct.label", "Attendance"},
                     {"indicators.attendance_pct.unit", "%"},
                     {"indicators.attendance_pct.direction", "higher_is_better"},
                     {"indicators.attendance_pct.area", "quality"},
                     {"indicators.attendance_pct.priority", "big3"},
                     {"indicators.behaviour.direction", "lower_is_better"},
                     {"indicators.behaviour.area", "behaviour"},
                     {"indicators.x.direction", "sideways"},
                     {"indicators.x.unit", "n"}};
  const auto specs = policy_indicators(policy);
  REQUIRE(specs.size() == 3);
  CHECK(specs[0].id == "attendance_pct");
  CHECK(specs[0].label == "Attendance");
  CHECK(specs[0].unit == "%");
  CHECK(specs[0].direction == Direction::higher_is_better);
  CHECK(specs[0].area == "quality");
  CHECK(specs[0].priority == "big3");
  CHECK(specs[1].id == "behaviour");
  CHECK(specs[1].label == "behaviour");  // no label: the id
  CHECK(specs[1].unit.empty());
  CHECK(specs[1].direction == Direction::lower_is_better);
  CHECK(specs[1].area == "behaviour");
  CHECK(specs[1].priority.empty());
  CHECK(specs[2].label == "x");
  CHECK(specs[2].unit == "n");
  CHECK(specs[2].direction == Direction::neutral);  // not a direction the SDK knows
  CHECK(specs[2].area.empty());
}

TEST_CASE("003 s6: special provision is a special school, a pupil referral unit or alternative provision") {
  CHECK(special_provision(school("Community special school")));
  CHECK(special_provision(school("Pupil referral unit")));
  CHECK(special_provision(school("Academy alternative provision converter")));
  CHECK(special_provision(school("Academy - Converter Special")));  // any case
  CHECK_FALSE(special_provision(school("Community school")));
  CHECK_FALSE(special_provision(school("")));
}

TEST_CASE("000 §3.8.1: a special school is one by its type name; AP and PRUs are not special schools") {
  CHECK(special_school(school("Foundation special school")));
  CHECK_FALSE(special_school(school("Pupil referral unit")));
  CHECK_FALSE(special_school(school("Academy alternative provision converter")));
}

TEST_CASE("a closed school is set aside with its reason; an open one is left alone") {
  AssessmentOut out;
  CHECK(closed_school(school("Community school", "closed"), "Not classified", out));
  CHECK_FALSE(out.classified);
  CHECK(out.level == "closed");
  CHECK(out.reasons == std::vector<std::string>{"Not classified: Test School is closed."});
  AssessmentOut open;
  CHECK_FALSE(closed_school(school("Community school"), "Not classified", open));
  CHECK(open.classified);
  CHECK(open.level.empty());
  CHECK(open.reasons.empty());
}

TEST_CASE("003 s8: a deadline rule counts its days as it says, after its anchor") {
  const ActivityRule minutes = deadline_rule("s8.minutes", "Minutes", Cadence::after, "s8.meeting", 7, DayKind::working,
                                             {"Headteacher"}, "Section 8: within seven working days");
  CHECK(minutes.type == "deadline");
  CHECK(minutes.is_deadline);
  CHECK(minutes.anchor == "s8.meeting");
  CHECK(minutes.offset_days == 7);
  CHECK(minutes.offset_kind() == DayKind::working);
  CHECK(minutes.note == "Section 8: within seven working days");
  const ActivityRule visit = activity_rule("s7.green.qa-visit", "visit", "QA visit", Cadence::per_year,
                                           {"LA Quality Assurance Lead"}, "Section 7", 2);
  CHECK(visit.count == 2);
  CHECK(visit.cadence == Cadence::per_year);
  CHECK_FALSE(visit.is_deadline);
}
