// 000 §3.10.9: "For schools who are within the OFSTED window, this will also
// include an external professional." The window is the policy's [ofsted].
#include <catch2/catch.hpp>

#include "fixture.hpp"

using namespace nexus_test;

TEST_CASE("000 §3.10.9: the window opens the policy's years after the last inspection") {
  Nexus n;
  auto s = school();
  inspected(s, "2014-01-14", 2, "Good");
  auto w = nexus::ofsted_window(s, n.policy.view(), "2019-09-01");
  CHECK(w.in_window);
  CHECK(w.grade == 2);
  CHECK(w.last_inspection == "2014-01-14");
  CHECK(w.months_since == 67);
  CHECK(w.window_after_years == 3.0);
  CHECK_THAT(w.reason, Catch::Contains("Last inspected by Ofsted on 2014-01-14 (Good), 5 years 7 months before 2019-09-01: within"));
  CHECK_THAT(w.reason, Catch::Contains("which opens 3.0 years after an inspection (on 2017-01-14)"));
  CHECK_THAT(w.reason, Catch::Contains("evidence: ofsted_ratings_2018.csv line 100"));

  auto recent = school();
  inspected(recent, "2019-05-09", 1, "Outstanding");
  auto r = nexus::ofsted_window(recent, n.policy.view(), "2019-09-01");
  CHECK_FALSE(r.in_window);
  CHECK(r.window_after_years == 4.0);  // [ofsted.window_after_years_by_grade] outstanding
  CHECK_THAT(r.reason, Catch::Contains("not yet within"));
}

TEST_CASE("000 §3.10.9: the window is the last grade's when the policy gives one") {
  Nexus n;
  auto s = school();
  inspected(s, "2017-06-20", 3, "Requires Improvement");
  // 2.2 years: within the requires-improvement window of 2 years, not the general 3.
  auto w = nexus::ofsted_window(s, n.policy.view(), "2019-09-01");
  CHECK(w.window_after_years == 2.0);
  CHECK(w.in_window);
  OverridePolicy no_grades(n.policy.view(), {{"ofsted.window_after_years_by_grade.requires_improvement", 0.0},
                                             {"ofsted.window_after_years", 3.0}});
  // An override of 0 years is still a figure for the grade: always within.
  CHECK(nexus::ofsted_window(s, no_grades, "2019-09-01").in_window);
  OverridePolicy longer(n.policy.view(), {{"ofsted.window_after_years_by_grade.requires_improvement", 2.5}});
  CHECK_FALSE(nexus::ofsted_window(s, longer, "2019-09-01").in_window);
}

TEST_CASE("000 §3.10.9: the newest inspection counts, and one after the date is not a window") {
  Nexus n;
  auto s = school();
  inspected(s, "2012-03-01", 3, "Requires Improvement");
  inspected(s, "2019-09-25", 3, "Requires Improvement");
  auto autumn = nexus::ofsted_window(s, n.policy.view(), "2019-09-01");
  CHECK_FALSE(autumn.in_window);
  CHECK_THAT(autumn.reason, Catch::Contains("after 2019-09-01"));
}

TEST_CASE("000 §3.10.9: with no inspection on record the policy decides") {
  Nexus n;
  auto s = school();
  auto w = nexus::ofsted_window(s, n.policy.view(), "2019-09-01");
  CHECK(w.in_window);  // no_inspection_in_window = true in policies/nexus.toml
  CHECK_THAT(w.reason, Catch::Contains("No Ofsted inspection is on record"));
  OverridePolicy not_in(n.policy.view(), {{"ofsted.no_inspection_in_window", false}});
  CHECK_FALSE(nexus::ofsted_window(s, not_in, "2019-09-01").in_window);
}

TEST_CASE("term starts and the period assessed come from the body's calendar (the SDK's CalendarView)") {
  auto s = school("2019-20/spring-2");
  auto at = nexus::assessed_period(s);
  REQUIRE(at);
  CHECK(at->year == "2019-20");
  CHECK(at->start_year == 2019);
  CHECK(at->term == "spring");
  CHECK(nexus::assessed_period(school("2019-20"))->term.empty());
  CHECK_FALSE(nexus::assessed_period(school("2019-21")));
  // The default England pattern: spring 2020 starts on Monday 6 January, not 1 January.
  CHECK(nexus::term_start(s, "2019-20", "spring") == "2020-01-06");
  CHECK(nexus::term_start(s, "2019-20", "") == "2019-09-02");
  CHECK(nexus::term_start(s, "2019-21", "spring").empty());

  // A policy's own [calendar] year, as the kernel hands it to the plugin.
  trellis::AcademicYear y = trellis::default_england_year(2019);
  y.source = "policy";
  y.half_terms[0].first = trellis::Date::parse("2019-09-03");
  y.half_terms[4].first = trellis::Date::parse("2020-04-21");
  y.closed = {trellis::Date::parse("2020-01-06")};  // an INSET day opens spring
  trellis::AcademicCalendar cal;
  cal.set_year(y);
  s.set_calendar(std::make_shared<const trellis::AcademicCalendar>(cal));
  CHECK(nexus::term_start(s, "2019-20", "spring") == "2020-01-07");  // the 6th is an INSET day
  CHECK(nexus::term_start(s, "2019-20", "autumn") == "2019-09-03");
  CHECK(nexus::term_start(s, "2019-20", "summer") == "2020-04-21");
}
