#include <catch2/catch.hpp>

#include "fake_policy.hpp"
#include "trellis/calendar.hpp"
#include "trellis/error.hpp"

using namespace trellis;
using test::FakePolicy;

namespace {

FakePolicy telford_2024_25() {
  FakePolicy p;
  p.set("policy.regime", std::string("some-regime"));
  p.dates("calendar.2024-25.autumn-1", {"2024-09-03", "2024-10-25"});
  p.dates("calendar.2024-25.autumn-2", {"2024-11-04", "2024-12-20"});
  p.dates("calendar.2024-25.spring-1", {"2025-01-06", "2025-02-14"});
  p.dates("calendar.2024-25.spring-2", {"2025-02-24", "2025-04-04"});
  p.dates("calendar.2024-25.summer-1", {"2025-04-22", "2025-05-23"});
  p.dates("calendar.2024-25.summer-2", {"2025-06-02", "2025-07-22"});
  p.dates("calendar.2024-25.closed", {"2025-01-06"});
  return p;
}

std::vector<std::string> paths(const std::vector<sdk::Diagnostic>& ds) {
  std::vector<std::string> out;
  for (const auto& d : ds) out.push_back(d.path);
  return out;
}

}  // namespace

TEST_CASE("a policy's [calendar] year is used; other years keep the default") {
  AcademicCalendar cal = calendar_from_policy(telford_2024_25(), "telford.toml");
  const AcademicYear& y = cal.year(2024);
  CHECK(y.source == "policy");
  CHECK(y.half_term(Term::spring, 2) == DateRange{Date::parse("2025-02-24"), Date::parse("2025-04-04")});
  CHECK_FALSE(cal.is_school_day(Date::parse("2024-09-02")));  // before this policy's term
  CHECK_FALSE(cal.is_school_day(Date::parse("2025-01-06")));  // closed
  CHECK(cal.is_school_day(Date::parse("2025-04-22")));        // Tuesday after Easter Monday: term
  CHECK(cal.is_school_day(Date::parse("2025-07-22")));
  // The office's working days do not follow the term dates.
  CHECK(cal.is_working_day(Date::parse("2024-09-02")));
  CHECK(cal.is_working_day(Date::parse("2025-01-06")));
  CHECK_FALSE(cal.is_working_day(Date::parse("2025-04-21")));  // Easter Monday
  // Its periods begin on their first school day.
  CHECK(cal.first_school_day(Period::parse("2024-25")) == Date::parse("2024-09-03"));
  CHECK(cal.span(Period::parse("2024-25/spring")).first == Date::parse("2025-01-07"));
  CHECK(cal.span(Period::parse("2024-25/spring")).last == Date::parse("2025-04-21"));
  CHECK(cal.year(2025).source == "default England pattern");
}

TEST_CASE("a policy without [calendar] gives the default pattern") {
  FakePolicy p;
  p.set("policy.regime", std::string("x"));
  AcademicCalendar cal = calendar_from_policy(p, "x.toml");
  CHECK(cal.year(2024).source == "default England pattern");
}

TEST_CASE("calendar problems are all reported, each naming its key") {
  FakePolicy p = telford_2024_25();
  p.dates("calendar.2024-25.autumn-2", {"2024-10-21", "2024-12-20"});  // overlaps autumn-1
  p.dates("calendar.2025-26.autumn-1", {"2025-09-01", "2025-13-01"});  // no such month
  p.dates("calendar.2025-26.autumn-2", {"2025-11-03"});                // one date
  p.set("calendar.2025-26.spring-1", std::string("soon"));             // not an array
  p.dates("calendar.2025-26.winter-1", {"2026-01-05", "2026-02-13"});  // unknown key
  p.dates("calendar.2024-26.autumn-1", {"2024-09-02", "2024-10-25"});  // not a year
  AcademicCalendar cal;
  auto problems = read_calendar(p, cal);
  const auto got = paths(problems);
  CHECK(got == std::vector<std::string>{
                   "calendar.2024-25.autumn-2",
                   "calendar.2025-26.winter-1",
                   "calendar.2025-26.autumn-1",
                   "calendar.2025-26.autumn-2",
                   "calendar.2025-26.spring-1",
                   "calendar.2025-26.spring-2",  // missing
                   "calendar.2025-26.summer-1",
                   "calendar.2025-26.summer-2",
                   "calendar.2024-26",
               });
  CHECK_THAT(problems[0].message, Catch::Contains("autumn-1") && Catch::Contains("overlap"));
  CHECK_THAT(problems[2].message, Catch::Contains("2025-13-01"));
  CHECK_THAT(problems[3].message, Catch::Contains("two dates"));
  CHECK_THAT(problems[4].message, Catch::Contains("\"soon\""));
  CHECK_THAT(problems[5].message, Catch::Contains("missing"));
  CHECK_THAT(problems.back().message, Catch::Contains("2024-26"));
  // Nothing unsound was applied.
  CHECK(cal.year(2024).source == "default England pattern");

  CHECK_THROWS_AS(calendar_from_policy(p, "policies/t.toml"), InputError);
  CHECK_THROWS_WITH(calendar_from_policy(p, "policies/t.toml"),
                    Catch::StartsWith("policies/t.toml: calendar.2024-25.autumn-2:") &&
                        Catch::Contains("calendar.2024-26"));
}

TEST_CASE("half-terms outside the academic year are refused") {
  FakePolicy p = telford_2024_25();
  p.dates("calendar.2024-25.autumn-1", {"2024-08-28", "2024-10-25"});
  AcademicCalendar cal;
  auto problems = read_calendar(p, cal);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].path == "calendar.2024-25.autumn-1");
  CHECK_THAT(problems[0].message, Catch::Contains("2024-09-01 to 2025-08-31"));
}

TEST_CASE("an array holding something other than dates is refused") {
  FakePolicy p = telford_2024_25();
  p.dates("calendar.2024-25.closed", {"2025-01-06", "INSET"});
  AcademicCalendar cal;
  auto problems = read_calendar(p, cal);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].path == "calendar.2024-25.closed");
  CHECK_THAT(problems[0].message, Catch::Contains("\"INSET\""));
}
