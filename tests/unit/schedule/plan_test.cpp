// The scheduler against the kinds of rule the four regimes' documents contain.
// Regime rules are written here as a plugin would write them; the kernel knows none.
#include <catch2/catch.hpp>
#include <map>
#include <set>

#include "rules.hpp"
#include "trellis/error.hpp"

using namespace trellis;
using namespace trellis::test;
using sdk::Cadence;

namespace {

const Period kYear = Period::parse("2024-25");
Date D(const char* s) { return Date::parse(s); }

std::vector<Activity> plan(const std::vector<RuleSet>& sets) {
  AcademicCalendar cal;  // 2024-25 follows the default England pattern (see academic_calendar_test)
  return plan_year(cal, "la", kYear, sets);
}

}  // namespace

TEST_CASE("s7 yellow: a termly visit for each of 50 schools, one in each term, spread across days") {
  AcademicCalendar cal;
  std::vector<RuleSet> sets;
  for (std::int64_t urn = 123400; urn < 123450; ++urn)
    sets.push_back({urn, urn * 10, {spread_rule("s7.visit", Cadence::per_term)}});
  const auto p = plan_year(cal, "la", kYear, sets);
  REQUIRE(p.size() == 150);
  std::map<Date, int> autumn_days;
  for (std::int64_t urn = 123400; urn < 123450; ++urn) {
    const auto mine = of_school(p, urn);
    REQUIRE(mine.size() == 3);
    const Term terms[] = {Term::autumn, Term::spring, Term::summer};
    for (int t = 0; t < 3; ++t) {
      const Activity& a = mine[static_cast<std::size_t>(t)];
      CHECK(cal.year(2024).term(terms[t]).contains(a.start));
      CHECK(cal.is_working_day(a.start));
      CHECK(a.start == a.end);
      CHECK_FALSE(a.due);
      CHECK(a.assessment_id == urn * 10);
      CHECK(a.year == "2024-25");
    }
    ++autumn_days[mine[0].start];
  }
  CHECK(autumn_days.size() >= 20);  // fifty schools do not crowd onto a few days
  int busiest = 0;
  for (auto& [d, n] : autumn_days) busiest = std::max(busiest, n);
  CHECK(busiest <= 5);
}

TEST_CASE("s7 amber: two visits a term fall in different halves of the term") {
  AcademicCalendar cal;
  const auto p = plan({{100001, std::nullopt, {spread_rule("s7.visit", Cadence::per_term, 2)}}});
  REQUIRE(p.size() == 6);
  for (int t = 0; t < 3; ++t) {
    const Term term = static_cast<Term>(t);
    const auto days = cal.school_days(cal.year(2024).term(term));
    const Date first = p[static_cast<std::size_t>(2 * t)].start, second = p[static_cast<std::size_t>(2 * t + 1)].start;
    const auto half = static_cast<int>(days.size() / 2);
    CHECK(first < days[days.size() / 2]);
    CHECK(second >= days[days.size() / 2]);
    CHECK(cal.school_days_between(first, second) >= half - 1);
    CHECK(cal.school_days_between(first, second) <= half + 1);
  }
}

TEST_CASE("s7 green: two visits a year, half a year of school days apart") {
  AcademicCalendar cal;
  const auto p = plan({{100002, std::nullopt, {spread_rule("s7.visit", Cadence::per_year, 2)}}});
  REQUIRE(p.size() == 2);
  int year_days = 0;
  for (const auto& r : cal.year(2024).half_terms) year_days += static_cast<int>(cal.school_days(r).size());
  CHECK(std::abs(cal.school_days_between(p[0].start, p[1].start) - year_days / 2) <= 1);
}

TEST_CASE("Nexus: the body's QA calendar by half-term sits mid-way through each half-term") {
  const auto p = plan({{std::nullopt, std::nullopt, {spread_rule("qa.review", Cadence::per_half_term)}}});
  std::vector<std::string> got;
  for (const auto& a : p) got.push_back(a.start.to_string());
  // Hand-counted: the middle working day of each half-term, 5 May bank holiday excluded.
  CHECK(got == std::vector<std::string>{"2024-09-30", "2024-11-27", "2025-01-27", "2025-03-19", "2025-05-12",
                                        "2025-06-25"});
  for (const auto& a : p) CHECK_FALSE(a.urn);
}

TEST_CASE("Heart of Mercia: SAR validation in the second half of the autumn term") {
  AcademicCalendar cal;
  auto deadline = spread_rule("sar.validation", Cadence::in_half_term, 1, "autumn-2");
  deadline.is_deadline = true;
  auto visit = spread_rule("sar.visit", Cadence::in_half_term, 1, "autumn-2");
  const auto p = plan({{100003, std::nullopt, {deadline, visit}}});
  const auto d = of_rule(p, "sar.validation");
  REQUIRE(d.size() == 1);
  CHECK(d[0].start == D("2024-11-04"));
  CHECK(d[0].due == D("2024-12-20"));
  CHECK(d[0].end == D("2024-12-20"));
  const auto v = of_rule(p, "sar.visit");
  REQUIRE(v.size() == 1);
  CHECK(cal.year(2024).half_term(Term::autumn, 2).contains(v[0].start));
}

TEST_CASE("windows narrow cadences to a term, and a full period name works too") {
  const auto p = plan({{100004, std::nullopt,
                        {spread_rule("a", Cadence::per_half_term, 1, "spring"),
                         spread_rule("b", Cadence::per_year, 1, "2024-25/summer-1")}}});
  const auto a = of_rule(p, "a");
  REQUIRE(a.size() == 2);
  CHECK(a[0].start >= D("2025-01-06"));
  CHECK(a[0].start <= D("2025-02-14"));
  CHECK(a[1].start >= D("2025-02-24"));
  CHECK(a[1].start <= D("2025-04-11"));
  const auto b = of_rule(p, "b");
  REQUIRE(b.size() == 1);
  CHECK(b[0].start >= D("2025-04-28"));
  CHECK(b[0].start <= D("2025-05-23"));
}

TEST_CASE("Focus-Trust: a monthly Task Group while formal intervention lasts, term time only") {
  AcademicCalendar cal;
  auto task_group = spread_rule("intervention.task-group", Cadence::monthly);
  task_group.from = "2024-11-12";
  task_group.to = "2025-03-31";
  const auto p = plan({{100005, std::nullopt, {task_group}}});
  REQUIRE(p.size() == 5);
  const int months[] = {11, 12, 1, 2, 3};
  for (std::size_t i = 0; i < p.size(); ++i) {
    CHECK(p[i].start.month() == months[i]);
    CHECK(cal.is_working_day(p[i].start));
    CHECK(p[i].start >= D("2024-11-12"));
    CHECK(p[i].start <= D("2025-03-31"));
  }
  // Without limits: every month with term time, so not August.
  const auto year = plan({{100005, std::nullopt, {spread_rule("tg", Cadence::monthly)}}});
  CHECK(year.size() == 11);
  for (const auto& a : year) CHECK(a.start.month() != 8);
}

TEST_CASE("s8: agenda two weeks before, papers seven days before, minutes within seven working days, "
          "around the late-May bank holiday and half-term") {
  auto meeting = dated_rule("s8.meeting", "2025-05-22");
  meeting.title = "Monitoring and support meeting";
  const auto p = plan({{100006, std::nullopt,
                        {meeting, anchored_rule("s8.agenda", Cadence::before, "s8.meeting", 14, false, true),
                         anchored_rule("s8.papers", Cadence::before, "s8.meeting", 7, false, true),
                         anchored_rule("s8.minutes", Cadence::after, "s8.meeting", 7, true, true)}}});
  REQUIRE(p.size() == 4);
  const auto agenda = of_rule(p, "s8.agenda").at(0);
  CHECK(agenda.due == D("2025-05-08"));
  CHECK(agenda.title == "s8.agenda title (meeting on 2025-05-22)");
  CHECK(of_rule(p, "s8.papers").at(0).due == D("2025-05-15"));
  const auto minutes = of_rule(p, "s8.minutes").at(0);
  CHECK(minutes.start == D("2025-05-22"));
  CHECK(minutes.due == D("2025-06-03"));  // 23 May, 27-30 May (half-term: the office works), 2-3 June
  CHECK(minutes.end == D("2025-06-03"));
}

TEST_CASE("s8 around Easter: agenda and papers may fall in the holiday, which the office works") {
  const auto p = plan({{100007, std::nullopt,
                        {dated_rule("s8.meeting", "2025-04-29"),
                         anchored_rule("s8.agenda", Cadence::before, "s8.meeting", 14, false, true),
                         anchored_rule("s8.papers", Cadence::before, "s8.meeting", 7, false, true),
                         anchored_rule("s8.minutes", Cadence::after, "s8.meeting", 7, true, true)}}});
  CHECK(of_rule(p, "s8.agenda").at(0).due == D("2025-04-15"));  // in the Easter holiday: a working day
  CHECK(of_rule(p, "s8.papers").at(0).due == D("2025-04-22"));  // the day after Easter Monday
  CHECK(of_rule(p, "s8.minutes").at(0).due == D("2025-05-09"));  // skips the 5 May bank holiday
}

TEST_CASE("s8: each termly meeting gets its own agenda, papers and minutes") {
  AcademicCalendar cal;
  const auto p = plan({{100008, std::nullopt,
                        {spread_rule("s8.meeting", Cadence::per_term),
                         anchored_rule("s8.agenda", Cadence::before, "s8.meeting", 14, false, true),
                         anchored_rule("s8.minutes", Cadence::after, "s8.meeting", 7, true, true)}}});
  const auto meetings = of_rule(p, "s8.meeting"), agendas = of_rule(p, "s8.agenda"),
             minutes = of_rule(p, "s8.minutes");
  REQUIRE(meetings.size() == 3);
  REQUIRE(agendas.size() == 3);
  REQUIRE(minutes.size() == 3);
  for (std::size_t i = 0; i < 3; ++i) {
    CHECK(agendas[i].due == cal.working_day_on_or_before(meetings[i].start - 14));
    CHECK(minutes[i].due == cal.add_working_days(meetings[i].start, 7));
    CHECK(agendas[i].uid != minutes[i].uid);
  }
}

TEST_CASE("s8: termly meetings leave room in their term for the agenda before and the minutes after") {
  AcademicCalendar cal;
  std::vector<RuleSet> sets;
  for (std::int64_t urn = 400000; urn < 400040; ++urn)
    sets.push_back({urn, std::nullopt,
                    {spread_rule("s8.meeting", Cadence::per_term),
                     anchored_rule("s8.agenda", Cadence::before, "s8.meeting", 14, false, true),
                     anchored_rule("s8.minutes", Cadence::after, "s8.meeting", 7, true, true)}});
  const auto p = plan(sets);
  const AcademicYear& y = cal.year(2024);
  auto term_of = [&](Date d) {
    for (Term t : {Term::autumn, Term::spring, Term::summer})
      if (y.term(t).contains(d)) return static_cast<int>(t);
    return -1;
  };
  for (std::int64_t urn = 400000; urn < 400040; ++urn) {
    const auto mine = of_school(p, urn);
    const auto meetings = of_rule(mine, "s8.meeting"), agendas = of_rule(mine, "s8.agenda"),
               minutes = of_rule(mine, "s8.minutes");
    REQUIRE(meetings.size() == 3);
    REQUIRE(agendas.size() == 3);
    REQUIRE(minutes.size() == 3);
    for (std::size_t t = 0; t < 3; ++t) {
      INFO("school " << urn << ", meeting " << meetings[t].start.to_string());
      CHECK(term_of(meetings[t].start) == static_cast<int>(t));
      CHECK(term_of(*agendas[t].due) == static_cast<int>(t));
      CHECK(term_of(*minutes[t].due) == static_cast<int>(t));
    }
  }
}

TEST_CASE("Focus-Trust: Note of Visit to the Principal within three days, to the Trust within a week") {
  const auto p = plan({{100009, std::nullopt,
                        {dated_rule("visit", "2025-03-06"),
                         anchored_rule("nov.principal", Cadence::after, "visit", 3, false, true),
                         anchored_rule("nov.trust", Cadence::within, "visit", 7, false, true)}}});
  const auto principal = of_rule(p, "nov.principal").at(0);
  CHECK(principal.due == D("2025-03-10"));  // Sunday 9 March: due the next working day
  const auto trust = of_rule(p, "nov.trust").at(0);
  CHECK(trust.start == D("2025-03-06"));
  CHECK(trust.due == D("2025-03-13"));
}

TEST_CASE("within a number of working days of a fixed event, straddling Easter") {
  auto notice = anchored_rule("notice.response", Cadence::within, "", 10, true, true);
  notice.anchor_date = "2025-04-07";
  const auto p = plan({{100010, std::nullopt, {notice}}});
  REQUIRE(p.size() == 1);
  CHECK(p[0].start == D("2025-04-07"));
  CHECK(p[0].due == D("2025-04-23"));  // 8-11, 14-17, 22-23 April: only Good Friday and Easter Monday are off
}

TEST_CASE("a spread window straddling Easter uses no holiday day") {
  AcademicCalendar cal;
  auto r = spread_rule("visit", Cadence::per_year, 3);
  r.from = "2025-03-24";
  r.to = "2025-05-16";
  const auto p = plan({{100011, std::nullopt, {r}}});
  REQUIRE(p.size() == 3);
  for (const auto& a : p) {
    CHECK(cal.is_working_day(a.start));
    CHECK_FALSE((a.start >= D("2025-04-12") && a.start <= D("2025-04-27")));
  }
  CHECK(p[0].start < D("2025-04-12"));  // the first third is before Easter
  CHECK(p[2].start > D("2025-04-27"));  // the last after
}

TEST_CASE("on_date: an event or a deadline on the day, nothing outside the year") {
  const auto p = plan({{std::nullopt, std::nullopt,
                        {dated_rule("board", "2025-03-12"), dated_rule("return", "2025-06-30", true),
                         dated_rule("old", "2024-08-31"), dated_rule("next", "2025-09-01")}}});
  REQUIRE(p.size() == 2);
  CHECK(p[0].start == D("2025-03-12"));
  CHECK_FALSE(p[0].due);
  CHECK(p[1].due == D("2025-06-30"));
}

TEST_CASE("a school's rule may anchor on a body-wide rule") {
  auto report = anchored_rule("board.report", Cadence::before, "board", 10, true, true);
  AcademicCalendar cal;
  const auto p = plan({{101, std::nullopt, {report}},
                       {std::nullopt, std::nullopt, {spread_rule("board", Cadence::per_term)}},
                       {102, std::nullopt, {report}}});
  const auto boards = of_rule(p, "board");
  REQUIRE(boards.size() == 3);
  for (std::int64_t urn : {101, 102}) {
    const auto reports = of_rule(of_school(p, urn), "board.report");
    REQUIRE(reports.size() == 3);
    for (std::size_t i = 0; i < 3; ++i) CHECK(reports[i].due == cal.add_working_days(boards[i].start, -10));
  }
}

TEST_CASE("a school's events keep to separate days while the window has room") {
  const auto p = plan({{100012, std::nullopt,
                        {spread_rule("a", Cadence::per_year, 20, "autumn-1"),
                         spread_rule("b", Cadence::per_year, 20, "autumn-1")}}});
  REQUIRE(p.size() == 40);
  std::set<Date> days;
  for (const auto& a : p) days.insert(a.start);
  CHECK(days.size() == 40);  // autumn-1 has exactly 40 working days
}

TEST_CASE("attendees, documents and type come from the rule") {
  auto r = spread_rule("visit", Cadence::per_year);
  r.type = "visit";
  r.attendees = {"LA quality assurance lead", "headteacher"};
  r.documents = {"school development plan"};
  const auto p = plan({{100013, 7, {r}}});
  REQUIRE(p.size() == 1);
  CHECK(p[0].attendees == r.attendees);
  CHECK(p[0].documents == r.documents);
  CHECK(p[0].type == "visit");
  CHECK(p[0].body == "la");
  CHECK(p[0].assessment_id == 7);
}

TEST_CASE("the same input gives the same plan, byte for byte, whatever the order of schools") {
  std::vector<RuleSet> sets;
  for (std::int64_t urn = 200000; urn < 200030; ++urn)
    sets.push_back({urn, std::nullopt,
                    {spread_rule("visit", Cadence::per_term, 2), spread_rule("meeting", Cadence::per_term),
                     anchored_rule("agenda", Cadence::before, "meeting", 14, false, true),
                     anchored_rule("minutes", Cadence::after, "meeting", 7, true, true),
                     spread_rule("tg", Cadence::monthly)}});
  sets.push_back({std::nullopt, std::nullopt, {spread_rule("board", Cadence::per_half_term)}});
  const std::string first = dump(plan(sets));
  CHECK(first == dump(plan(sets)));
  std::reverse(sets.begin(), sets.end());
  CHECK(first == dump(plan(sets)));
  CHECK(first.size() > 10000);
}

TEST_CASE("UIDs are unique, and stable for the same body, school, rule, year and occurrence") {
  const auto yellow = plan({{300001, std::nullopt, {spread_rule("visit", Cadence::per_term, 1)}}});
  const auto amber = plan({{300001, std::nullopt, {spread_rule("visit", Cadence::per_term, 2)}}});
  std::set<std::string> uids;
  for (const auto& a : amber) uids.insert(a.uid);
  CHECK(uids.size() == amber.size());
  CHECK(yellow[0].uid == amber[0].uid);  // occurrence 0 of the same rule
  CHECK(yellow[0].uid == activity_uid("la", 300001, "visit", "2024-25", 0));
  CHECK(activity_uid("la", 300001, "visit", "2024-25", 0) != activity_uid("la", 300002, "visit", "2024-25", 0));
  CHECK(activity_uid("la", 300001, "visit", "2024-25", 0) != activity_uid("la2", 300001, "visit", "2024-25", 0));
  CHECK(activity_uid("la", 300001, "visit", "2024-25", 0) != activity_uid("la", 300001, "visit", "2025-26", 0));
  CHECK(activity_uid("la", std::nullopt, "visit", "2024-25", 0) != activity_uid("la", 300001, "visit", "2024-25", 0));
  CHECK_THAT(yellow[0].uid, Catch::EndsWith("@trellis"));
}

TEST_CASE("unusable rules are refused, naming the rule and the school") {
  auto refused = [](std::vector<sdk::ActivityRule> rules, const std::string& words) {
    INFO(words);
    CHECK_THROWS_AS(plan({{123456, std::nullopt, rules}}), InputError);
    CHECK_THROWS_WITH(plan({{123456, std::nullopt, rules}}), Catch::Contains("school 123456") && Catch::Contains(words));
  };
  refused({anchored_rule("minutes", Cadence::after, "meeting", 7, true, true)}, "\"meeting\"");
  refused({anchored_rule("a", Cadence::after, "b", 1, false, false), anchored_rule("b", Cadence::before, "a", 1, false, false)},
          "back to itself");
  refused({spread_rule("v", Cadence::per_term, 1, "winter")}, "winter");
  refused({spread_rule("v", Cadence::per_term, 1, "2023-24/autumn")}, "2023-24/autumn");
  refused({spread_rule("v", Cadence::per_term, 0)}, "count");
  refused({spread_rule("v", Cadence::per_term), spread_rule("v", Cadence::per_year)}, "\"v\"");
  refused({dated_rule("d", "2025-02-30")}, "2025-02-30");
  refused({spread_rule("h", Cadence::in_half_term)}, "window");
  refused({anchored_rule("b", Cadence::before, "", 3, false, false)}, "anchor");
  auto both = anchored_rule("w", Cadence::within, "x", 3, false, true);
  both.anchor_date = "2025-01-01";
  refused({both, spread_rule("x", Cadence::per_year)}, "not both");
  auto backwards = spread_rule("m", Cadence::monthly);
  backwards.from = "2025-03-01";
  backwards.to = "2025-01-01";
  refused({backwards}, "before `from`");
  auto negative = anchored_rule("n", Cadence::after, "x", -2, false, false);
  refused({negative, spread_rule("x", Cadence::per_year)}, "offset_days");
  CHECK_THROWS_AS(plan_year(AcademicCalendar{}, "la", Period::parse("2024-25/autumn"), {}), UsageError);
}
