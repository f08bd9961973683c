// What a rule's offset counts (sdk::DayKind) and which days spread rules may
// use: visits and meetings on school days; deadlines in calendar, working
// (the office's, all year) or school days, as the rule says.
#include <catch2/catch.hpp>

#include "rules.hpp"

using namespace trellis;
using namespace trellis::test;
using sdk::Cadence;
using sdk::DayKind;

namespace {

const Period kYear = Period::parse("2024-25");
Date D(const char* s) { return Date::parse(s); }

sdk::ActivityRule counted(const std::string& id, Cadence c, const std::string& anchor, int days, DayKind kind) {
  auto r = anchored_rule(id, c, anchor, days, false, true);
  r.day_kind = kind;
  return r;
}

Date due_of(const std::vector<Activity>& plan, const std::string& rule) { return *of_rule(plan, rule).at(0).due; }

}  // namespace

TEST_CASE("s8: minutes within seven working days across half-term") {
  // A meeting on Thursday 22 May 2025; May half-term is 26-30 May and Monday
  // 26 May is the spring bank holiday. The LA's officers work in half-term.
  AcademicCalendar cal;
  auto legacy = anchored_rule("legacy", Cadence::after, "meeting", 7, true, true);  // SDK 1.0's working_days
  const auto p = plan_year(cal, "la", kYear,
                           {{100001, std::nullopt,
                             {dated_rule("meeting", "2025-05-22"),
                              counted("working", Cadence::after, "meeting", 7, DayKind::working),
                              counted("school", Cadence::after, "meeting", 7, DayKind::school),
                              counted("calendar", Cadence::after, "meeting", 7, DayKind::calendar), legacy}}});
  CHECK(due_of(p, "working") == D("2025-06-03"));   // not 9 June
  CHECK(due_of(p, "legacy") == D("2025-06-03"));    // working_days = true means the same
  CHECK(due_of(p, "school") == D("2025-06-09"));    // term time only
  CHECK(due_of(p, "calendar") == D("2025-05-29"));  // a Thursday in half-term is a working day
}

TEST_CASE("calendar days land on the nearest working day: earlier before an event, later after it") {
  AcademicCalendar cal;
  const auto p = plan_year(cal, "la", kYear,
                           {{100002, std::nullopt,
                             {dated_rule("meeting", "2025-05-02"), dated_rule("visit", "2025-05-23"),
                              counted("agenda", Cadence::before, "meeting", 14, DayKind::calendar),
                              counted("note", Cadence::after, "visit", 3, DayKind::calendar),
                              counted("papers", Cadence::before, "meeting", 5, DayKind::school)}}});
  CHECK(due_of(p, "agenda") == D("2025-04-17"));  // 18 April is Good Friday
  CHECK(due_of(p, "note") == D("2025-05-27"));    // 26 May is the spring bank holiday
  CHECK(due_of(p, "papers") == D("2025-04-11"));  // 1 May back to 28 April, then over the Easter holiday
}

TEST_CASE("a closure day counts as a working day, not a school day") {
  AcademicCalendar cal;
  AcademicYear y = default_england_year(2024);
  y.source = "policy";
  y.closed = {D("2025-06-02"), D("2025-06-03")};  // INSET days opening summer-2
  cal.set_year(y);
  const auto p = plan_year(cal, "la", kYear,
                           {{100003, std::nullopt,
                             {dated_rule("meeting", "2025-05-22"),
                              counted("working", Cadence::after, "meeting", 7, DayKind::working),
                              counted("school", Cadence::after, "meeting", 7, DayKind::school)}}});
  CHECK(due_of(p, "working") == D("2025-06-03"));
  CHECK(due_of(p, "school") == D("2025-06-11"));  // 23 May, then 4-6 and 9-11 June
}

TEST_CASE("visits and meetings spread over a window fall on school days only") {
  AcademicCalendar cal;
  AcademicYear y = default_england_year(2024);
  y.source = "policy";
  y.closed = {D("2024-09-02"), D("2025-01-06"), D("2025-04-28"), D("2025-06-02")};
  cal.set_year(y);
  auto visits = spread_rule("visit", Cadence::per_half_term, 8);
  auto meetings = spread_rule("meeting", Cadence::monthly);
  meetings.type = "meeting";
  auto window = spread_rule("returns", Cadence::per_term);
  window.is_deadline = true;
  const auto p = plan_year(cal, "la", kYear, {{100004, std::nullopt, {visits, meetings, window}}});
  REQUIRE(of_rule(p, "visit").size() == 48);
  for (const auto& a : p) {
    INFO(a.rule << " " << a.start.to_string() << " " << a.end.to_string());
    CHECK(cal.is_school_day(a.start));
    CHECK(cal.is_school_day(a.end));
  }
  // No school days in August: eleven monthly meetings.
  CHECK(of_rule(p, "meeting").size() == 11);
  // A term's window opens on its first school day.
  CHECK(of_rule(p, "returns").at(0).start == D("2024-09-03"));
}
