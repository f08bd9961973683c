// 000 §3.8, §3.8.1: the termly data drop is read for the term assessed and
// forms "questions for further enquiry", listed for the school's enquiry that
// term; a drop not yet received in full stays on the calendar, overdue at its deadline.
#include <catch2/catch.hpp>

#include "fixture.hpp"
#include "trellis/calendar.hpp"
#include "trellis/schedule/plan.hpp"

using namespace nexus_test;

namespace {

void drop(trellis::FixedEvidence& s, const std::string& period, const std::string& id, double value) {
  trellis::sdk::Observation o;
  o.indicator = id;
  o.period = period;
  o.value = value;
  o.source = "data-drops.csv";
  o.line = 2;
  s.add(o);
}

/// A school's full drop for `period`: on track, attendance, behaviour, child-on-child, safeguarding.
void full_drop(trellis::FixedEvidence& s, const std::string& period, double on_track, double attendance,
               double behaviour, double child_on_child, double safeguarding) {
  drop(s, period, "tracking_on_track_pct", on_track);
  drop(s, period, "attendance_pct", attendance);
  drop(s, period, "behaviour_incidents", behaviour);
  drop(s, period, "child_on_child_incidents", child_on_child);
  drop(s, period, "safeguarding_referrals", safeguarding);
}

std::vector<trellis::sdk::ActivityRule> planned(Nexus& n, const trellis::FixedEvidence& s,
                                                const trellis::sdk::AssessmentOut& out) {
  std::vector<trellis::sdk::ActivityRule> rules;
  auto status = n.regime.plan(s, out, n.policy.view(), rules);
  REQUIRE(status);
  return rules;
}

}  // namespace

TEST_CASE("000 §3.8.1: each figure of the term's drop past its param is a question for further enquiry, listed for "
          "the term's collaborative enquiry") {
  Nexus n;
  auto s = school("2019-20/spring");
  rate_all(s, n.policy.view(), "moderated", "secure");
  full_drop(s, "2019-20/spring", 65, 93.5, 20, 2, 3);
  const auto out = n.assess(s);
  const std::string reasons = joined(out.reasons);
  CHECK_THAT(reasons, Catch::Contains("Question for further enquiry (000 §3.8.1): 65% of pupils are on track in "
                                      "reading, writing and maths (or communication and cognition), below 75%"));
  CHECK_THAT(reasons, Catch::Contains("attendance this term is 93.5%, below 95.0%"));
  CHECK_THAT(reasons, Catch::Contains("20 behaviour incidents were recorded this term, more than 15"));
  CHECK_THAT(reasons, Catch::Contains("2 incident(s) of child-on-child abuse were recorded this term"));
  CHECK_THAT(reasons, Catch::Contains("3 safeguarding referral(s) this term, more than 2"));
  CHECK_THAT(reasons, Catch::Contains("(2019-20/spring data drop, data-drops.csv line 2)"));
  CHECK(out.level == "prevention");  // the data asks questions; it does not move the tier
  CHECK_THAT(reasons, !Catch::Contains("not yet received in full"));

  const auto rules = planned(n, s, out);
  const auto spring = with_prefix(rules, "000-3.10.6.enquiry.spring");
  REQUIRE(spring.size() == 1);
  int questions = 0;
  for (auto& d : spring[0].documents) questions += d.rfind("Question for further enquiry", 0) == 0;
  CHECK(questions == 5);
  // Other terms' enquiries carry none of this term's questions.
  for (auto& e : with_prefix(rules, "000-3.10.6.enquiry.summer"))
    for (auto& d : e.documents) CHECK_THAT(d, !Catch::StartsWith("Question for further enquiry"));
  // A complete drop for the term assessed needs no reminder.
  CHECK(with_prefix(rules, "000-3.8.data.spring").empty());

  // Figures inside the params ask nothing.
  auto fine = school("2019-20/spring");
  rate_all(fine, n.policy.view(), "moderated", "secure");
  full_drop(fine, "2019-20/spring", 85, 96.0, 4, 0, 1);
  CHECK_THAT(joined(n.assess(fine).reasons), !Catch::Contains("Question for further enquiry"));
}

TEST_CASE("000 §3.8: a drop not yet received in full is named, stays on the calendar naming what is missing, and is "
          "overdue after its deadline") {
  Nexus n;
  auto s = school("2019-20/spring");
  rate_all(s, n.policy.view(), "moderated", "secure");
  // Last term's drop is not this term's: it asks nothing and does not count as received.
  full_drop(s, "2019-20/autumn", 50, 90, 30, 3, 5);
  drop(s, "2019-20/spring", "tracking_on_track_pct", 80);
  CHECK(nexus::missing_drop(s, n.policy.view()).size() == 4);
  const auto out = n.assess(s);
  const std::string reasons = joined(out.reasons);
  CHECK_THAT(reasons, !Catch::Contains("Question for further enquiry ("));
  CHECK_THAT(reasons, Catch::Contains("Data drop for 2019-20/spring not yet received in full (000 §3.8): Attendance this "
                                      "term; Behaviour incidents recorded this term"));
  const auto rules = planned(n, s, out);
  const auto late = with_prefix(rules, "000-3.8.data.spring");
  REQUIRE(late.size() == 1);
  CHECK(late[0].title == "Termly data drop not yet received in full: 4 of 5 items missing");
  CHECK(late[0].documents.size() == 4);
  CHECK(contains(late[0].documents, "Safeguarding referrals this term"));
  CHECK(late[0].is_deadline);

  // Dated by the scheduler: due in spring-1, overdue the day after.
  trellis::AcademicCalendar cal;
  const auto activities = trellis::plan_year(cal, "nexus", trellis::Period::parse("2019-20"),
                                             {{std::nullopt, std::nullopt, nexus::trust_rules(n.policy.view())},
                                              {142768, std::nullopt, rules}});
  bool found = false;
  for (auto& a : activities)
    if (a.rule == "000-3.8.data.spring") {
      found = true;
      CHECK(trellis::status_on(a, trellis::deadline_of(a)) == "planned");
      CHECK(trellis::status_on(a, trellis::deadline_of(a) + 1) == "overdue");
    }
  CHECK(found);
}
