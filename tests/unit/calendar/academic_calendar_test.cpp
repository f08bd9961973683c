#include <catch2/catch.hpp>
#include <stdexcept>

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

TEST_CASE("working days run through half-term and the summer holiday but skip weekends and bank holidays") {
  AcademicCalendar cal;
  CHECK(cal.is_working_day(D("2025-05-22")));
  CHECK_FALSE(cal.is_working_day(D("2025-05-24")));  // Saturday
  CHECK_FALSE(cal.is_working_day(D("2025-05-05")));  // early May bank holiday, in term
  CHECK_FALSE(cal.is_working_day(D("2025-05-26")));  // spring bank holiday, in half-term
  CHECK_FALSE(cal.is_working_day(D("2025-08-25")));  // summer bank holiday, in the summer holiday
  CHECK_FALSE(cal.is_working_day(D("2024-12-25")));
  CHECK(cal.is_working_day(D("2024-10-28")));  // October half-term: the office works
  CHECK(cal.is_working_day(D("2025-04-15")));  // Easter holiday, not a bank holiday
  CHECK(cal.is_working_day(D("2025-08-12")));  // summer holiday
  CHECK(cal.is_working_day(D("2024-12-23")));  // Christmas holiday, before the bank holidays
  CHECK(cal.in_term(D("2025-05-17")));  // a Saturday in term
  CHECK_FALSE(cal.in_term(D("2025-05-05")));
  CHECK_FALSE(cal.in_term(D("2025-08-12")));

  CHECK(cal.working_days_between(D("2025-06-03"), D("2025-05-22")) == -7);
  CHECK(cal.working_days_between(D("2025-06-09"), D("2025-06-09")) == 0);
  // Backwards over Easter: only Good Friday and Easter Monday are off.
  CHECK(cal.add_working_days(D("2025-04-29"), -7).to_string() == "2025-04-16");
  CHECK(cal.add_working_days(D("2025-04-29"), 0).to_string() == "2025-04-29");
  // Into the summer holiday, which the office works through.
  CHECK(cal.add_working_days(D("2025-07-17"), 3).to_string() == "2025-07-22");
  CHECK(cal.working_day_on_or_before(D("2025-04-21")).to_string() == "2025-04-17");  // Easter Monday
  CHECK(cal.working_day_on_or_after(D("2025-04-18")).to_string() == "2025-04-22");   // Good Friday
  CHECK(cal.working_day_on_or_after(D("2025-04-22")).to_string() == "2025-04-22");
  CHECK(cal.working_days({D("2025-08-01"), D("2025-08-31")}).size() == 20);  // 21 weekdays less 25 August
  CHECK(cal.working_days({D("2025-05-19"), D("2025-06-03")}).size() == 11);  // 19-23, 27-30 May, 2-3 June
  CHECK(cal.working_days_between(D("2024-08-31"), D("2025-08-31")) == 252);  // 260 weekdays less 8 bank holidays
}

TEST_CASE("s8: minutes within seven working days across half-term") {
  // A meeting on Thursday 22 May 2025, before May half-term (26-30 May);
  // Monday 26 May is the spring bank holiday. The LA's officers work through
  // half-term, so seven working days on is Tuesday 3 June, not 9 June.
  AcademicCalendar cal;
  CHECK(cal.add_working_days(D("2025-05-22"), 7).to_string() == "2025-06-03");
  CHECK(cal.working_days_between(D("2025-05-22"), D("2025-06-03")) == 7);
  CHECK_FALSE(cal.is_working_day(D("2025-05-26")));
  // Counted in school days it would be 9 June.
  CHECK(cal.add_school_days(D("2025-05-22"), 7).to_string() == "2025-06-09");
}

TEST_CASE("school days skip weekends, bank holidays, half-terms, holidays and closure days") {
  AcademicCalendar cal;
  CHECK(cal.is_school_day(D("2025-05-22")));
  CHECK_FALSE(cal.is_school_day(D("2025-05-24")));  // Saturday
  CHECK_FALSE(cal.is_school_day(D("2025-05-05")));  // bank holiday in term
  CHECK_FALSE(cal.is_school_day(D("2024-10-28")));  // October half-term
  CHECK_FALSE(cal.is_school_day(D("2025-04-15")));  // Easter holiday
  CHECK_FALSE(cal.is_school_day(D("2025-08-12")));  // summer holiday

  CHECK(cal.add_school_days(D("2025-05-22"), 7).to_string() == "2025-06-09");
  CHECK(cal.school_days_between(D("2025-05-22"), D("2025-06-09")) == 7);
  CHECK(cal.school_days_between(D("2025-06-09"), D("2025-05-22")) == -7);
  // Backwards over the Easter holiday.
  CHECK(cal.add_school_days(D("2025-04-29"), -7).to_string() == "2025-04-04");
  // Over the summer into the next academic year (which starts Tuesday 2 September 2025).
  CHECK(cal.add_school_days(D("2025-07-17"), 3).to_string() == "2025-09-03");
  CHECK(cal.school_day_on_or_before(D("2025-04-22")).to_string() == "2025-04-11");
  CHECK(cal.school_day_on_or_after(D("2025-04-22")).to_string() == "2025-04-28");
  CHECK(cal.school_days({D("2025-08-01"), D("2025-08-31")}).empty());
  CHECK(cal.school_days({D("2025-05-19"), D("2025-06-03")}).size() == 7);  // 19-23 May, 2-3 June

  // A closure day is a working day for the office, not a school day.
  AcademicYear y = default_england_year(2024);
  y.closed = {D("2025-06-02")};  // an INSET day
  cal.set_year(y);
  CHECK_FALSE(cal.is_school_day(D("2025-06-02")));
  CHECK(cal.is_working_day(D("2025-06-02")));
  CHECK_FALSE(cal.in_term(D("2025-06-02")));
  CHECK(cal.add_school_days(D("2025-05-22"), 2).to_string() == "2025-06-03");
}

TEST_CASE("counting agrees with walking day by day, forwards and backwards, across years") {
  AcademicCalendar cal;
  AcademicYear y = default_england_year(2024);
  y.closed = {D("2024-09-02"), D("2025-01-06"), D("2025-06-02")};
  cal.set_year(y);
  const Date from = D("2023-06-01");
  for (int step = 0; step < 900; step += 7) {
    const Date a = from + step;
    for (int n : {-400, -200, -61, -7, -1, 0, 1, 5, 7, 30, 190, 260, 400}) {
      INFO(a.to_string() << " " << n);
      Date w = a, s = a;
      for (int left = n < 0 ? -n : n; left > 0;) {
        w = w + (n < 0 ? -1 : 1);
        left -= cal.is_working_day(w);
      }
      for (int left = n < 0 ? -n : n; left > 0;) {
        s = s + (n < 0 ? -1 : 1);
        left -= cal.is_school_day(s);
      }
      REQUIRE(cal.add_working_days(a, n) == w);
      REQUIRE(cal.add_school_days(a, n) == s);
      // (a, w] when counting forwards; backwards, -(w, a], which holds `a` but not `w`.
      REQUIRE(cal.working_days_between(a, w) == (n < 0 ? n + 1 - cal.is_working_day(a) : n));
      REQUIRE(cal.school_days_between(a, s) == (n < 0 ? n + 1 - cal.is_school_day(a) : n));
    }
  }
  CHECK_THROWS_AS(cal.add_working_days(from, 40000), std::out_of_range);
}

TEST_CASE("a period's span tiles the year; its first school day is when it starts") {
  AcademicCalendar cal;
  auto span = [&](const char* p) { return cal.span(Period::parse(p)); };
  auto first = [&](const char* p) { return cal.first_school_day(Period::parse(p)).to_string(); };
  CHECK(span("2024-25") == DateRange{D("2024-09-01"), D("2025-08-31")});
  CHECK(span("2024-25/autumn") == DateRange{D("2024-09-01"), D("2025-01-05")});
  CHECK(span("2024-25/autumn-1") == DateRange{D("2024-09-01"), D("2024-11-03")});  // October half-term included
  CHECK(span("2024-25/autumn-2") == DateRange{D("2024-11-04"), D("2025-01-05")});
  CHECK(span("2024-25/spring") == DateRange{D("2025-01-06"), D("2025-04-27")});    // Easter holiday included
  CHECK(span("2024-25/spring-2") == DateRange{D("2025-02-24"), D("2025-04-27")});
  CHECK(span("2024-25/summer") == DateRange{D("2025-04-28"), D("2025-08-31")});
  CHECK(span("2024-25/summer-1") == DateRange{D("2025-04-28"), D("2025-06-01")});
  CHECK(span("2024-25/summer-2") == DateRange{D("2025-06-02"), D("2025-08-31")});
  CHECK(first("2024-25") == "2024-09-02");
  CHECK(first("2024-25/autumn") == "2024-09-02");
  CHECK(first("2024-25/spring") == "2025-01-06");
  CHECK(first("2024-25/summer-2") == "2025-06-02");
  // Spring 2022 begins on the New Year substitute bank holiday: its first school day is the 4th.
  CHECK(first("2021-22/spring") == "2022-01-04");
  CHECK(span("2021-22/spring").first == D("2022-01-04"));

  // The half-terms of a year tile it, with no gap and no overlap.
  for (int y = 2019; y <= 2030; ++y) {
    Date next = Date::from_ymd(y, 9, 1);
    for (int i = 0; i < 6; ++i) {
      const Period p = Period::parse(Period::year(y).to_string() + "/" + half_term_key(i));
      INFO(p.to_string());
      const DateRange r = cal.span(p);
      CHECK(r.first == next);
      CHECK(r.contains(cal.first_school_day(p)));
      next = r.last + 1;
    }
    CHECK(next == Date::from_ymd(y + 1, 9, 1));
  }
}

TEST_CASE("a school that joins on the first day of the spring term is a member for spring") {
  // Membership and adoption ask what is in force on the period's first school
  // day; spring no longer "starts" on 1 January, before the school joined.
  AcademicCalendar cal;
  const Date joined = D("2025-01-06");  // the first day of spring term 2025
  const Period spring = Period::parse("2024-25/spring");
  CHECK(cal.first_school_day(spring) == joined);
  CHECK(joined <= cal.first_school_day(spring));
  CHECK(cal.span(spring).first == joined);
  CHECK_FALSE(joined <= cal.first_school_day(Period::parse("2024-25/autumn")));  // not for autumn

  // A policy's own dates, with an INSET day opening the term: the term starts
  // on its first school day, and a school that joins on the INSET day is a member.
  AcademicYear y = default_england_year(2024);
  y.source = "policy";
  y.half_terms[2].first = D("2025-01-06");
  y.closed = {D("2025-01-06")};
  cal.set_year(y);
  CHECK(cal.first_school_day(spring) == D("2025-01-07"));
  CHECK(D("2025-01-06") <= cal.first_school_day(spring));
  CHECK(cal.span(spring).first == D("2025-01-07"));
  CHECK(cal.span(Period::parse("2024-25/autumn")).last == D("2025-01-06"));

  // One that joins on 1 or 2 September is a member for the autumn term and the year.
  CHECK(D("2024-09-02") <= cal.first_school_day(Period::parse("2024-25")));
  CHECK(D("2024-09-02") <= cal.first_school_day(Period::parse("2024-25/autumn")));
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
  CHECK(cal.is_school_day(D("2025-07-22")));
  CHECK_FALSE(cal.is_school_day(D("2025-06-02")));
  CHECK(cal.is_school_day(D("2025-06-03")));
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
