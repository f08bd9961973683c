// The writes a stored run makes many at a time (issue 18): several rows to a
// statement, in order, with the ids one row at a time would have had.
#include <catch2/catch.hpp>

#include <filesystem>

#include "trellis/store/activity_repository.hpp"
#include "trellis/store/assessment_repository.hpp"
#include "trellis/store/letter_repository.hpp"
#include "trellis/store/rating_repository.hpp"
#include "trellis/store/schema.hpp"
#include "../sql.hpp"

using namespace trellis;

namespace {

Database with_evidence(int items) {
  Database db = sqlite::open_memory();
  migrate(db);
  testing::exec(db, "INSERT INTO bodies(id, kind, name, created_at) VALUES ('b', 'la', 'B', '2024-09-02')");
  for (int i = 1; i <= items; ++i)
    testing::exec(db, "INSERT INTO evidence(id, urn, period, indicator, value_num, source, recorded_at) VALUES (" +
                          std::to_string(i) + ", 100000, '2024-25', 'x', 1, 'f.csv', '2024-09-02')");
  return db;
}

std::int64_t count(Database& db, const std::string& sql) {
  auto s = testing::sql(db, sql);
  REQUIRE(s.step());
  return s.integer(0);
}

/// 150 activities (three statements, the last part-filled), each field varied.
std::vector<Activity> a_year() {
  std::vector<Activity> year;
  for (int i = 0; i < 150; ++i) {  // three statements, the last part-filled
    Activity a;
    a.uid = "u" + std::to_string(i) + "@trellis";
    a.body = "b";
    if (i % 3) a.urn = 100000 + i;
    a.year = "2024-25";
    a.type = i % 2 ? "visit" : "deadline";
    a.title = "a title long enough to live outside the string " + std::to_string(i);
    a.start = Date::from_ymd(2024, 9, 2) + i;
    a.end = a.start + i % 4;
    if (i % 2 == 0) a.due = a.end;
    a.rule = "rule-" + std::to_string(i % 5);
    a.attendees = i % 4 ? std::vector<std::string>{"officer", "head " + std::to_string(i % 7)} : std::vector<std::string>{};
    a.documents = {"doc " + std::to_string(i % 3)};
    if (i % 5 == 0) a.assessment_id = i;
    if (i % 6 == 1) {
      a.anchor_uid = "u" + std::to_string(i - 1) + "@trellis";
      a.offset_days = -(i % 9);
      a.day_kind = i % 4 == 1 ? DayKind::working : DayKind::school;
    }
    year.push_back(a);
  }
  return year;
}

/// The store holds `year` whole, in order, as planned.
void check_stored(Database& db, const std::vector<Activity>& year) {
  const auto stored = db.activities().in_scope("b", "2024-25", std::nullopt);
  REQUIRE(stored.size() == year.size());
  for (std::size_t i = 0; i < year.size(); ++i) {
    const Activity &a = year[i], &b = stored[i];
    INFO(i);
    CHECK(b.id == static_cast<std::int64_t>(i) + 1);
    CHECK((b.uid == a.uid && b.urn == a.urn && b.type == a.type && b.title == a.title && b.start == a.start &&
           b.end == a.end && b.due == a.due && b.rule == a.rule && b.attendees == a.attendees &&
           b.documents == a.documents && b.assessment_id == a.assessment_id && b.anchor_uid == a.anchor_uid &&
           b.offset_days == a.offset_days && b.day_kind == a.day_kind && b.status == ActivityStatus::planned &&
           b.sequence == 0));
  }
}

}  // namespace

TEST_CASE("proposals past one statement's rows keep their order, ids and every citation") {
  Database db = with_evidence(3);
  testing::exec(db, R"(INSERT INTO ratings(id, urn, body_id, period, subject, level, stage, set_by, set_at)
                       VALUES (7, 100000, 'b', '2024-25', 'overall', 'red', 'final', 'officer', '2024-09-02'))");
  std::vector<Proposal> proposals;
  for (int i = 0; i < 150; ++i)  // three statements' worth of ratings, many more of citations
    proposals.push_back({{100000 + i, "b", "2024-25", "s" + std::to_string(i), "green", "computed", "trellis", "now",
                          "why " + std::to_string(i), "r", std::nullopt, std::nullopt, ""},
                         {1, 2, 3, 2}});  // the repeated citation is stored once
  db.ratings().add_proposals(proposals);
  CHECK(count(db, "SELECT COUNT(*) FROM ratings") == 151);
  CHECK(count(db, "SELECT MIN(id) FROM ratings WHERE stage = 'computed'") == 8);
  CHECK(count(db, "SELECT COUNT(*) FROM ratings WHERE stage = 'computed' AND subject = 's' || (id - 8) "
                  "AND urn = 100000 + id - 8 AND rationale = 'why ' || (id - 8)") == 150);
  CHECK(count(db, "SELECT COUNT(*) FROM rating_evidence") == 450);
  CHECK(count(db, "SELECT COUNT(DISTINCT rating_id) FROM rating_evidence WHERE rating_id BETWEEN 8 AND 157") == 150);
  db.ratings().add_proposals({});
  CHECK(count(db, "SELECT COUNT(*) FROM ratings") == 151);
}

TEST_CASE("a run's audit row is named on its assessments only, whatever stretches their ids fall in") {
  Database db = with_evidence(0);
  for (int i = 1; i <= 6; ++i)
    testing::exec(db, "INSERT INTO assessments(id, urn, body_id, regime, period, level, reasons, ratings, policy_version, "
                      "policy_hash, assessed_at) VALUES (" + std::to_string(i) +
                          ", 100000, 'b', 'r', '2024-25', 'green', '[]', '[]', 'v', 'h', 'now')");
  testing::exec(db, "INSERT INTO audit(id, at, who, command, summary, input_hash) VALUES (1, 'now', 'me', 'assess', '', '')");
  db.assessments().set_audit({5, 1, 2, 4}, 1);
  auto s = testing::sql(db, "SELECT group_concat(id) FROM (SELECT id FROM assessments WHERE audit_id = 1 ORDER BY id)");
  REQUIRE(s.step());
  CHECK(s.text(0) == "1,2,4,5");
}

TEST_CASE("a run's audit row is named on a country's assessments, given in any order with gaps, and on no others") {
  Database db = with_evidence(0);
  testing::exec(db, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2600) "
                    "INSERT INTO assessments(id, urn, body_id, regime, period, level, reasons, ratings, policy_version, "
                    "policy_hash, assessed_at) SELECT i, 100000 + i, 'b', 'r', '2024-25', 'green', '[]', '[]', 'v', 'h', 'now' FROM n");
  testing::exec(db, "INSERT INTO audit(id, at, who, command, summary, input_hash) VALUES (1, 'now', 'me', 'assess', '', '')");
  std::vector<std::int64_t> ids;
  for (std::int64_t id = 2500; id >= 1; --id)
    if (id != 1500) ids.push_back(id);
  ids.push_back(2600);
  db.assessments().set_audit(ids, 1);
  CHECK(count(db, "SELECT COUNT(*) FROM assessments WHERE audit_id = 1") == 2500);
  CHECK(count(db, "SELECT COUNT(*) FROM assessments WHERE audit_id IS NULL AND (id = 1500 OR id BETWEEN 2501 AND 2599)") == 100);
}

TEST_CASE("the last letter to each school is the level its head was told; a notice tells no level") {
  Database db = with_evidence(0);
  for (const char* row : {"100000, '2024-25', 'change', 'amber'", "100001, '2024-25', 'change', 'red'",
                          "100000, '2024-25', 'decision', 'green'", "100001, '2024-25', 'notice', 'green'",
                          "100002, '2023-24', 'change', 'red'"})
    testing::exec(db, std::string("INSERT INTO outbox(body_id, regime, file, text, created_at, urn, period, kind, to_level) "
                                  "VALUES ('b', 'r', 'f.md', 'text', 'now', ") + row + ")");
  const auto told = db.letters().last_levels("b", "2024-25");
  CHECK(told == std::map<std::int64_t, std::string>{{100000, "green"}, {100001, "red"}});
  for (const auto& [urn, level] : told) CHECK(db.letters().last_level("b", urn, "2024-25") == level);
}

TEST_CASE("activities past one statement's rows are stored whole, each field as given, texts bound in place") {
  Database db = with_evidence(0);
  const std::vector<Activity> year = a_year();
  db.activities().add_each(year.size(), [&](std::size_t i) { return year[i]; }, "2024-09-01T10:00:00Z");
  check_stored(db, year);
  CHECK(count(db, "SELECT COUNT(*) FROM activities WHERE planned_at = '2024-09-01T10:00:00Z'") == 150);
}

TEST_CASE("issue 18: rows added from views rewritten for each row are stored each as given, lists changed in place too") {
  Database db = with_evidence(0);
  const std::vector<Activity> year = a_year();
  // One place for every row's texts and lists, rewritten for the next: the
  // store keeps each row's own, and finds no list's text by its address alone.
  std::string uid, title, anchor;
  std::vector<std::string> attendees, documents;
  db.activities().add_rows(year.size(), [&](std::size_t i, NewActivity& row) {
    const Activity& a = year[i];
    row = new_activity(a);
    uid = a.uid;
    title = a.title;
    attendees = a.attendees;
    documents = a.documents;
    row.uid = uid;
    row.title = title;
    row.attendees = &attendees;
    row.documents = &documents;
    if (a.anchor_uid) row.anchor_uid = anchor = *a.anchor_uid;
  }, "2024-09-01T10:00:00Z");
  check_stored(db, year);
}
