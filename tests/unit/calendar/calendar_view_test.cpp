// The SDK's CalendarView, as a plugin sees the body's calendar: the same
// answers as the kernel's AcademicCalendar, as ISO strings, and no exception
// for what is not a date or a period.
#include <catch2/catch.hpp>

#include "fake_policy.hpp"
#include "trellis/calendar_view.hpp"

using namespace trellis;
using sdk::DayKind;

namespace {

Date D(const char* s) { return Date::parse(s); }

/// A policy with its own 2024-25: a term starting on Tuesday 3 September and an INSET day on 6 January.
test::FakePolicy policy_2024_25() {
  test::FakePolicy p;
  p.dates("calendar.2024-25.autumn-1", {"2024-09-03", "2024-10-25"});
  p.dates("calendar.2024-25.autumn-2", {"2024-11-04", "2024-12-20"});
  p.dates("calendar.2024-25.spring-1", {"2025-01-06", "2025-02-14"});
  p.dates("calendar.2024-25.spring-2", {"2025-02-24", "2025-04-04"});
  p.dates("calendar.2024-25.summer-1", {"2025-04-22", "2025-05-23"});
  p.dates("calendar.2024-25.summer-2", {"2025-06-02", "2025-07-22"});
  p.dates("calendar.2024-25.closed", {"2025-01-06"});
  return p;
}

}  // namespace

TEST_CASE("CalendarView answers as the kernel calendar does, for the default pattern and a policy's year") {
  const AcademicCalendar england;
  const AcademicCalendar policy = calendar_from_policy(policy_2024_25(), "t.toml");
  for (const AcademicCalendar* cal : {&england, &policy}) {
    const AcademicCalendarView view(*cal);
    for (const char* text : {"2024-25", "2024-25/autumn", "2024-25/spring", "2024-25/spring-1", "2024-25/summer-2",
                             "2025-26/autumn-2"}) {
      INFO(text);
      const Period p = Period::parse(text);
      CHECK(view.period_first_day(text) == cal->span(p).first.to_string());
      CHECK(view.period_last_day(text) == cal->span(p).last.to_string());
      CHECK(view.first_school_day(text) == cal->first_school_day(p).to_string());
    }
    for (Date d = D("2024-08-20"); d <= D("2025-09-10"); d = d + 3) {
      INFO(d.to_string());
      const std::string iso = d.to_string();
      CHECK(view.is_day(iso, DayKind::working) == cal->is_working_day(d));
      CHECK(view.is_day(iso, DayKind::school) == cal->is_school_day(d));
      CHECK(view.is_day(iso, DayKind::calendar));
      for (int n : {-12, -1, 0, 3, 7, 25}) {
        CHECK(view.add_days(iso, n, DayKind::working) == cal->add_working_days(d, n).to_string());
        CHECK(view.add_days(iso, n, DayKind::school) == cal->add_school_days(d, n).to_string());
        CHECK(view.add_days(iso, n, DayKind::calendar) == (d + n).to_string());
      }
      CHECK(view.days_between("2025-01-01", iso, DayKind::working) == cal->working_days_between(D("2025-01-01"), d));
      CHECK(view.days_between("2025-01-01", iso, DayKind::school) == cal->school_days_between(D("2025-01-01"), d));
      CHECK(view.days_between("2025-01-01", iso, DayKind::calendar) == d - D("2025-01-01"));
    }
  }
}

TEST_CASE("CalendarView: the policy's [calendar] year decides school days and term starts") {
  const AcademicCalendar cal = calendar_from_policy(policy_2024_25(), "t.toml");
  const AcademicCalendarView view(cal);
  CHECK(view.first_school_day("2024-25") == "2024-09-03");
  CHECK(view.first_school_day("2024-25/spring") == "2025-01-07");  // the 6th is an INSET day
  CHECK(view.period_first_day("2024-25/spring") == "2025-01-07");
  CHECK(view.period_last_day("2024-25/spring") == "2025-04-21");
  CHECK(view.period_first_day("2024-25/autumn") == "2024-09-01");
  CHECK(view.period_last_day("2024-25/summer") == "2025-08-31");
  CHECK_FALSE(view.is_day("2025-01-06", DayKind::school));
  CHECK(view.is_day("2025-01-06", DayKind::working));
  // s8: minutes within seven working days of Thursday 22 May, across half-term.
  CHECK(view.add_days("2025-05-22", 7, DayKind::working) == "2025-06-03");
  CHECK(view.add_days("2025-05-22", 7, DayKind::school) == "2025-06-09");
  CHECK(view.days_between("2025-05-22", "2025-06-03", DayKind::working) == 7);
  CHECK(view.days_between("2025-06-03", "2025-05-22", DayKind::calendar) == -12);
  // The default pattern for a year the policy does not give.
  CHECK(view.first_school_day("2025-26/spring") == "2026-01-05");
}

TEST_CASE("CalendarView: months on, and whole months between, as an age is counted") {
  const AcademicCalendar cal;
  const AcademicCalendarView view(cal);
  CHECK(view.add_months("2014-01-14", 36) == "2017-01-14");
  CHECK(view.add_months("2020-01-31", 1) == "2020-02-29");  // the month's last day, in a leap year
  CHECK(view.add_months("2021-03-31", -1) == "2021-02-28");
  CHECK(view.add_months("2019-12-15", 1) == "2020-01-15");
  CHECK(view.add_months("2020-01-15", -1) == "2019-12-15");
  CHECK(view.add_months("2019-09-01", 0) == "2019-09-01");
  CHECK(view.months_between("2014-01-14", "2019-09-01") == 67);
  CHECK(view.months_between("2014-01-14", "2017-01-13") == 35);  // a day short of three years
  CHECK(view.months_between("2014-01-14", "2017-01-14") == 36);
  CHECK(view.months_between("2020-01-31", "2020-02-29") == 1);   // as add_months counts it
  CHECK(view.months_between("2019-09-01", "2014-01-14") == -67);
  CHECK(view.months_between("2019-09-25", "2019-09-01") == 0);   // under a month, either way
  // add_months and months_between agree: n months on is n whole months on.
  for (const char* from : {"2014-01-14", "2020-01-31", "2019-08-31", "2024-02-29"})
    for (int n : {-25, -1, 1, 6, 12, 30}) {
      INFO(from << " " << n);
      CHECK(view.months_between(from, *view.add_months(from, n)) == n);
    }
}

TEST_CASE("CalendarView: what is not a date or a period gives nullopt, never an exception") {
  const AcademicCalendar cal;
  const AcademicCalendarView view(cal);
  CHECK_FALSE(view.period_first_day("2024-26"));
  CHECK_FALSE(view.period_last_day("2024-25/winter"));
  CHECK_FALSE(view.first_school_day(""));
  CHECK_FALSE(view.days_between("2025-02-30", "2025-03-01", DayKind::calendar));
  CHECK_FALSE(view.days_between("2025-03-01", "tomorrow", DayKind::working));
  CHECK_FALSE(view.add_days("20250522", 7, DayKind::working));
  CHECK_FALSE(view.add_days("2025-05-22", 2000000000, DayKind::working));
  CHECK_FALSE(view.add_days("2025-05-22", -2000000000, DayKind::calendar));
  CHECK_FALSE(view.is_day("2025-13-01", DayKind::calendar));
  CHECK_FALSE(view.add_months("2025-02-30", 1));
  CHECK_FALSE(view.add_months("2025-05-22", 2000000000));
  CHECK_FALSE(view.add_months("0001-01-01", -12));  // before year 1
  CHECK_FALSE(view.months_between("2025-05-22", "soon"));
}
