#include "../acting.hpp"
#include <catch2/catch.hpp>
#include <algorithm>
#include <set>

#include "rules.hpp"
#include "trellis/error.hpp"
#include "trellis/schedule/store.hpp"
#include "trellis/store/activity_repository.hpp"
#include "trellis/store/schema.hpp"
#include "../sql.hpp"

using namespace trellis;
using namespace trellis::test;
using sdk::Cadence;

namespace {

Date D(const char* s) { return Date::parse(s); }

Database with_body() {
  auto db = sqlite::open_memory();
  migrate(db);
  testing::exec(db, "INSERT INTO bodies(id, kind, name, created_at) VALUES ('la', 'la', 'An LA', 'x')");
  testing::exec(db, "INSERT INTO schools(urn, name, updated_at) VALUES (100001, 'Hill Primary', 'x'), (100002, 'Vale Academy', 'x')");
  return db;
}

std::vector<Activity> band_plan(int visits_per_term, const PlanOptions& options = {}) {
  auto visit = spread_rule("s7.visit", Cadence::per_term, visits_per_term);
  visit.attendees = {"LA quality assurance lead", "headteacher"};
  visit.documents = {"improvement plan"};
  return plan_year(AcademicCalendar{}, "la", Period::parse("2024-25"),
                   {{100001, std::nullopt, {visit, anchored_rule("s7.note", Cadence::after, "s7.visit", 3, true, true)}},
                    {100002, std::nullopt, {spread_rule("s7.visit", Cadence::per_term)}}},
                   options);
}

int count(Database& db, const std::string& where) {
  auto s = testing::sql(db, "SELECT COUNT(*) FROM activities WHERE " + where);
  s.step();
  return static_cast<int>(s.integer(0));
}

}  // namespace

TEST_CASE("replan stores a plan and loads it back whole") {
  auto db = with_body();
  const auto plan = band_plan(1);
  auto sum = replan(db, testing::at(), "la", "2024-25", plan);
  CHECK(sum.added == static_cast<int>(plan.size()));
  CHECK(sum.kept == 0);
  CHECK(sum.unchanged + sum.updated + sum.cancelled + sum.reinstated == 0);
  const auto got = load_activities(db, "la", "2024-25");
  REQUIRE(got.size() == plan.size());
  CHECK(dump(got) == dump(plan));  // same fields, same order
  for (const auto& a : got) {
    REQUIRE(a.id);
    CHECK(a.status == ActivityStatus::planned);
    CHECK(a.school == (a.urn == 100001 ? "Hill Primary" : "Vale Academy"));
  }
  CHECK(load_activities(db, "la", "2025-26").empty());
}

// Changed with the activity lifecycle: re-planning no longer deletes the
// planned activities it replaces; it updates them in place or cancels them.
TEST_CASE("re-planning after a change of band keeps done activities and replans planned ones in place") {
  auto db = with_body();
  const AcademicCalendar cal;
  replan(db, testing::at(), "la", "2024-25", band_plan(1));
  const auto before = load_activities(db, "la", "2024-25");
  const Activity first_visit = of_rule(of_school(before, 100001), "s7.visit").at(0);
  mark_done(db, testing::at(), cal, *first_visit.id, first_visit.start, "lines of enquiry agreed", D("2025-01-01"));
  const int stored_before = count(db, "1");

  // The school moved from yellow to amber; the note after the done visit stays dated from it.
  const auto amber = band_plan(2, stored_plan_options(db, "la", "2024-25"));
  auto sum = replan(db, testing::at(), "la", "2024-25", amber);
  CHECK(sum.kept == 1);
  CHECK(sum.unchanged == 4);  // the note after the done visit, and the other school's three visits
  CHECK(sum.updated == 4);    // occurrences 1 and 2 of the visit and its note, now in the autumn and spring
  CHECK(sum.cancelled == 0);
  CHECK(sum.added == static_cast<int>(amber.size()) - stored_before);
  CHECK(count(db, "1") == static_cast<int>(amber.size()));

  const auto after = load_activities(db, "la", "2024-25");
  CHECK(after.size() == amber.size());
  std::set<std::string> uids;
  for (const auto& a : after) uids.insert(a.uid);
  CHECK(uids.size() == after.size());
  const auto visits = of_rule(of_school(after, 100001), "s7.visit");
  REQUIRE(visits.size() == 6);
  const auto done = std::find_if(after.begin(), after.end(), [&](const Activity& a) { return a.uid == first_visit.uid; });
  REQUIRE(done != after.end());
  CHECK(done->status == ActivityStatus::done);
  CHECK(done->id == first_visit.id);
  CHECK(done->done_on == first_visit.start);
  CHECK(done->note == "lines of enquiry agreed");
  CHECK(count(db, "status = 'done'") == 1);

  // Back to yellow: the extra planned visits are cancelled, not deleted; the done one stays.
  sum = replan(db, testing::at(), "la", "2024-25", band_plan(1, stored_plan_options(db, "la", "2024-25")));
  CHECK(sum.cancelled == 6);  // occurrences 3-5 of the visit and of its note
  const auto yellow = of_rule(of_school(load_activities(db, "la", "2024-25"), 100001), "s7.visit");
  CHECK(yellow.size() == 6);
  CHECK(std::count_if(yellow.begin(), yellow.end(),
                      [](const Activity& a) { return a.status == ActivityStatus::cancelled; }) == 3);
  CHECK(count(db, "status = 'done'") == 1);
}

TEST_CASE("replan writes nothing once the caller's transaction rolls back") {
  auto db = with_body();
  replan(db, testing::at(), "la", "2024-25", band_plan(1));
  const std::string stored = dump(load_activities(db, "la", "2024-25"));
  {
    Transaction tx(db);
    replan(db, testing::at(), "la", "2024-25", band_plan(2));
  }
  CHECK(dump(load_activities(db, "la", "2024-25")) == stored);
  auto other = band_plan(1);
  other[0].body = "someone-else";
  CHECK_THROWS_AS(replan(db, testing::at(), "la", "2024-25", other), std::invalid_argument);
}

// Changed with the activity lifecycle: refusals other than an unknown id are
// bad input (InputError, exit 3), and a date before the visit is refused too.
TEST_CASE("marking done: unknown id, a future date and a cancelled activity are refused") {
  auto db = with_body();
  const AcademicCalendar cal;
  replan(db, testing::at(), "la", "2024-25", band_plan(1));
  const auto acts = load_activities(db, "la", "2024-25");
  const Date on = cal.add_working_days(acts[0].start, 1);
  CHECK_THROWS_AS(mark_done(db, testing::at(), cal, 999999, D("2024-10-01"), "", D("2025-01-01")), UsageError);
  CHECK_THROWS_WITH(mark_done(db, testing::at(), cal, 999999, D("2024-10-01"), "", D("2025-01-01")), Catch::Contains("999999"));
  CHECK_THROWS_AS(mark_done(db, testing::at(), cal, *acts[0].id, D("2025-02-03"), "", D("2025-01-01")), InputError);
  CHECK_THROWS_WITH(mark_done(db, testing::at(), cal, *acts[0].id, D("2025-02-03"), "", D("2025-01-01")), Catch::Contains("after today"));
  testing::exec(db, "UPDATE activities SET status = 'cancelled' WHERE id = " + std::to_string(*acts[1].id));
  CHECK_THROWS_AS(mark_done(db, testing::at(), cal, *acts[1].id, acts[1].start, "", D("2025-01-01")), InputError);
  CHECK_THROWS_WITH(mark_done(db, testing::at(), cal, *acts[1].id, acts[1].start, "", D("2025-01-01")), Catch::Contains("cancelled"));
  CHECK(count(db, "status = 'done'") == 0);

  auto a = mark_done(db, testing::at(), cal, *acts[0].id, acts[0].start, "", D("2025-01-01")).activity;
  CHECK(a.status == ActivityStatus::done);
  a = mark_done(db, testing::at(), cal, *acts[0].id, on, "date corrected", D("2025-01-01")).activity;
  CHECK(find_activity(db, *acts[0].id)->done_on == on);
  CHECK(find_activity(db, *acts[0].id)->note == "date corrected");
}

TEST_CASE("overdue: planned activities past their due (or end) date, with working days late") {
  AcademicCalendar cal;
  auto make = [](const char* start, const char* end, std::optional<const char*> due, ActivityStatus st) {
    Activity a;
    a.start = D(start);
    a.end = D(end);
    if (due) a.due = D(*due);
    a.status = st;
    a.title = start;
    return a;
  };
  const std::vector<Activity> acts = {
      make("2025-05-22", "2025-06-09", "2025-06-09", ActivityStatus::planned),  // minutes
      make("2025-06-13", "2025-06-13", std::nullopt, ActivityStatus::planned),  // a Friday visit
      make("2025-06-02", "2025-06-02", std::nullopt, ActivityStatus::done),
      make("2025-06-20", "2025-06-20", std::nullopt, ActivityStatus::planned),  // today: not late yet
      make("2025-06-03", "2025-06-03", std::nullopt, ActivityStatus::cancelled),
      make("2025-06-04", "2025-06-04", std::nullopt, ActivityStatus::missed),
  };
  auto late = overdue(acts, cal, D("2025-06-20"));
  REQUIRE(late.size() == 2);
  CHECK(late[0].deadline == D("2025-06-09"));
  CHECK(late[0].days_late == 11);
  CHECK(late[0].working_days_late == 9);  // 10-13 and 16-20 June
  CHECK(late[1].deadline == D("2025-06-13"));
  CHECK(late[1].working_days_late == 5);

  // The day after a Friday deadline it is late, by no working day yet.
  late = overdue(acts, cal, D("2025-06-14"));
  REQUIRE(late.size() == 2);
  CHECK(late[1].days_late == 1);
  CHECK(late[1].working_days_late == 0);
  // Lateness grows over the summer holiday (the office works), less the 25 August bank holiday.
  CHECK(overdue(acts, cal, D("2025-08-29"))[0].working_days_late ==
        overdue(acts, cal, D("2025-07-21"))[0].working_days_late + 28);

  CHECK(status_on(acts[0], D("2025-06-09")) == "planned");
  CHECK(status_on(acts[0], D("2025-06-10")) == "overdue");
  CHECK(status_on(acts[2], D("2025-12-01")) == "done");
  CHECK(status_on(acts[5], D("2025-12-01")) == "missed");

  // A moved activity is still to happen: late once past its new date.
  auto moved = make("2025-06-16", "2025-06-16", std::nullopt, ActivityStatus::moved);
  CHECK(status_on(moved, D("2025-06-16")) == "moved");
  CHECK(status_on(moved, D("2025-06-17")) == "overdue");
  CHECK(overdue({moved}, cal, D("2025-06-20")).size() == 1);
}

TEST_CASE("the year's deadlines and one rule's activities are read slim, in id order, as an assessment uses them") {
  auto db = with_body();
  replan(db, testing::at(), "la", "2024-25", band_plan(1));
  // One of school 100001's notes is cancelled: it is no longer a deadline, but is still one of its rule's.
  testing::exec(db, "UPDATE activities SET status = 'cancelled' WHERE id = (SELECT MIN(id) FROM activities "
                    "WHERE rule = 's7.note')");
  const auto stored = load_activities(db, "la", "2024-25");
  std::vector<std::string> want_due, want_rule, got_due, got_rule;
  std::vector<Activity> by_id(stored);
  std::sort(by_id.begin(), by_id.end(), [](const Activity& a, const Activity& b) { return *a.id < *b.id; });
  for (const auto& a : by_id) {
    if (a.urn && a.due && a.status != ActivityStatus::cancelled)
      want_due.push_back(std::to_string(*a.urn) + " " + a.rule + " " + a.due->to_string());
    if (a.urn && a.rule == "s7.note") want_rule.push_back(std::to_string(*a.urn) + " " + deadline_of(a).to_string());
  }
  for (const auto& d : db.activities().deadlines("la", "2024-25"))
    got_due.push_back(std::to_string(d.urn) + " " + d.rule + " " + d.due.to_string());
  for (const auto& d : db.activities().of_rule("la", "2024-25", "s7.note"))
    got_rule.push_back(std::to_string(d.urn) + " " + d.due.to_string());
  CHECK(want_due.size() == 2);  // three notes, one cancelled
  CHECK(got_due == want_due);
  CHECK(want_rule.size() == 3);
  CHECK(got_rule == want_rule);
  CHECK(db.activities().deadlines("la", "2025-26").empty());
  CHECK(db.activities().of_rule("la", "2024-25", "s7.visit").size() == 6);
}
