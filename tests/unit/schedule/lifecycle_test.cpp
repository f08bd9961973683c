// An activity's lifecycle in the store: done (and what that re-dates), moved,
// cancelled, missed. Telford's s8 (seed 003 section 8) meeting on Thursday
// 22 May 2025, just before the late-May bank holiday and half-term: agenda
// two weeks before, papers seven days before, minutes within seven working days.
#include "../acting.hpp"
#include <catch2/catch.hpp>

#include "rules.hpp"
#include "trellis/error.hpp"
#include "trellis/schedule/ics.hpp"
#include "trellis/schedule/store.hpp"
#include "trellis/store/schema.hpp"
#include "../sql.hpp"

using namespace trellis;
using namespace trellis::test;
using sdk::Cadence;

namespace {

Date D(const char* s) { return Date::parse(s); }
const Date kToday = D("2025-06-20");

struct S8 {
  Database db = sqlite::open_memory();
  AcademicCalendar cal;
  std::int64_t meeting = 0, agenda = 0, papers = 0, minutes = 0;

  S8() {
    migrate(db);
    testing::exec(db, "INSERT INTO bodies(id, kind, name, created_at) VALUES ('la', 'la', 'An LA', 'x')");
    testing::exec(db, "INSERT INTO schools(urn, name, updated_at) VALUES (100001, 'Hill Primary', 'x')");
    auto m = dated_rule("s8.meeting", "2025-05-22");
    m.title = "Monitoring and support meeting";
    replan(db, testing::at(), "la", "2024-25",
           plan_year(cal, "la", Period::parse("2024-25"),
                     {{100001, std::nullopt,
                       {m, anchored_rule("s8.agenda", Cadence::before, "s8.meeting", 14, false, true),
                        anchored_rule("s8.papers", Cadence::before, "s8.meeting", 7, false, true),
                        anchored_rule("s8.minutes", Cadence::after, "s8.meeting", 7, true, true)}}}));
    for (const auto& a : load_activities(db, "la", "2024-25")) {
      if (a.rule == "s8.meeting") meeting = *a.id;
      if (a.rule == "s8.agenda") agenda = *a.id;
      if (a.rule == "s8.papers") papers = *a.id;
      if (a.rule == "s8.minutes") minutes = *a.id;
    }
  }
  Activity get(std::int64_t id) { return *find_activity(db, id); }
  std::string all() {
    std::string s;
    for (const auto& a : load_activities(db, "la", "2024-25"))
      s += dump({a}) + status_name(a.status) + "|" + a.reason + "|" + std::to_string(a.sequence) + "|" +
           (a.done_on ? a.done_on->to_string() : "-") + "\n";
    return s;
  }
};

}  // namespace

TEST_CASE("s8: the meeting held a day late re-dates its minutes seven working days after the day held") {
  S8 t;
  REQUIRE(t.get(t.minutes).due == D("2025-06-03"));
  const auto change = mark_done(t.db, testing::at(), t.cal, t.meeting, D("2025-05-23"), "agreed next steps", kToday);
  CHECK(change.activity.status == ActivityStatus::done);
  // Held a day late: calendars show it on the day held, so its SEQUENCE rises.
  CHECK(t.get(t.meeting).sequence == 1);
  const std::string ics = to_ics({t.get(t.meeting)}, {"t", "2025-06-20T09:00:00Z"});
  CHECK(ics.find("DTSTART:20250523T090000") != std::string::npos);  // timed, on the day held
  const Activity minutes = t.get(t.minutes);
  CHECK(minutes.start == D("2025-05-23"));
  CHECK(minutes.due == D("2025-06-04"));  // 27-30 May and 2-4 June: office working days, 26 May a bank holiday
  CHECK(minutes.end == D("2025-06-04"));
  CHECK(minutes.sequence == 1);
  CHECK(minutes.status == ActivityStatus::planned);
  CHECK(minutes.title == "s8.minutes title (meeting on 2025-05-23)");
  REQUIRE(change.followers.size() == 1);  // what was due before the meeting stays as it was
  CHECK(change.followers[0].uid == minutes.uid);
  CHECK(t.get(t.agenda).due == D("2025-05-08"));
  CHECK(t.get(t.agenda).sequence == 0);
  // Held on the planned day: nothing follows that needs changing.
  S8 u;
  CHECK(mark_done(u.db, testing::at(), u.cal, u.meeting, D("2025-05-22"), "", kToday).followers.empty());
  CHECK(u.get(u.minutes).sequence == 0);
}

TEST_CASE("s8: a done agenda is not re-dated when the meeting is moved") {
  S8 t;
  mark_done(t.db, testing::at(), t.cal, t.agenda, D("2025-05-07"), "", kToday);  // circulated a day early: a due date may be met early
  move_activity(t.db, testing::at(), t.cal, t.meeting, D("2025-05-21"), "room booked twice");
  CHECK(t.get(t.papers).due == D("2025-05-14"));  // the papers, still planned, are
  CHECK(t.get(t.agenda).due == D("2025-05-08"));
  CHECK(t.get(t.agenda).sequence == 0);
  CHECK(t.get(t.agenda).done_on == D("2025-05-07"));
}

TEST_CASE("done is refused before the meeting, before the minutes' window opens, after today, and on a weekend "
          "unless forced") {
  S8 t;
  const std::string before = t.all();
  auto refused = [&](std::int64_t id, const char* on, const std::string& words) {
    INFO(words);
    CHECK_THROWS_AS(mark_done(t.db, testing::at(), t.cal, id, D(on), "", kToday), InputError);
    CHECK_THROWS_WITH(mark_done(t.db, testing::at(), t.cal, id, D(on), "", kToday), Catch::Contains(words));
  };
  refused(t.meeting, "2025-05-21", "before it was planned to start, on 2025-05-22");
  refused(t.minutes, "2025-05-21", "before its window opens on 2025-05-22");
  refused(t.meeting, "2025-06-21", "after today");
  refused(t.meeting, "2025-05-24", "Saturday");
  refused(t.meeting, "2025-05-25", "Sunday");
  // A weekend is possible, so the refusal says it can be insisted on, and that the day done is at fault.
  try {
    mark_done(t.db, testing::at(), t.cal, t.meeting, D("2025-05-25"), "", kToday);
    FAIL("a Sunday is accepted unforced");
  } catch (const InputError& e) {
    CHECK(e.field() == Field::on);
    CHECK(e.remedy().kind == Remedy::Kind::insist);
  }
  CHECK(t.all() == before);  // nothing written
  const auto done = mark_done(t.db, testing::at(), t.cal, t.meeting, D("2025-05-24"), "held on a Saturday", kToday, true);
  CHECK(done.activity.done_on == D("2025-05-24"));
  CHECK(t.get(t.minutes).due == D("2025-06-04"));  // seven working days after Saturday 24 May
}

TEST_CASE("move: the meeting's new date, the old one kept, SEQUENCE + 1, and what follows it re-dated") {
  S8 t;
  CHECK_THROWS_AS(move_activity(t.db, testing::at(), t.cal, t.meeting, D("2025-06-05"), " "), UsageError);
  CHECK_THROWS_AS(move_activity(t.db, testing::at(), t.cal, t.meeting, D("2025-05-22"), "same day"), InputError);
  const auto change = move_activity(t.db, testing::at(), t.cal, t.meeting, D("2025-06-05"), "chair of governors unavailable");
  const Activity m = t.get(t.meeting);
  CHECK(m.status == ActivityStatus::moved);
  CHECK(m.start == D("2025-06-05"));
  CHECK(m.end == D("2025-06-05"));
  CHECK(m.moved_from == D("2025-05-22"));
  CHECK(m.reason == "chair of governors unavailable");
  CHECK(m.sequence == 1);
  CHECK(change.followers.size() == 3);
  CHECK(t.get(t.agenda).due == D("2025-05-22"));   // two weeks before 5 June
  CHECK(t.get(t.papers).due == D("2025-05-29"));   // seven days before: a working day, though in half-term
  CHECK(t.get(t.minutes).due == D("2025-06-16"));  // 6, 9-13 and 16 June
  CHECK(t.get(t.minutes).sequence == 1);
  CHECK(status_on(m, D("2025-06-05")) == "moved");
  CHECK(status_on(m, D("2025-06-06")) == "overdue");

  // Moved again: moved_from is the start before the last move.
  move_activity(t.db, testing::at(), t.cal, t.meeting, D("2025-06-12"), "again");
  CHECK(t.get(t.meeting).moved_from == D("2025-06-05"));
  CHECK(t.get(t.meeting).sequence == 2);

  // A window keeps its length and its due date shifts with it.
  const Activity before = t.get(t.minutes);
  move_activity(t.db, testing::at(), t.cal, t.minutes, before.start + 7, "typist away");
  const Activity after = t.get(t.minutes);
  CHECK(after.end - after.start == before.end - before.start);
  CHECK(*after.due - *before.due == 7);

  // A re-plan that knows the moves leaves the re-dated activities as they are.
  const std::string stored = t.all();
  auto m2 = dated_rule("s8.meeting", "2025-05-22");
  m2.title = "Monitoring and support meeting";
  const auto plan = plan_year(t.cal, "la", Period::parse("2024-25"),
                              {{100001, std::nullopt,
                                {m2, anchored_rule("s8.agenda", Cadence::before, "s8.meeting", 14, false, true),
                                 anchored_rule("s8.papers", Cadence::before, "s8.meeting", 7, false, true),
                                 anchored_rule("s8.minutes", Cadence::after, "s8.meeting", 7, true, true)}}},
                              stored_plan_options(t.db, "la", "2024-25"));
  const auto sum = replan(t.db, testing::at(), "la", "2024-25", plan);
  CHECK(sum.updated == 0);
  CHECK(t.all() == stored);
}

TEST_CASE("move is refused for a done or cancelled activity") {
  S8 t;
  mark_done(t.db, testing::at(), t.cal, t.meeting, D("2025-05-22"), "", kToday);
  CHECK_THROWS_AS(move_activity(t.db, testing::at(), t.cal, t.meeting, D("2025-06-05"), "late"), InputError);
  cancel_activity(t.db, testing::at(), t.papers, "not needed");
  CHECK_THROWS_AS(move_activity(t.db, testing::at(), t.cal, t.papers, D("2025-05-16"), "late"), InputError);
  CHECK_THROWS_AS(move_activity(t.db, testing::at(), t.cal, 999999, D("2025-05-16"), "late"), UsageError);
}

TEST_CASE("cancel: a reason is required, done ones are refused, and what follows the meeting is cancelled with it") {
  S8 t;
  CHECK_THROWS_AS(cancel_activity(t.db, testing::at(), t.meeting, ""), UsageError);
  mark_done(t.db, testing::at(), t.cal, t.agenda, D("2025-05-08"), "", kToday);
  CHECK_THROWS_AS(cancel_activity(t.db, testing::at(), t.agenda, "too late"), InputError);
  const auto change = cancel_activity(t.db, testing::at(), t.meeting, "school closed: heating failure");
  CHECK(change.activity.status == ActivityStatus::cancelled);
  const Activity m = t.get(t.meeting);
  CHECK(m.status == ActivityStatus::cancelled);
  CHECK(m.reason == "school closed: heating failure");
  CHECK(m.sequence == 1);
  CHECK(change.followers.size() == 2);  // papers and minutes; the agenda was done
  CHECK(t.get(t.minutes).status == ActivityStatus::cancelled);
  CHECK_THAT(t.get(t.minutes).reason, Catch::Contains("school closed: heating failure"));
  CHECK(t.get(t.agenda).status == ActivityStatus::done);
  CHECK_THROWS_AS(cancel_activity(t.db, testing::at(), t.meeting, "again"), InputError);
  CHECK_THROWS_AS(mark_done(t.db, testing::at(), t.cal, t.meeting, D("2025-05-22"), "", kToday), InputError);
}

TEST_CASE("missed: only a planned or moved activity whose day has passed") {
  S8 t;
  CHECK_THROWS_AS(mark_missed(t.db, testing::at(), t.meeting, "head off sick", D("2025-05-22")), InputError);  // not past yet
  CHECK_THROWS_AS(mark_missed(t.db, testing::at(), t.meeting, "", kToday), UsageError);
  const auto change = mark_missed(t.db, testing::at(), t.meeting, "head off sick", kToday);
  CHECK(change.activity.status == ActivityStatus::missed);
  CHECK(t.get(t.meeting).reason == "head off sick");
  CHECK(t.get(t.meeting).sequence == 1);
  CHECK(status_on(t.get(t.meeting), kToday) == "missed");
  CHECK_THROWS_AS(mark_missed(t.db, testing::at(), t.meeting, "again", kToday), InputError);
}
