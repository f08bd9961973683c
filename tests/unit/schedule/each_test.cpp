// The body's year read a row at a time (each_activity, issue 18): the same
// activities in the same order as load_activities, what is late in overdue()'s
// order, and every pass of a listing over one reading of the store.
#include "../acting.hpp"
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>

#include "rules.hpp"
#include "trellis/schedule/store.hpp"
#include "trellis/store/schema.hpp"
#include "../sql.hpp"

using namespace trellis;
using namespace trellis::test;
using sdk::Cadence;

namespace {

Date D(const char* s) { return Date::parse(s); }

/// Everything a listing shows of an activity, as one line.
std::string line(const Activity& a) {
  return dump({a}) + std::to_string(*a.id) + "|" + status_name(a.status) + "|" + a.school.value_or("-") + "|" +
         a.reason + "|" + (a.moved_from ? a.moved_from->to_string() : "-") + "|" + std::to_string(a.sequence) + "\n";
}

std::string lines(const std::vector<Activity>& v) {
  std::string s;
  for (const auto& a : v) s += line(a);
  return s;
}

/// Two schools' year: visits each half-term, and a deadline after each visit,
/// so that deadlines and window ends fall on the same days across schools.
void plan(Database& db) {
  migrate(db);
  testing::exec(db, "INSERT INTO bodies(id, kind, name, created_at) VALUES ('la', 'la', 'An LA', 'x')");
  testing::exec(db, "INSERT INTO schools(urn, name, updated_at) VALUES (100001, 'Hill Primary', 'x'), "
                    "(100002, 'Vale Academy', 'x')");
  const auto rules = std::vector{spread_rule("visit", Cadence::per_half_term),
                                 anchored_rule("report", Cadence::after, "visit", 5, true, true),
                                 dated_rule("board", "2025-01-16")};
  replan(db, testing::at(), "la", "2024-25",
         plan_year(AcademicCalendar{}, "la", Period::parse("2024-25"),
                   {{100001, std::nullopt, rules}, {100002, std::nullopt, rules}}));
}

std::vector<Activity> streamed(Database& db, std::optional<Date> late_on = std::nullopt) {
  std::vector<Activity> out;
  each_activity(db, "la", "2024-25", late_on, 1, [&](int, const Activity& a) { out.push_back(a); });
  return out;
}

}  // namespace

TEST_CASE("each_activity hands over the year as load_activities lists it, row by row") {
  auto db = sqlite::open_memory();
  plan(db);
  const auto loaded = load_activities(db, "la", "2024-25");
  REQUIRE(loaded.size() > 20);
  CHECK(lines(streamed(db)) == lines(loaded));
  CHECK(count_activities(db, "la", "2024-25") == static_cast<std::int64_t>(loaded.size()));
  CHECK(count_activities(db, "la", "2025-26") == 0);
  CHECK(streamed(db, std::nullopt).size() == loaded.size());
}

TEST_CASE("each_activity with a day lists what is late on it as overdue() does: by deadline, then by start") {
  auto db = sqlite::open_memory();
  plan(db);
  const AcademicCalendar cal;
  // A done, a moved and a cancelled activity among the late ones.
  const auto before = load_activities(db, "la", "2024-25");
  const Activity first = of_rule(of_school(before, 100001), "visit").at(0);
  mark_done(db, testing::at(), cal, *first.id, first.start, "", D("2025-03-01"));
  const Activity second = of_rule(of_school(before, 100002), "visit").at(1);
  move_activity(db, testing::at(), cal, *second.id, second.start + 7, "the head is away", true);
  const Activity third = of_rule(of_school(before, 100002), "visit").at(2);
  cancel_activity(db, testing::at(), *third.id, "closed for snow");

  for (const char* day : {"2024-09-01", "2024-12-20", "2025-03-01", "2025-09-01"}) {
    const auto late = overdue(load_activities(db, "la", "2024-25"), cal, D(day));
    std::vector<Activity> expected;
    for (const auto& l : late) expected.push_back(l.activity);
    const auto got = streamed(db, D(day));
    CAPTURE(day);
    CHECK(lines(got) == lines(expected));
    for (const auto& a : got) CHECK(lateness(a, cal, D(day)).has_value());
  }
  CHECK(streamed(db, D("2024-09-01")).empty());
  CHECK(streamed(db, D("2025-09-01")).size() < load_activities(db, "la", "2024-25").size());  // done and cancelled are not late
}

TEST_CASE("each_activity's passes read the same rows, in order, pass by pass") {
  auto db = sqlite::open_memory();
  plan(db);
  std::vector<int> passes;
  std::string first, second;
  each_activity(db, "la", "2024-25", std::nullopt, 2, [&](int pass, const Activity& a) {
    if (passes.empty() || passes.back() != pass) passes.push_back(pass);
    (pass == 0 ? first : second) += line(a);
  });
  CHECK(passes == std::vector<int>{0, 1});
  CHECK(first == lines(load_activities(db, "la", "2024-25")));
  CHECK(second == first);
}

TEST_CASE("each_activity's passes see one state of the store, whatever another connection writes meanwhile") {
  const auto file = std::filesystem::temp_directory_path() / ("trellis-each-" + std::to_string(::getpid()) + ".db");
  std::filesystem::remove(file);
  {
    auto db = sqlite::open(file);
    plan(db);
    testing::exec(db, "PRAGMA journal_mode=WAL");
    auto other = sqlite::open(file, sqlite::Opening::existing);
    std::string seen[2];
    bool wrote = false;
    each_activity(db, "la", "2024-25", std::nullopt, 2, [&](int pass, const Activity& a) {
      seen[pass] += line(a);
      if (!wrote) {  // while the first pass reads: a new title for every row
        testing::exec(other, "UPDATE activities SET title = title || ' (renamed)'");
        wrote = true;
      }
    });
    REQUIRE(wrote);
    CHECK(seen[1] == seen[0]);
    CHECK(seen[0].find("(renamed)") == std::string::npos);
    std::size_t renamed = 0, rows = 0;
    each_activity(db, "la", "2024-25", std::nullopt, 1, [&](int, const Activity& a) {
      renamed += a.title.ends_with(" (renamed)") ? 1 : 0;
      ++rows;
    });
    CHECK(renamed == rows);  // once the passes are over, the write is seen
  }
  std::filesystem::remove(file);
  std::filesystem::remove(file.string() + "-wal");
  std::filesystem::remove(file.string() + "-shm");
}

TEST_CASE("issue 18: each_activity reading the listed columns gives what a listing shows, in the same order, the rest empty") {
  auto db = sqlite::open_memory();
  plan(db);
  // A moved, a done and a cancelled one, so that every listed column has a value somewhere.
  testing::exec(db, "UPDATE activities SET status = 'moved', moved_from = start_date, reason = 'snow', sequence = 2 "
                    "WHERE id = 3");
  testing::exec(db, "UPDATE activities SET status = 'done', done_on = start_date, note = 'held' WHERE id = 4");
  testing::exec(db, "UPDATE activities SET status = 'cancelled', reason = 'closed' WHERE id = 5");
  const auto shown = [](const Activity& a) {
    return std::to_string(*a.id) + "|" + a.body + "|" + a.year + "|" + (a.urn ? std::to_string(*a.urn) : "-") + "|" +
           a.school.value_or("-") + "|" + a.type + "|" + a.title + "|" + a.start.to_string() + "|" +
           a.end.to_string() + "|" + (a.due ? a.due->to_string() : "-") + "|" + status_name(a.status) + "|" +
           (a.done_on ? a.done_on->to_string() : "-") + "|" + a.reason + "|" +
           (a.moved_from ? a.moved_from->to_string() : "-") + "|" + std::to_string(a.sequence) + "\n";
  };
  for (const std::optional<Date> late_on : {std::optional<Date>(), std::optional(D("2025-03-01"))}) {
    std::string all, listed;
    std::size_t n = 0;
    each_activity(db, "la", "2024-25", late_on, 1, ActivityColumns::all, [&](int, const Activity& a) { all += shown(a); });
    each_activity(db, "la", "2024-25", late_on, 1, ActivityColumns::listed, [&](int, const Activity& a) {
      listed += shown(a);
      ++n;
      CHECK(a.uid.empty());
      CHECK(a.rule.empty());
      CHECK(a.attendees.empty());
      CHECK(a.note.empty());
      CHECK_FALSE(a.address);
    });
    REQUIRE(n > 3);
    CHECK(listed == all);
  }
}
