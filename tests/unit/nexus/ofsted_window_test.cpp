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
  CHECK(w.years_since == Approx(5.63).margin(0.01));
  CHECK(w.window_after_years == 3.0);
  CHECK_THAT(w.reason, Catch::Contains("Last inspected by Ofsted on 2014-01-14 (Good), 5.6 years before 2019-09-01: within"));
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

TEST_CASE("dates: day numbers, periods and term starts") {
  Nexus n;
  CHECK(nexus::day_number("1970-01-01") == 0);
  CHECK(nexus::day_number("2020-03-01").value() - nexus::day_number("2020-02-28").value() == 2);  // leap year
  CHECK_FALSE(nexus::day_number("2019-02-29"));
  CHECK_FALSE(nexus::day_number("20190509"));
  auto p = nexus::parse_period("2019-20/spring-2");
  REQUIRE(p);
  CHECK(p->start_year == 2019);
  CHECK(p->term == "spring");
  CHECK(nexus::parse_period("2019-20")->term.empty());
  CHECK_FALSE(nexus::parse_period("2019-21"));
  CHECK(nexus::term_start(n.policy.view(), 2019, "spring") == "2020-01-01");
  OverridePolicy dated(n.policy.view(), {{"calendar.2019-20.spring-1", std::vector<std::string>{"2020-01-06", "2020-02-14"}}});
  CHECK(nexus::term_start(dated, 2019, "spring") == "2020-01-06");
}
