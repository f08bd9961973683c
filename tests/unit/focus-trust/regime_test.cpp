// The focus-trust regime against the real policy and script
// (policies/focus-trust.toml, scripts/focus-trust/rag.lua), each rule cited by
// the seed's section (shared/seeds/004: the Trust's Academy Improvement policy).
#include <catch2/catch.hpp>
#include <algorithm>
#include <memory>

#include "../../../plugins/focus-trust/ft_regime.hpp"
#include "trellis/policy.hpp"
#include "trellis/policy/fixed_evidence.hpp"
#include "trellis/sdk/regime_adapter.hpp"

namespace {

using namespace trellis::sdk;

std::string source(const std::string& rel) { return std::string(TRELLIS_SOURCE_DIR) + "/" + rel; }

RegimeDescription described() {
  auto d = ft::describe_regime();
  d.id = "focus-trust";
  d.version = "1.0.0";
  return d;
}

trellis::Policy declared_policy() {
  trellis::Policy p = trellis::Policy::load(source("policies/focus-trust.toml"));
  p.declare(described());
  return p;
}

struct Ft {
  trellis::Policy policy = declared_policy();
  std::unique_ptr<trellis::lua::ThresholdSandbox> runner = trellis::make_threshold_runner(policy, policy.description());
  RegimeAdapter<ft::FocusTrustRegime> regime{"focus-trust", "1.0.0"};

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
};

/// A primary academy in the spring term with every KPI returned and green (but `missing`).
trellis::FixedEvidence academy(const std::string& period = "2019-20/spring", const std::string& missing = "") {
  SchoolInfo info{900001, "Test Primary Academy", 353, "Oldham", "Academy converter", "academy", "primary", "open",
                  std::nullopt};
  trellis::FixedEvidence e(info, period);
  const std::vector<std::pair<std::string, double>> kpis = {
      {"kpi_attendance_pct", 97}, {"kpi_persistent_absence_pct", 5}, {"kpi_reading_on_track_pct", 85},
      {"kpi_writing_on_track_pct", 82}, {"kpi_maths_on_track_pct", 84}};
  std::int64_t id = 1;
  for (const auto& [kpi, v] : kpis) {
    if (kpi == missing) continue;
    Observation o;
    o.id = id++;
    o.indicator = kpi;
    o.period = period;
    o.value = v;
    o.source = "kpis.csv";
    e.add(o);
  }
  return e;
}

const ActivityRule* rule(const std::vector<ActivityRule>& rules, const std::string& id) {
  auto it = std::find_if(rules.begin(), rules.end(), [&](auto& r) { return r.id == id; });
  return it == rules.end() ? nullptr : &*it;
}

bool has(const std::vector<std::string>& v, const std::string& x) { return std::find(v.begin(), v.end(), x) != v.end(); }

}  // namespace

TEST_CASE("Trust intervention, §07: a RAG scale, the Roundtable's five areas, the CEO's deciding stage; the policy checks") {
  Ft f;
  const auto& d = f.policy.description();
  CHECK(d.overall_scale == "rag");
  CHECK(d.deciding_stage == "final");
  REQUIRE(d.areas.size() >= 5);
  CHECK(d.areas[0].label == "Pupil outcomes");
  CHECK(d.areas[4].label == "Capacity for improvement");
  // §05: the KPIs are the policy's own indicators, in its [areas.kpis].
  CHECK(std::count_if(d.indicators.begin(), d.indicators.end(), [](auto& i) { return i.area == "kpis"; }) == 5);
  CHECK(trellis::check_policy(f.policy, described(),
                              [&](const PolicyView& p, auto& out) { return f.regime.validate(p, out); })
            .empty());
}

TEST_CASE("Trust intervention: the termly RAG is computed, each KPI rated, the direction of travel given") {
  Ft f;
  auto s = academy();
  s.set_previous_level("amber");
  const auto out = f.assess(s);
  CHECK(out.level == "green");
  CHECK(has(out.reasons, "Direction of travel: improving, amber last term, green now"));
  CHECK(std::count_if(out.ratings.begin(), out.ratings.end(), [](auto& r) { return r.subject.rfind("kpi_", 0) == 0; }) == 5);
}

TEST_CASE("§05: a missing KPI return is overdue only after the deadline its plan gives it, judged on the assessment day") {
  Ft f;
  auto s = academy("2019-20/spring", "kpi_writing_on_track_pct");
  Observation autumn;
  autumn.indicator = "kpi_writing_on_track_pct";
  autumn.period = "2019-20/autumn";
  autumn.value = 82;
  autumn.source = "kpis.csv";
  s.add(autumn);  // the spring writing KPI is not held: only autumn's
  // The rule the plan dates is the one the script reads the due day of.
  const auto rules = f.plan(s);
  REQUIRE(rule(rules, ft::return_rule(ft::kKpiReturn, "spring")));
  const auto kpi_level = [&](const AssessmentOut& out) -> std::string {
    for (const auto& r : out.ratings)
      if (r.subject == "kpi_writing_on_track_pct") return r.level;
    return "";
  };
  f.runner->set_day("2020-01-10", {{"ft-05.kpis.spring", "2020-01-24"}});
  auto before = f.assess(s);
  CHECK(kpi_level(before).empty());
  CHECK(std::any_of(before.reasons.begin(), before.reasons.end(),
                    [](auto& r) { return r.find("not yet returned: due 2020-01-24") != std::string::npos; }));
  f.runner->set_day("2020-01-27", {{"ft-05.kpis.spring", "2020-01-24"}});
  auto after = f.assess(s);
  CHECK(kpi_level(after) == "amber");
  CHECK(has(after.reasons,
            "AMBER: §05 Pupils on track in writing: no KPI return for 2019-20/spring by its deadline 2020-01-24, overdue"));
}

TEST_CASE("§06, §07, §05, §12, §04: three visits with the Roundtable in summer, each term's returns due before its visit") {
  Ft f;
  auto s = academy();
  const auto rules = f.plan(s);
  const ActivityRule* rt = rule(rules, "ft-07.roundtable");
  REQUIRE(rt);
  CHECK(rt->window == "summer-2");
  CHECK(has(rt->attendees, "Trustee Advocate"));
  for (const std::string term : {"autumn", "spring", "summer"}) {
    const std::string visit = term == "summer" ? "ft-07.roundtable" : "ft-06.visit." + term;
    REQUIRE(rule(rules, visit));
    for (const std::string ret : {"ft-05.kpis.", "ft-12.self-evaluation.", "ft-04.teaching-profile."}) {
      const ActivityRule* due = rule(rules, ret + term);
      REQUIRE(due);
      CHECK(due->cadence == Cadence::before);
      CHECK(due->anchor == visit);
      CHECK(due->is_deadline);
    }
  }
  // §13: the autumn visit carries the improvement-plan checklist.
  CHECK(has(rule(rules, "ft-06.visit.autumn")->documents,
            "Improvement plan checked against the six success criteria, recorded by the AIP (§13)"));
  // Role of the Focus Education Consultant: six days.
  CHECK(rule(rules, "ft-fec.consultancy-day")->count == 6);
  // No Task Group, and no extra visit, for a green academy without a decision.
  CHECK_FALSE(rule(rules, "ft-int.task-group"));
  CHECK_FALSE(rule(rules, "ft-06.additional-visit"));
}

TEST_CASE("a school with no RAG level (not yet assessed, or too little evidence) is planned the visits every academy gets") {
  Ft f;
  const auto s = academy();
  for (const char* level : {"", "insufficient evidence"}) {
    AssessmentOut out;  // `trellis plan` before any assessment: classified, with no level
    out.level = level;
    std::vector<ActivityRule> rules;
    REQUIRE(f.regime.plan(s, out, f.policy.view(), rules));
    CHECK(rule(rules, "ft-06.visit.autumn"));
    CHECK(rule(rules, "ft-07.roundtable"));
    CHECK_FALSE(rule(rules, "ft-06.additional-visit"));
  }
  AssessmentOut red;  // the policy's extra_per_term.red = 1
  red.level = "red";
  std::vector<ActivityRule> rules;
  REQUIRE(f.regime.plan(s, red, f.policy.view(), rules));
  REQUIRE(rule(rules, "ft-06.additional-visit"));
  CHECK(rule(rules, "ft-06.additional-visit")->count == 1);
}

TEST_CASE("Trust intervention: formal intervention decided by the CEO brings a monthly Task Group") {
  Ft f;
  auto s = academy();
  s.set_rating("intervention", "final", "formal");
  const auto rules = f.plan(s);
  const ActivityRule* tg = rule(rules, "ft-int.task-group");
  REQUIRE(tg);
  CHECK(tg->cadence == Cadence::monthly);
  CHECK(tg->count == 1);
  CHECK(has(tg->attendees, "Chair of Governors"));
  s.set_rating("intervention", "final", "none");
  CHECK_FALSE(rule(f.plan(s), "ft-int.task-group"));
}

TEST_CASE("§02: data drops on the policy's six dates") {
  Ft f;
  auto s = academy();
  const auto rules = f.plan(s);
  CHECK(std::count_if(rules.begin(), rules.end(), [](auto& r) {
          return r.id.rfind("ft-02.data-drop.", 0) == 0 && r.cadence == Cadence::on_date && r.is_deadline;
        }) == 6);
}
