// The planner keeps to officers' daily limits (a policy's [workload]) and
// places a spread rule with an anchor between the anchor's activities. Rules
// are written here as a plugin would write them; the kernel knows none.
#include <catch2/catch.hpp>
#include <map>

#include "rules.hpp"

using namespace trellis;
using namespace trellis::test;
using sdk::Cadence;

namespace {

const Period kYear = Period::parse("2024-25");

sdk::ActivityRule officer_visit(const std::string& id, Cadence c, int count = 1) {
  sdk::ActivityRule r = spread_rule(id, c, count);
  r.attendees = {"QA lead", "Headteacher"};
  return r;
}

/// Two officers; schools 1..n alternate between them.
Workload two_officers(int limit, std::int64_t schools) {
  Workload w;
  w.role = "QA lead";
  w.daily_limit = limit;
  w.types = {"visit", "conversation"};
  w.officers = {"A. Officer", "B. Officer"};
  for (std::int64_t urn = 1; urn <= schools; ++urn) w.officer_of[urn] = static_cast<std::size_t>(urn % 2);
  return w;
}

std::map<std::pair<std::string, Date>, int> load_of(const std::vector<Activity>& plan) {
  std::map<std::pair<std::string, Date>, int> load;
  for (const auto& a : plan)
    for (const auto& who : a.attendees)
      if (who.rfind("QA lead: ", 0) == 0) ++load[{who.substr(9), a.start}];
  return load;
}

}  // namespace

TEST_CASE("s7-s8 workload: sixty schools' termly visits keep each officer to two a day, named on the visit") {
  AcademicCalendar cal;
  std::vector<RuleSet> sets;
  for (std::int64_t urn = 1; urn <= 60; ++urn) sets.push_back({urn, std::nullopt, {officer_visit("visit", Cadence::per_term)}});
  PlanOptions options;
  options.workload = two_officers(2, 60);
  std::vector<std::string> unmet;
  const auto p = plan_year(cal, "la", kYear, sets, options, &unmet);
  REQUIRE(p.size() == 180);
  CHECK(unmet.empty());
  for (const auto& [key, n] : load_of(p)) CHECK(n <= 2);
  // Each school's visit names its own officer beside the role.
  for (const auto& a : p) CHECK(a.attendees.front() == (*a.urn % 2 == 0 ? "QA lead: A. Officer" : "QA lead: B. Officer"));
  // Without the limit the same plan crowds some days (what the policy's limit prevents).
  options.workload.daily_limit = 0;
  int busiest = 0;
  for (const auto& [key, n] : load_of(plan_year(cal, "la", kYear, sets, options))) busiest = std::max(busiest, n);
  CHECK(busiest > 2);
}

TEST_CASE("s7-s8 workload: a limit the stretch cannot keep is planned anyway and said, naming school, day and officer") {
  AcademicCalendar cal;
  std::vector<RuleSet> sets;
  // Two schools with forty visits each a half-term (of about 30 school days), one officer, one a day: cannot fit.
  for (std::int64_t urn = 1; urn <= 2; ++urn) {
    sdk::ActivityRule r = officer_visit("visit", Cadence::per_half_term, 40);
    sets.push_back({urn, std::nullopt, {r}});
  }
  PlanOptions options;
  options.workload = two_officers(1, 2);
  options.workload.officer_of = {{1, 0}, {2, 0}};  // both schools with A. Officer
  std::vector<std::string> unmet;
  const auto p = plan_year(cal, "la", kYear, sets, options, &unmet);
  REQUIRE_FALSE(unmet.empty());
  CHECK(unmet.front().find("A. Officer has 2 visits, meetings and conversations that day, above the daily limit of 1") !=
        std::string::npos);
  CHECK(unmet.front().rfind("school ", 0) == 0);
  CHECK(unmet.front().find(" had room") != std::string::npos);
}

TEST_CASE("s7-s8 workload: a conversation anchored a week before a visit counts in the officer's day") {
  AcademicCalendar cal;
  std::vector<RuleSet> sets;
  for (std::int64_t urn = 1; urn <= 40; ++urn) {
    sdk::ActivityRule talk = anchored_rule("talk", Cadence::before, "visit", 5, true, false);
    talk.type = "conversation";
    talk.attendees = {"QA lead", "Headteacher"};
    sets.push_back({urn, std::nullopt, {officer_visit("visit", Cadence::per_year, 2), talk}});
  }
  PlanOptions options;
  options.workload = two_officers(1, 40);
  std::vector<std::string> unmet;
  const auto p = plan_year(cal, "la", kYear, sets, options, &unmet);
  CHECK(unmet.empty());
  for (const auto& [key, n] : load_of(p)) CHECK(n <= 1);
}

TEST_CASE("s7 red: visits anchored on meetings fall between them, never on one or the working day before") {
  AcademicCalendar cal;
  sdk::ActivityRule meeting = spread_rule("meeting", Cadence::per_term);
  meeting.type = "meeting";
  sdk::ActivityRule visits = spread_rule("interim", Cadence::per_term, 2);
  visits.anchor = "meeting";
  for (std::int64_t urn = 1; urn <= 30; ++urn) {
    const auto p = plan_year(cal, "la", kYear, {{urn, std::nullopt, {meeting, visits}}});
    const auto meetings = of_rule(p, "meeting");
    const auto interim = of_rule(p, "interim");
    REQUIRE(meetings.size() == 3);
    REQUIRE(interim.size() == 6);
    for (const auto& v : interim) {
      CHECK(meetings.front().start < v.start);
      for (const auto& m : meetings) {
        CHECK(v.start != m.start);
        CHECK(v.start != cal.working_day_on_or_before(m.start - 1));
      }
    }
  }
}
