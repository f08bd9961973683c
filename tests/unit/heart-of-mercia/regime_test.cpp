// The heart-of-mercia regime against the real policy and script
// (policies/heart-of-mercia.toml, scripts/heart-of-mercia/sar.lua), each rule
// cited by the seed's section (shared/seeds/001: the Trust's Quality
// Assurance Policy).
#include <catch2/catch.hpp>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "../../../plugins/heart-of-mercia/hom_regime.hpp"
#include "trellis/policy.hpp"
#include "trellis/policy/fixed_evidence.hpp"
#include "trellis/sdk/regime_adapter.hpp"

namespace {

using namespace trellis::sdk;

std::string source(const std::string& rel) { return std::string(TRELLIS_SOURCE_DIR) + "/" + rel; }

RegimeDescription described() {
  auto d = hom::describe_regime();
  d.id = "heart-of-mercia";
  d.version = "1.0.0";
  return d;
}

trellis::Policy declared_policy() {
  trellis::Policy p = trellis::Policy::load(source("policies/heart-of-mercia.toml"));
  p.declare(described());
  return p;
}

struct Hom {
  trellis::Policy policy = declared_policy();
  std::unique_ptr<trellis::lua::ThresholdSandbox> runner = trellis::make_threshold_runner(policy, policy.description());
  RegimeAdapter<hom::HeartOfMerciaRegime> regime{"heart-of-mercia", "1.0.0"};

  AssessmentOut assess(const EvidenceView& school) {
    AssessmentOut out;
    auto status = regime.assess({school, policy.view(), *runner}, out);
    if (!status) throw std::runtime_error(status.message);
    return out;
  }
  std::vector<ActivityRule> plan(const EvidenceView& school) {
    std::vector<ActivityRule> out;
    REQUIRE(regime.plan(school, assess(school), policy.view(), out));
    return out;
  }
  std::vector<ActivityRule> plan_body() {
    std::vector<ActivityRule> out;
    REQUIRE(regime.plan_body(policy.view(), {}, out));
    return out;
  }
};

/// Heart of Worcestershire College (130713), as the 2017-18 spine registers it.
trellis::FixedEvidence college() {
  SchoolInfo info{130713, "Heart of Worcestershire College", 885, "Worcestershire", "Further education", "college",
                  "16 plus", "open", std::nullopt};
  return trellis::FixedEvidence(info, "2024-25");
}

trellis::FixedEvidence school() {
  SchoolInfo info{140001, "Test Academy", 885, "Worcestershire", "Academy converter", "academy", "secondary", "open",
                  std::nullopt};
  return trellis::FixedEvidence(info, "2024-25");
}

const ActivityRule* rule(const std::vector<ActivityRule>& rules, const std::string& id) {
  auto it = std::find_if(rules.begin(), rules.end(), [&](auto& r) { return r.id == id; });
  return it == rules.end() ? nullptr : &*it;
}

std::string all(const std::vector<std::string>& reasons) {
  std::string s;
  for (auto& r : reasons) s += r + "\n";
  return s;
}

bool has(const std::vector<std::string>& v, const std::string& x) { return std::find(v.begin(), v.end(), x) != v.end(); }

}  // namespace

TEST_CASE("§1.3: the five TQD pillars are the areas, with stable ids and the seed's labels") {
  const auto d = hom::describe_regime();
  REQUIRE(d.areas.size() == 5);
  const std::vector<std::pair<std::string, std::string>> pillars = {
      {"inclusive_leadership", "High-quality and inclusive leadership"},
      {"improvement", "School/College improvement"},
      {"workforce", "Workforce"},
      {"finance_operations", "Finance and operation"},
      {"governance", "Governance and leadership"}};
  for (std::size_t i = 0; i < pillars.size(); ++i) {
    CHECK(d.areas[i].id == pillars[i].first);
    CHECK(d.areas[i].label == pillars[i].second);
  }
}

TEST_CASE("§1.3, §5.5: the grade scale is the policy's, four Ofsted grades by default, for pillars and overall") {
  Hom h;
  const auto& d = h.policy.description();
  CHECK(d.overall_scale == "grade");
  auto grade = std::find_if(d.scales.begin(), d.scales.end(), [](auto& s) { return s.id == "grade"; });
  REQUIRE(grade != d.scales.end());
  std::vector<std::string> levels;
  for (auto& l : grade->levels) levels.push_back(l.id);
  CHECK(levels == std::vector<std::string>{"outstanding", "good", "requires_improvement", "inadequate"});
  CHECK(d.subject_scales.empty());  // every pillar is graded on the overall scale
  CHECK(trellis::check_policy(h.policy, described(),
                              [&](const PolicyView& p, auto& out) { return h.regime.validate(p, out); })
            .empty());
}

TEST_CASE("§5.5: an academy with no SAR is insufficient evidence, never good by default; its SAR has a deadline") {
  Hom h;
  auto s = school();
  s.set_rating("workforce", "self", "good");  // a pillar alone is not a SAR's overall view
  const auto out = h.assess(s);
  CHECK(out.level == "insufficient_evidence");
  CHECK(out.ratings.empty());
  CHECK_THAT(all(out.reasons), Catch::Contains("no self-assessment report (SAR) with an overall grade is held for 2024-25"));
  const auto rules = h.plan(s);
  const ActivityRule* due = rule(rules, "hom-5.5.sar-due");
  REQUIRE(due);
  CHECK(due->is_deadline);
  CHECK(due->title == "SAR for the year just ended due for validation");
  CHECK(due->anchor == hom::kSchoolValidationRule);
  CHECK(due->cadence == Cadence::before);
  CHECK(due->offset_days == 10);
  CHECK(due->attendees == std::vector<std::string>{"Headteacher"});
}

TEST_CASE("§5.5: the validated grade is the one that counts, and its difference from the SAR is shown") {
  Hom h;
  auto s = school();
  s.set_rating("overall", "self", "good");
  s.set_rating("overall", "validated", "requires_improvement");
  s.set_rating("workforce", "self", "outstanding");
  s.set_rating("workforce", "validated", "good");
  const auto out = h.assess(s);
  CHECK(out.level == "requires_improvement");
  CHECK_THAT(all(out.reasons), Catch::Contains("Overall: requires improvement, validated; the headteacher's SAR said good"));
  CHECK_THAT(all(out.reasons), Catch::Contains("Workforce: good, validated; the headteacher's SAR said outstanding"));
  auto workforce = std::find_if(out.ratings.begin(), out.ratings.end(), [](auto& r) { return r.subject == "workforce"; });
  REQUIRE(workforce != out.ratings.end());
  CHECK(workforce->level == "good");
  CHECK(hom::describe_regime().deciding_stage == "validated");
}

TEST_CASE("§5.5: a SAR not yet validated is provisional, or no grade where the policy says so") {
  Hom h;
  auto s = school();
  s.set_rating("overall", "self", "outstanding");
  const auto out = h.assess(s);
  CHECK(out.level == "outstanding");
  CHECK_THAT(all(out.reasons), Catch::Contains("provisional: self-assessed, not yet validated"));

  struct Unvalidated final : PolicyView {
    const PolicyView& base;
    explicit Unvalidated(const PolicyView& b) : base(b) {}
    bool has(std::string_view p) const override { return base.has(p); }
    std::optional<std::string> text(std::string_view p) const override {
      return p == "sar.unvalidated" ? std::optional<std::string>("insufficient_evidence") : base.text(p);
    }
    std::optional<double> number(std::string_view p) const override { return base.number(p); }
    std::optional<bool> flag(std::string_view p) const override { return base.flag(p); }
    std::vector<std::string> texts(std::string_view p) const override { return base.texts(p); }
    std::vector<std::string> keys(std::string_view p) const override { return base.keys(p); }
    std::size_t count(std::string_view p) const override { return base.count(p); }
  } unvalidated(h.policy.view());
  AssessmentOut none;
  REQUIRE(h.regime.assess({s, unvalidated, *h.runner}, none));
  CHECK(none.level == "insufficient_evidence");
  CHECK_THAT(all(none.reasons), Catch::Contains("not yet validated, and the policy gives no grade until it is"));
}

TEST_CASE("schools and colleges apart: a college is its register's, led by a Principal, validated at the college panel") {
  Hom h;
  CHECK(hom::is_college(college().school()));
  CHECK_FALSE(hom::is_college(school().school()));
  const auto rules = h.plan(college());
  const ActivityRule* due = rule(rules, "hom-5.5.sar-due");
  REQUIRE(due);
  CHECK(due->anchor == hom::kCollegeValidationRule);
  CHECK(due->attendees == std::vector<std::string>{"Principal"});
  CHECK(has(rule(rules, "hom-5.4.quality-visit")->attendees, "Principal"));
  // §5.5: the college panel's rule applies to colleges alone.
  const auto d = hom::describe_regime();
  auto validated = std::find_if(d.stages.begin(), d.stages.end(), [](auto& s) { return s.id == "validated"; });
  REQUIRE(validated != d.stages.end());
  REQUIRE(validated->panels.size() == 1);
  CHECK(validated->panels[0].rule == hom::kCollegeValidationRule);
  CHECK(validated->panels[0].type_groups == std::vector<std::string>{"college"});
  CHECK(validated->panels[0].present_roles == std::vector<std::string>{"verifier"});
  CHECK(validated->panels[0].years_after == 1);  // §5.5: the SAR of the year just ended
}

TEST_CASE("§5.5: college SAR validation is one joint meeting in autumn-2 with the external verifier; schools' is the policy's") {
  Hom h;
  const auto rules = h.plan_body();
  const ActivityRule* colleges = rule(rules, hom::kCollegeValidationRule);
  REQUIRE(colleges);
  CHECK(colleges->cadence == Cadence::in_half_term);
  CHECK(colleges->window == "autumn-2");
  CHECK(colleges->attendees == std::vector<std::string>{"CEO", "Principals of the colleges", "Vice Principals of the colleges",
                                                        "Director of Quality", "External verifier(s)"});
  const ActivityRule* schools = rule(rules, hom::kSchoolValidationRule);
  REQUIRE(schools);
  CHECK(schools->window == "autumn-2");  // sar.schools_validation_half_term
}

TEST_CASE("§5.4: one quality visit a year per academy, its feedback due as a visit note within ten working days") {
  Hom h;
  auto s = school();
  s.set_rating("overall", "self", "good");
  const auto rules = h.plan(s);
  const ActivityRule* visit = rule(rules, "hom-5.4.quality-visit");
  REQUIRE(visit);
  CHECK(visit->type == "visit");
  CHECK(visit->cadence == Cadence::per_year);
  CHECK(visit->count == 1);
  const ActivityRule* feedback = rule(rules, "hom-5.4.quality-visit-feedback");
  REQUIRE(feedback);
  CHECK(feedback->is_deadline);
  CHECK(feedback->cadence == Cadence::after);
  CHECK(feedback->anchor == "hom-5.4.quality-visit");
  CHECK(feedback->offset_days == 10);  // [notes] send_within_working_days
  CHECK(feedback->offset_kind() == DayKind::working);
}

TEST_CASE("§4.1, §9.1: termly reports to the Board of Trustees, and one after each SAR validation") {
  Hom h;
  const auto rules = h.plan_body();
  for (const char* half : {"autumn-2", "spring-2", "summer-2"}) {
    const ActivityRule* r = rule(rules, std::string("hom-9.1.board-report.") + half);
    REQUIRE(r);
    CHECK(r->type == "report");
    CHECK_THAT(r->title, Catch::Contains("Curriculum and Quality Committee"));
  }
  for (const auto& meeting : {hom::kCollegeValidationRule, hom::kSchoolValidationRule}) {
    const ActivityRule* r = rule(rules, meeting + ".board-report");
    REQUIRE(r);
    CHECK(r->anchor == meeting);
    CHECK(r->cadence == Cadence::after);
    CHECK(r->offset_days == 15);
  }
}

TEST_CASE("§6.3, §7.2: the annual collaboration event is in the calendar") {
  Hom h;
  const auto rules = h.plan_body();
  const ActivityRule* r = rule(rules, "hom-6.3.collaboration.summer-2");
  REQUIRE(r);
  CHECK(r->attendees == std::vector<std::string>{"ECT/ITT and CPD Coordinator", "Marketing Coordinator"});
}

TEST_CASE("§8.3: central support allocated is a named person shown in the reasons, with no tier") {
  Hom h;
  auto s = school();
  s.set_rating("overall", "self", "good");
  trellis::sdk::Observation support;
  support.indicator = "central_support";
  support.period = "2024-25";
  support.text = "A. Patel";
  support.source = "recorded by dq";
  s.add(support);
  CHECK(hom::central_support(s, h.policy.view()) == "A. Patel");
  CHECK_THAT(all(h.assess(s).reasons), Catch::Contains("Central support (§8.3): A. Patel of the Trust central team"));
}

TEST_CASE("§10.1: the policy is past its April 2025 review date after it") {
  Hom h;
  CHECK(h.policy.review() == "2025-04-01");
  CHECK_FALSE(h.policy.review_warning("2025-03-31"));
  CHECK(h.policy.review_warning("2025-04-02"));
}

TEST_CASE("§5.5: a trust moves to the 2025 five-point report-card scale in its policy, without code") {
  std::ifstream in(source("policies/heart-of-mercia.toml"));
  std::stringstream text;
  text << in.rdbuf();
  std::string toml = text.str();
  const auto from = toml.find("levels = [");
  const auto to = toml.find("\n\n", from);
  toml.replace(from, to - from,
               "levels = [{ id = \"exceptional\", label = \"Exceptional\" }, { id = \"strong\", label = \"Strong standard\" },"
               " { id = \"expected\", label = \"Expected standard\" }, { id = \"needs_attention\", label = \"Needs attention\" },"
               " { id = \"urgent_improvement\", label = \"Urgent improvement\" }]");
  toml.replace(toml.find("../scripts/"), 11, std::string(TRELLIS_SOURCE_DIR) + "/scripts/");
  const auto draft = std::filesystem::temp_directory_path() / "hom-report-card.toml";
  std::ofstream(draft) << toml;
  trellis::Policy policy = trellis::Policy::load(draft);
  policy.declare(described());
  RegimeAdapter<hom::HeartOfMerciaRegime> regime{"heart-of-mercia", "1.0.0"};
  CHECK(trellis::check_policy(policy, described(), [&](const PolicyView& p, auto& out) { return regime.validate(p, out); })
            .empty());
  auto runner = trellis::make_threshold_runner(policy, policy.description());
  auto s = college();
  s.set_rating("overall", "self", "strong");
  s.set_rating("overall", "validated", "expected");
  s.set_rating("governance", "validated", "needs_attention");
  AssessmentOut out;
  REQUIRE(regime.assess({s, policy.view(), *runner}, out));
  CHECK(out.level == "expected");
  CHECK_THAT(all(out.reasons), Catch::Contains("Overall: expected, validated; the principal's SAR said strong"));
  auto governance = std::find_if(out.ratings.begin(), out.ratings.end(), [](auto& r) { return r.subject == "governance"; });
  REQUIRE(governance != out.ratings.end());
  CHECK(governance->level == "needs_attention");
  std::filesystem::remove(draft);
}
