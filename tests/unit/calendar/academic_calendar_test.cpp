#include <catch2/catch.hpp>

#include "trellis/calendar.hpp"
#include "trellis/error.hpp"

using namespace trellis;

namespace {

Date D(const char* s) { return Date::parse(s); }

std::vector<std::string> halves(const AcademicYear& y) {
  std::vector<std::string> out;
  for (const auto& r : y.half_terms) out.push_back(r.first.to_string() + ".." + r.last.to_string());
  return out;
}

}  // namespace

TEST_CASE("the default England pattern for 2024-25") {
  const AcademicYear y = default_england_year(2024);
  CHECK(y.source == "default England pattern");
  CHECK(halves(y) == std::vector<std::string>{
                         "2024-09-02..2024-10-25",  // October half-term: the week of Monday 28
                         "2024-11-04..2024-12-20",
                         "2025-01-06..2025-02-14",  // February half-term: the week of Monday 17
                         "2025-02-24..2025-04-11",  // Easter holiday: 14 to 25 April around Easter 20 April
                         "2025-04-28..2025-05-23",  // May half-term: the week of the 26 May bank holiday
                         "2025-06-02..2025-07-18",
                     });
  CHECK(y.term(Term::spring) == DateRange{D("2025-01-06"), D("2025-04-11")});
  CHECK(y.span() == DateRange{D("2024-09-02"), D("2025-07-18")});
}

TEST_CASE("the default pattern follows moved bank holidays: 2021-22 and the Platinum Jubilee") {
  const AcademicYear y = default_england_year(2021);
  CHECK(halves(y) == std::vector<std::string>{
                         "2021-09-02..2021-10-22",
                         "2021-11-01..2021-12-20",
                         "2022-01-03..2022-02-11",  // starts on the New Year substitute day, which is not a working day
                         "2022-02-21..2022-04-08",
                         "2022-04-25..2022-05-27",
                         "2022-06-06..2022-07-20",  // half-term 30 May to 3 June, around the Thursday bank holiday
                     });
}

TEST_CASE("default years are sound for a century and a half") {
  for (int y = 1980; y <= 2130; ++y) {
    const AcademicYear a = default_england_year(y);
    INFO(a.start_year);
    REQUIRE(a.problems().empty());
    for (const auto& r : a.half_terms) {
      REQUIRE(r.first.weekday() != Weekday::saturday);
      REQUIRE(r.last - r.first >= 18);  // at least four weeks in every half-term
    }
  }
}

TEST_CASE("working days skip weekends, bank holidays in term and school holidays") {
  AcademicCalendar cal;
  CHECK(cal.is_working_day(D("2025-05-22")));
  CHECK_FALSE(cal.is_working_day(D("2025-05-24")));  // Saturday
  CHECK_FALSE(cal.is_working_day(D("2025-05-05")));  // early May bank holiday, in term
  CHECK_FALSE(cal.is_working_day(D("2024-10-28")));  // October half-term
  CHECK_FALSE(cal.is_working_day(D("2025-04-15")));  // Easter holiday
  CHECK_FALSE(cal.is_working_day(D("2025-08-12")));  // summer holiday
  CHECK(cal.in_term(D("2025-05-17")));  // a Saturday in term
  CHECK_FALSE(cal.in_term(D("2025-05-05")));
  CHECK_FALSE(cal.in_term(D("2025-08-12")));

  // s8: minutes within seven working days of a meeting just before the late-May bank holiday.
  CHECK(cal.add_working_days(D("2025-05-22"), 7).to_string() == "2025-06-09");
  CHECK(cal.working_days_between(D("2025-05-22"), D("2025-06-09")) == 7);
  CHECK(cal.working_days_between(D("2025-06-09"), D("2025-05-22")) == -7);
  CHECK(cal.working_days_between(D("2025-06-09"), D("2025-06-09")) == 0);
  // Backwards over the Easter holiday.
  CHECK(cal.add_working_days(D("2025-04-29"), -7).to_string() == "2025-04-04");
  CHECK(cal.add_working_days(D("2025-04-29"), 0).to_string() == "2025-04-29");
  // Over the summer into the next academic year (which starts Tuesday 2 September 2025).
  CHECK(cal.add_working_days(D("2025-07-17"), 3).to_string() == "2025-09-03");
  CHECK(cal.working_day_on_or_before(D("2025-04-22")).to_string() == "2025-04-11");
  CHECK(cal.working_day_on_or_after(D("2025-04-22")).to_string() == "2025-04-28");
  CHECK(cal.working_days({D("2025-08-01"), D("2025-08-31")}).empty());
  CHECK(cal.working_days({D("2025-05-19"), D("2025-06-03")}).size() == 7);  // 19-23 May, 2-3 June
}

TEST_CASE("a period's half-terms") {
  AcademicCalendar cal;
  CHECK(cal.ranges(Period::parse("2024-25")).size() == 6);
  auto spring = cal.ranges(Period::parse("2024-25/spring"));
  REQUIRE(spring.size() == 2);
  CHECK(spring[1] == DateRange{D("2025-02-24"), D("2025-04-11")});
  CHECK(cal.ranges(Period::parse("2024-25/summer-1")) == std::vector<DateRange>{{D("2025-04-28"), D("2025-05-23")}});
}

TEST_CASE("a year set on the calendar replaces the default, closures included") {
  AcademicCalendar cal;
  AcademicYear y = default_england_year(2024);
  y.source = "policy";
  y.half_terms[5].last = D("2025-07-22");
  y.closed = {D("2025-06-02")};  // an INSET day
  cal.set_year(y);
  CHECK(cal.year(2024).source == "policy");
  CHECK(cal.is_working_day(D("2025-07-22")));
  CHECK_FALSE(cal.is_working_day(D("2025-06-02")));
  CHECK(cal.is_working_day(D("2025-06-03")));
  CHECK(cal.year(2025).source == "default England pattern");

  AcademicYear bad = default_england_year(2025);
  bad.half_terms[1].first = bad.half_terms[0].last;  // overlaps autumn-1
  bad.half_terms[5].last = D("2026-09-03");          // beyond the academic year
  bad.closed = {D("2025-12-25")};                    // in the Christmas holiday, not term time
  auto problems = bad.problems();
  REQUIRE(problems.size() == 3);
  CHECK(problems[0].path == "autumn-2");
  CHECK_THAT(problems[0].message, Catch::Contains("autumn-1"));
  CHECK(problems[1].path == "summer-2");
  CHECK_THAT(problems[1].message, Catch::Contains("2025-26"));
  CHECK(problems[2].path == "closed");
  CHECK_THROWS_AS(cal.set_year(bad), UsageError);
  CHECK(cal.year(2025).source == "default England pattern");  // unchanged after the refusal
}
