// The QA calendar (000 §3.7-3.11, §6.1; CSIF calendar table): the rules the
// plugin writes, then the same rules dated by the kernel's scheduler.
#include <catch2/catch.hpp>
#include <map>
#include <set>

#include "fixture.hpp"
#include "trellis/calendar.hpp"
#include "trellis/schedule/plan.hpp"

using namespace nexus_test;
using trellis::Activity;
using trellis::Date;
using trellis::Period;
using trellis::sdk::ActivityRule;
using trellis::sdk::Cadence;

namespace {

/// A trust of one school and the trust itself, planned for 2019-20.
std::vector<Activity> plan(const std::vector<ActivityRule>& school, const std::vector<ActivityRule>& trust,
                           std::int64_t urn = 142768) {
  trellis::AcademicCalendar cal;
  return trellis::plan_year(cal, "nexus", Period::parse("2019-20"),
                            {{std::nullopt, std::nullopt, trust}, {urn, std::nullopt, school}});
}

std::vector<Activity> of_rule(const std::vector<Activity>& all, const std::string& prefix) {
  std::vector<Activity> out;
  for (auto& a : all)
    if (a.rule.rfind(prefix, 0) == 0) out.push_back(a);
  return out;
}

const ActivityRule& find(const std::vector<ActivityRule>& rules, const std::string& id) {
  for (auto& r : rules)
    if (r.id == id) return r;
  FAIL("no rule " << id);
  throw std::logic_error("unreachable");
}

}  // namespace

TEST_CASE("000 §3.10.6-3.10.7: one half-day collaborative enquiry a term, with partner, headteacher and peer head") {
  Nexus n;
  auto s = school("2019-20/autumn");
  s.add({0, "qa_partner", "2019-20", std::nullopt, "Partner A (SYNTHETIC)", "", "partners.csv", 2, ""});
  inspected(s, "2019-05-09", 1, "Outstanding");  // recent: no external professional
  rate_all(s, n.policy.view(), "self", "secure");
  const auto rules = nexus::school_rules(s, n.policy.view());
  const auto enquiries = with_prefix(rules, "000-3.10.6.enquiry.");
  REQUIRE(enquiries.size() == 3);
  for (auto& e : enquiries) {
    CHECK(e.type == "visit");
    CHECK_THAT(e.title, Catch::StartsWith("Collaborative enquiry (half day): "));
    CHECK(e.attendees == std::vector<std::string>{"Partner A (SYNTHETIC) (QA & Improvement partner)", "Headteacher",
                                                  "Peer headteacher (wherever possible)"});
  }
  // Dated by the scheduler: exactly one in each term.
  const auto activities = of_rule(plan(rules, nexus::trust_rules(n.policy.view())), "000-3.10.6.enquiry.");
  REQUIRE(activities.size() == 3);
  trellis::AcademicCalendar cal;
  const trellis::Term terms[] = {trellis::Term::autumn, trellis::Term::spring, trellis::Term::summer};
  for (int t = 0; t < 3; ++t) {
    INFO(activities[static_cast<std::size_t>(t)].rule);
    CHECK(cal.year(2019).term(terms[t]).contains(activities[static_cast<std::size_t>(t)].start));
  }
}

TEST_CASE("000 §3.10.3 and §3.10.6: the year's three enquiries look into three different areas, and a "
          "re-assessment never changes the focus of one already planned") {
  Nexus n;
  std::vector<std::string> first;
  for (const std::string period : {"2019-20/autumn", "2019-20/spring", "2019-20/summer"}) {
    INFO(period);
    auto s = school(period);
    rate_all(s, n.policy.view(), "moderated", "secure");
    // Each term a different area is weakest: the rotation does not follow it.
    s.set_rating(period == "2019-20/autumn" ? "behaviour" : period == "2019-20/spring" ? "wellbeing" : "governance",
                 "moderated", "weak");
    std::vector<std::string> titles;
    for (auto& e : with_prefix(nexus::school_rules(s, n.policy.view()), "000-3.10.6.enquiry.")) {
      titles.push_back(e.title);
      CHECK_THAT(e.note, Catch::Contains("the rotation of areas"));
    }
    REQUIRE(titles.size() == 3);
    CHECK(std::set<std::string>(titles.begin(), titles.end()).size() == 3);
    if (first.empty()) first = titles;
    CHECK(titles == first);
  }
  // A new year moves the rotation on a place, so that all four areas are covered over the years.
  auto next = school("2020-21/autumn");
  CHECK(find(nexus::school_rules(next, n.policy.view()), "000-3.10.6.enquiry.autumn").title == first[1]);
}

TEST_CASE("000 §3.10.3: with focus = \"weakest\" the terms after the one assessed look into its weakest area") {
  Nexus n;
  auto s = school("2019-20/autumn");
  rate_all(s, n.policy.view(), "moderated", "secure");
  s.set_rating("behaviour", "moderated", "weak");
  OverridePolicy weakest(n.policy.view(), {{"enquiry.focus", std::string("weakest")},
                                           {"enquiry.weakest_ties", std::string("rotation")}});
  const auto rules = nexus::school_rules(s, weakest);
  CHECK_THAT(find(rules, "000-3.10.6.enquiry.spring").title, Catch::EndsWith("Behaviour and attitudes"));
  CHECK_THAT(find(rules, "000-3.10.6.enquiry.summer").title, Catch::EndsWith("Behaviour and attitudes"));
  CHECK_THAT(find(rules, "000-3.10.6.enquiry.autumn").note, Catch::Contains("the rotation of areas"));
}

TEST_CASE("000 §5.2: the tier changes what is planned: the policy's [tier_support] activities for the school's tier") {
  Nexus n;
  auto s = school("2019-20/autumn");
  s.add({0, "qa_partner", "2019-20", std::nullopt, "Partner A", "", "partners.csv", 2, ""});
  auto for_tier = [&](const std::string& tier) {
    trellis::sdk::AssessmentOut out;
    out.level = tier;
    std::vector<ActivityRule> rules;
    REQUIRE(n.regime.plan(s, out, n.policy.view(), rules));
    return rules;
  };
  CHECK(with_prefix(for_tier("prevention"), "000-5.2.").empty());
  const auto early = with_prefix(for_tier("early_intervention"), "000-5.2.");
  REQUIRE(early.size() == 1);
  CHECK(early[0].cadence == Cadence::per_half_term);
  CHECK(contains(early[0].attendees, "Partner A (QA & Improvement partner)"));
  const auto formal_rules = for_tier("formal_intervention");
  const auto formal = with_prefix(formal_rules, "000-5.2.");
  REQUIRE(formal.size() == 1);
  CHECK(formal[0].id == "000-5.2.formal_intervention.monitoring");
  CHECK(formal[0].cadence == Cadence::monthly);
  CHECK(formal[0].title == "Formal Intervention: support and monitoring meeting");
  // Dated: a meeting each month of the year.
  const auto monthly = of_rule(plan(formal_rules, nexus::trust_rules(n.policy.view())), formal[0].id);
  CHECK(monthly.size() >= 10);
  std::set<std::string> months;
  for (auto& a : monthly) months.insert(a.start.to_string().substr(0, 7));
  CHECK(months.size() == monthly.size());
  // Everything else is the same calendar whatever the tier.
  CHECK(formal_rules.size() == for_tier("prevention").size() + 1);
}

TEST_CASE("000 §6.1: the Standards Committee reports on to the Board of Directors after each SPSB, a scheduled item") {
  Nexus n;
  const auto planned = plan({}, nexus::trust_rules(n.policy.view()));
  for (const std::string term : {"autumn", "spring", "summer"}) {
    INFO(term);
    const auto report = of_rule(planned, "000-6.1.standards-report." + term);
    const auto board = of_rule(planned, "000-6.1.directors-report." + term);
    REQUIRE(report.size() == 1);
    REQUIRE(board.size() == 1);
    REQUIRE(board[0].due);
    CHECK(*board[0].due > *report[0].due);
    CHECK(board[0].type == "report");
    CHECK(contains(board[0].attendees, "Board of Directors"));
  }
}

TEST_CASE("000 §3.10.9: an external professional joins the enquiry only while the school is within its Ofsted window") {
  Nexus n;
  auto s = school("2019-20/autumn");
  inspected(s, "2014-01-14", 2, "Good");  // over five years before: within the window
  auto rules = nexus::school_rules(s, n.policy.view());
  for (auto& e : with_prefix(rules, "000-3.10.6.enquiry.")) {
    CHECK(contains(e.attendees, "External professional (school within its Ofsted window)"));
    CHECK_THAT(e.note, Catch::Contains("Last inspected by Ofsted on 2014-01-14 (Good)") && Catch::Contains("within"));
  }
  auto recent = school("2019-20/autumn", 142769);
  inspected(recent, "2019-05-09", 1, "Outstanding");
  for (auto& e : with_prefix(nexus::school_rules(recent, n.policy.view()), "000-3.10.6.enquiry."))
    CHECK_FALSE(contains(e.attendees, "External professional (school within its Ofsted window)"));
}

TEST_CASE("000 §3.10.9: a school can enter its Ofsted window during the year") {
  Nexus n;
  auto s = school("2019-20/autumn");
  // Good on 2017-02-01: three years later is 2020-02-01, after spring starts, before summer.
  inspected(s, "2017-02-01", 2, "Good");
  auto rules = nexus::school_rules(s, n.policy.view());
  const std::string external = "External professional (school within its Ofsted window)";
  CHECK_FALSE(contains(find(rules, "000-3.10.6.enquiry.autumn").attendees, external));
  CHECK_FALSE(contains(find(rules, "000-3.10.6.enquiry.spring").attendees, external));
  CHECK(contains(find(rules, "000-3.10.6.enquiry.summer").attendees, external));
}

TEST_CASE("000 §3.10.2: the allocated partner is named: evidence first, then the policy's [partners]") {
  Nexus n;
  auto s = school("2019-20/autumn", 140170);
  CHECK(nexus::partner_of(s, n.policy.view()) == "QA & Improvement partner (not yet allocated)");
  OverridePolicy with_table(n.policy.view(), {{"partners.140170", std::string("Partner B (SYNTHETIC)")}});
  CHECK(nexus::partner_of(s, with_table) == "Partner B (SYNTHETIC)");
  s.add({0, "qa_partner", "2019-20", std::nullopt, "Partner C (SYNTHETIC)", "", "partners.csv", 3, ""});
  CHECK(nexus::partner_of(s, with_table) == "Partner C (SYNTHETIC)");
  const auto rules = nexus::school_rules(s, with_table);
  CHECK(find(rules, "000-3.10.5.planning-visit").attendees.front() == "Partner C (SYNTHETIC) (QA & Improvement partner)");
  CHECK(find(rules, "csif.msip_visit.autumn-2").attendees.front() == "Partner C (SYNTHETIC) (QA & Improvement partner)");
}

TEST_CASE("000 §3.7: a missing self-assessment is an overdue deadline before the SPSB, naming what is missing") {
  Nexus n;
  auto s = school("2019-20/spring");
  s.set_rating("curriculum", "self", "secure");
  const auto rules = nexus::school_rules(s, n.policy.view());
  const auto deadlines = with_prefix(rules, "000-3.7.self-assessment.");
  // Autumn was settled by its own assessment; spring is missing 15; summer is still to come.
  REQUIRE(deadlines.size() == 2);
  const auto& spring = find(rules, "000-3.7.self-assessment.spring");
  CHECK(spring.is_deadline);
  CHECK(spring.cadence == Cadence::before);
  CHECK(spring.anchor == nexus::spsb_rule("spring"));
  CHECK(spring.title == "Dashboard self-assessment incomplete: 15 of 16 indicators missing");
  CHECK(spring.documents.size() == 15);
  CHECK_FALSE(contains(spring.documents, "Broad, rich and personalised curriculum with a clear rationale"));
  CHECK(find(rules, "000-3.7.self-assessment.summer").title == "Dashboard self-assessment due to the SPSB");

  // Dated: ten school days before the spring SPSB, so past due once that day has gone.
  const auto planned = plan(rules, nexus::trust_rules(n.policy.view()));
  const auto due = of_rule(planned, "000-3.7.self-assessment.spring");
  const auto spsb = of_rule(planned, "000-3.11.spsb.spring");
  REQUIRE(due.size() == 1);
  REQUIRE(spsb.size() == 1);
  REQUIRE(due[0].due);
  trellis::AcademicCalendar cal;
  CHECK(cal.school_days_between(*due[0].due, spsb[0].start) == 10);
  CHECK(trellis::status_on(due[0], spsb[0].start) == "overdue");

  // A complete self-assessment leaves no deadline for the term.
  rate_all(s, n.policy.view(), "self", "secure");
  CHECK(with_prefix(nexus::school_rules(s, n.policy.view()), "000-3.7.self-assessment.spring").empty());
}

TEST_CASE("000 §3.8: a data drop each term with its due date; special schools report communication and cognition") {
  Nexus n;
  auto primary = school("2019-20");
  auto drops = with_prefix(nexus::school_rules(primary, n.policy.view()), "000-3.8.data.");
  REQUIRE(drops.size() == 3);
  CHECK(drops[0].window == "autumn-1");
  CHECK(drops[1].window == "spring-1");
  CHECK(drops[2].window == "summer-1");
  for (auto& d : drops) {
    CHECK(d.is_deadline);
    CHECK(d.documents.size() == 4);
    CHECK(contains(d.documents, "Behaviour, including categories of child-on-child abuse"));
    CHECK(contains(d.documents, "Safeguarding"));
    CHECK(d.documents.front() == "Tracking and outcomes data in reading, writing and maths");
  }
  auto special = school("2019-20", 142795, "Academy - Converter special school");
  auto special_drops = with_prefix(nexus::school_rules(special, n.policy.view()), "000-3.8.data.");
  CHECK_THAT(special_drops[0].documents.front(), Catch::Contains("communication and cognition"));
}

TEST_CASE("000 §3.9, §3.10.5: the Annual Board opens the year and each school's planning visit follows it") {
  Nexus n;
  auto s = school("2019-20/autumn");
  const auto planned = plan(nexus::school_rules(s, n.policy.view()), nexus::trust_rules(n.policy.view()));
  const auto ascb = of_rule(planned, nexus::kAscbRule);
  const auto visit = of_rule(planned, "000-3.10.5.planning-visit");
  REQUIRE(ascb.size() == 1);
  REQUIRE(visit.size() == 1);
  trellis::AcademicCalendar cal;
  CHECK(cal.year(2019).half_term(trellis::Term::autumn, 1).contains(ascb[0].start));
  CHECK(ascb[0].urn == std::nullopt);
  CHECK(visit[0].start >= ascb[0].start);
  CHECK(cal.school_days_between(ascb[0].end, visit[0].end) <= 15);
  const auto autumn_enquiry = of_rule(planned, "000-3.10.6.enquiry.autumn");
  REQUIRE(autumn_enquiry.size() == 1);
  CHECK(autumn_enquiry[0].start >= visit[0].start);
}

TEST_CASE("000 §3.10.11: the autumn enquiry is over before the QA Intelligence Sharing Forum, after the planning "
          "visit, so its feedback reaches the Forum and the SPSB") {
  Nexus n;
  auto s = school("2019-20/autumn");
  const auto planned = plan(nexus::school_rules(s, n.policy.view()), nexus::trust_rules(n.policy.view()));
  const auto enquiry = of_rule(planned, "000-3.10.6.enquiry.autumn");
  const auto forum = of_rule(planned, nexus::forum_rule("autumn"));
  const auto visit = of_rule(planned, "000-3.10.5.planning-visit");
  REQUIRE(enquiry.size() == 1);
  REQUIRE(forum.size() == 1);
  REQUIRE(visit.size() == 1);
  CHECK(trellis::deadline_of(enquiry[0]) < forum[0].start);
  trellis::AcademicCalendar cal;
  CHECK(cal.school_days_between(enquiry[0].end, forum[0].start) == 10);
  CHECK(enquiry[0].start > trellis::deadline_of(visit[0]));
  // Every term's enquiry comes before that term's Forum.
  for (const std::string term : {"spring", "summer"}) {
    INFO(term);
    CHECK(trellis::deadline_of(of_rule(planned, "000-3.10.6.enquiry." + term).at(0)) <
          of_rule(planned, nexus::forum_rule(term)).at(0).start);
  }
}

TEST_CASE("000 §3.11, §3.10.11, §6.1: each term a forum, then the SPSB, then the Standards Committee report") {
  Nexus n;
  const auto planned = plan({}, nexus::trust_rules(n.policy.view()));
  for (const std::string term : {"autumn", "spring", "summer"}) {
    INFO(term);
    const auto spsb = of_rule(planned, nexus::spsb_rule(term));
    const auto forum = of_rule(planned, "000-3.10.11.forum." + term);
    const auto report = of_rule(planned, "000-6.1.standards-report." + term);
    REQUIRE(spsb.size() == 1);
    REQUIRE(forum.size() == 1);
    REQUIRE(report.size() == 1);
    CHECK(forum[0].start < spsb[0].start);
    REQUIRE(report[0].due);
    CHECK(*report[0].due > spsb[0].start);
    CHECK(report[0].type == "report");
  }
  // The SPSB sits in the second half of each term.
  trellis::AcademicCalendar cal;
  CHECK(cal.year(2019).half_term(trellis::Term::spring, 2).contains(of_rule(planned, nexus::spsb_rule("spring"))[0].start));
}

TEST_CASE("CSIF calendar: each row in its half-terms, the school's rows per school and the networks trust-wide") {
  Nexus n;
  auto s = school("2019-20/autumn");
  const auto school_rows = with_prefix(nexus::school_rules(s, n.policy.view()), "csif.");
  const auto trust_rows = with_prefix(nexus::trust_rules(n.policy.view()), "csif.");
  std::map<std::string, std::vector<std::string>> when;
  for (auto& r : school_rows) when[r.title].push_back(r.window);
  CHECK(when["CEO / Lead Head / Headteacher supervision meeting"] ==
        std::vector<std::string>{"autumn-1", "spring-1", "summer-2"});
  CHECK(when["Safeguarding health check"] == std::vector<std::string>{"autumn-2", "summer-1"});
  CHECK(when["Attendance data"] == std::vector<std::string>{"autumn-2", "spring-2", "summer-2"});
  CHECK(find(school_rows, "csif.attendance_data.spring-2").is_deadline);
  std::set<std::string> trust_titles;
  for (auto& r : trust_rows) trust_titles.insert(r.title);
  CHECK(trust_titles == std::set<std::string>{"NQT network", "Behaviour lead network", "Assessment leads network",
                                              "ICFP and benchmarking", "Moderation groups"});
  for (auto& r : school_rows) CHECK_FALSE(trust_titles.count(r.title));
  // Dated, every row falls in its half-term.
  trellis::AcademicCalendar cal;
  for (auto& a : of_rule(plan(nexus::school_rules(s, n.policy.view()), nexus::trust_rules(n.policy.view())), "csif.")) {
    const std::string half = a.rule.substr(a.rule.rfind('.') + 1);
    const auto p = Period::parse("2019-20/" + half);
    CHECK(cal.year(2019).half_term(p.term(), p.half()).contains(a.start));
  }
}

TEST_CASE("000 §3.7, §3.10.5-3.10.6, §3.10.11, §6.1: visits, meetings and headteachers' deadlines count school days; "
          "the report to the Standards Committee counts working days") {
  Nexus n;
  auto s = school("2019-20/spring");
  const auto school_rules = nexus::school_rules(s, n.policy.view());
  const auto trust = nexus::trust_rules(n.policy.view());
  CHECK(find(school_rules, "000-3.10.5.planning-visit").offset_kind() == trellis::sdk::DayKind::school);
  CHECK(find(school_rules, "000-3.10.6.enquiry.autumn").offset_kind() == trellis::sdk::DayKind::school);
  CHECK(find(school_rules, "000-3.7.self-assessment.spring").offset_kind() == trellis::sdk::DayKind::school);
  CHECK(find(trust, "000-3.10.11.forum.spring").offset_kind() == trellis::sdk::DayKind::school);
  CHECK(find(trust, "000-6.1.standards-report.spring").offset_kind() == trellis::sdk::DayKind::working);

  // Dated: every visit and meeting on a school day; the report 15 working days after its SPSB.
  trellis::AcademicCalendar cal;
  const auto planned = plan(school_rules, trust);
  for (const char* rule : {"000-3.10.5.planning-visit", "000-3.10.6.enquiry.autumn", "000-3.10.11.forum."}) {
    for (auto& a : of_rule(planned, rule)) {
      INFO(a.rule << " " << a.start.to_string());
      CHECK(cal.is_school_day(a.end));
    }
  }
  for (const std::string term : {"autumn", "spring", "summer"}) {
    const auto spsb = of_rule(planned, nexus::spsb_rule(term));
    const auto report = of_rule(planned, "000-6.1.standards-report." + term);
    REQUIRE(spsb.size() == 1);
    REQUIRE(report.size() == 1);
    CHECK(cal.working_days_between(spsb[0].end, *report[0].due) == 15);
  }
}
