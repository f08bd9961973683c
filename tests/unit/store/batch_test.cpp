// The writes a stored run makes many at a time (issue 18): several rows to a
// statement, in order, with the ids one row at a time would have had.
#include <catch2/catch.hpp>

#include <filesystem>

#include "trellis/store/activity_repository.hpp"
#include <nlohmann/json.hpp>

#include "trellis/assessment.hpp"
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

/// Every column of every rating, in id order, one row a line.
std::string ratings_table(Database& db) {
  auto s = testing::sql(db, R"(SELECT id || '|' || urn || '|' || body_id || '|' || period || '|' || subject || '|' || level
      || '|' || stage || '|' || set_by || '|' || set_at || '|' || quote(rationale) || '|' || quote(supersedes) || '|'
      || quote(regime) || '|' || quote(adoption_id) || '|' || quote(decided_on) FROM ratings ORDER BY id)");
  std::string out;
  while (s.step()) out += s.text(0) + "\n";
  return out;
}

TEST_CASE("issue 18: people's ratings past one statement's rows are stored as add stores each, ids from next_id") {
  Database one = with_evidence(0), many = with_evidence(0);
  for (Database* db : {&one, &many})
    testing::exec(*db, R"(INSERT INTO ratings(id, urn, body_id, period, subject, level, stage, set_by, set_at, regime)
                          VALUES (7, 100000, 'b', '2024-25', 's0', 'red', 'self', 'head', '2024-09-02', 'r'))");
  CHECK(many.ratings().next_id() == 8);
  std::vector<NewRating> ratings;
  for (int i = 0; i < 150; ++i) {  // three statements, the last part-filled; each field varied
    NewRating r{100000 + i % 3, "b", "2024-25", "s" + std::to_string(i % 5), i % 2 ? "green" : "red", "self",
                "head " + std::to_string(i), "2024-10-0" + std::to_string(1 + i % 9), i % 4 ? "why " + std::to_string(i) : "",
                "r", std::nullopt, std::nullopt, "2024-09-" + std::to_string(10 + i % 20)};
    if (i % 7 == 0) r.supersedes = 7;
    ratings.push_back(r);
  }
  for (const auto& r : ratings) one.ratings().add(r);
  many.ratings().add_all(ratings);
  many.ratings().add_all({});
  CHECK(ratings_table(many) == ratings_table(one));
  CHECK(many.ratings().next_id() == 158);
  // The newest of each school's subject at a stage, as `latest` finds each.
  int found = 0;
  many.ratings().each_latest("b", "2024-25", "r", [&](std::int64_t urn, const std::string& subject, const std::string& stage,
                                                      std::int64_t id) {
    ++found;
    CHECK(many.ratings().latest("b", urn, "2024-25", subject, stage, "r") == id);
  });
  CHECK(found == 15);
  many.ratings().each_latest("b", "2024-25", "other", [&](std::int64_t, const std::string&, const std::string&,
                                                          std::int64_t) { FAIL("another regime's rating"); });
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

// Schema 12: the tables written many rows at a time check their keys at
// commit, and their multi-row inserts say OR FAIL (no statement journal). A
// failed row must still leave none of its call's rows behind, and a dangling
// key is refused with the call that made it, by row.
namespace {

std::vector<Proposal> proposals_for(const std::string& body, int schools, std::int64_t evidence) {
  std::vector<Proposal> out;
  for (int i = 0; i < schools; ++i)
    out.push_back({{100000 + i, body, "2024-25", "overall", "green", "computed", "trellis", "now", "", "r", std::nullopt,
                    std::nullopt, ""},
                   {1, evidence}});
  return out;
}

std::vector<Activity> year_with_repeat(int count, int repeat_at) {
  std::vector<Activity> year;
  for (int i = 0; i < count; ++i) {
    Activity a;
    a.uid = "u" + std::to_string(i == repeat_at ? 1 : i) + "@trellis";  // the same school's UID twice
    a.body = "b";
    a.urn = 100000;
    a.year = "2024-25";
    a.type = "visit";
    a.title = "visit";
    a.start = a.end = Date::from_ymd(2024, 9, 2) + i;
    a.rule = "r";
    year.push_back(a);
  }
  return year;
}

}  // namespace

TEST_CASE("a bulk write naming a body that is not there is refused as it is written, by row, and nothing is kept") {
  Database db = with_evidence(1);
  {
    Transaction tx(db);
    // Checked at commit, the unit would go on past it: the call refuses it itself.
    CHECK_THROWS_WITH(db.ratings().add_proposals(proposals_for("nobody", 100, 1)),
                      Catch::Contains("row 1 of ratings refers to a row of bodies that is not there"));
  }
  CHECK(count(db, "SELECT COUNT(*) FROM ratings") == 0);
  CHECK(count(db, "SELECT COUNT(*) FROM rating_evidence") == 0);
}

TEST_CASE("a dangling key left by a single row is named when its unit commits, and the unit rolls back") {
  Database db = with_evidence(1);
  {
    Transaction tx(db);
    testing::exec(db, "INSERT INTO assessments(urn, body_id, regime, period, level, reasons, ratings, policy_version, "
                      "policy_hash, assessed_at, audit_id) VALUES (1, 'b', 'r', '2024-25', 'green', '[]', '[]', '1', "
                      "'h', 'now', 99)");
    CHECK_THROWS_WITH(tx.commit(), Catch::Contains("row 1 of assessments refers to a row of audit that is not there") &&
                                       Catch::Contains("nothing was changed"));
  }
  CHECK(count(db, "SELECT COUNT(*) FROM assessments") == 0);
}

TEST_CASE("rows are not written inside a read snapshot, whose end would drop them unseen") {
  Database db = with_evidence(1);
  ReadSnapshot reading(db);
  CHECK(count(db, "SELECT COUNT(*) FROM ratings") == 0);  // the snapshot has begun
  CHECK_THROWS_AS(db.ratings().add_proposals(proposals_for("b", 2, 1)), std::logic_error);
}

TEST_CASE("outside a unit of work, a call's rows are written all or none") {
  Database db = with_evidence(1);
  SECTION("a citation of evidence that is not there, in the last statement") {
    CHECK_THROWS_WITH(db.ratings().add_proposals(proposals_for("b", 100, 99)),
                      Catch::Contains("of rating_evidence refers to a row of evidence that is not there"));
    CHECK(count(db, "SELECT COUNT(*) FROM ratings") == 0);
    CHECK(count(db, "SELECT COUNT(*) FROM rating_evidence") == 0);
  }
  SECTION("a repeated UID in the middle of the second statement") {
    const auto year = year_with_repeat(100, 80);
    CHECK_THROWS_WITH(db.activities().add_each(year.size(), [&](std::size_t i) { return year[i]; }, "now"),
                      Catch::Contains("UNIQUE"));
    CHECK(count(db, "SELECT COUNT(*) FROM activities") == 0);
  }
  SECTION("and when nothing fails, every row is kept") {
    db.ratings().add_proposals(proposals_for("b", 100, 1));
    CHECK(count(db, "SELECT COUNT(*) FROM ratings") == 100);
    CHECK(count(db, "SELECT COUNT(*) FROM rating_evidence") == 100);
  }
}

TEST_CASE("inside a unit of work, a failed row in a multi-row insert rolls the whole unit back") {
  Database db = with_evidence(1);
  {
    Transaction tx(db);
    db.ratings().add_proposals(proposals_for("b", 10, 1));
    const auto year = year_with_repeat(100, 80);
    CHECK_THROWS_WITH(db.activities().add_each(year.size(), [&](std::size_t i) { return year[i]; }, "now"),
                      Catch::Contains("UNIQUE"));
  }
  CHECK(count(db, "SELECT COUNT(*) FROM activities") == 0);
  CHECK(count(db, "SELECT COUNT(*) FROM ratings") == 0);
}

namespace {

/// The row's JSON as it was written before the text was written directly: nlohmann's dump().
std::string dumped_ratings(const std::vector<sdk::RatingOut>& ratings) {
  auto list = nlohmann::json::array();
  for (const auto& r : ratings) {
    nlohmann::json j{{"subject", r.subject}, {"level", r.level}, {"stage", r.stage}};
    if (!r.rationale.empty()) j["rationale"] = r.rationale;
    if (!r.reasons.empty()) j["reasons"] = r.reasons;
    if (!r.evidence.empty()) j["evidence"] = r.evidence;
    list.push_back(j);
  }
  return list.dump();
}

std::string text(Database& db, const std::string& sql) {
  auto s = testing::sql(db, sql);
  REQUIRE(s.step());
  return s.text(0);
}

/// A school's assessment with the given reasons, of body b's school 100000.
SchoolAssessment assessed(std::vector<std::string> reasons) {
  SchoolAssessment a;
  a.urn = 100000;
  a.body = "b";
  a.regime = "r";
  a.period = "2024-25";
  a.level = a.computed_level = "green";
  a.policy_version = "1";
  a.policy_hash = "h";
  a.reasons = std::move(reasons);
  return a;
}

}  // namespace

TEST_CASE("an assessment's reasons and ratings are stored byte for byte as dump() wrote them") {
  Database db = with_evidence(0);
  SchoolAssessment a =
      assessed({"plain", "quoted \"word\" and a back\\slash", "tab\tnew\nline\x01 bell\x7f", "caf\xc3\xa9 \xe2\x80\x94 ok", ""});
  a.ratings = {{"overall", "green", "computed", "", {}, {}},
               {"ks2", "amber", "computed", "Below \"target\".", {3, 1, 2}, {"one", "two\n"}},
               {"attendance", "red", "computed", "", {7}, {}}};
  const auto id = db.assessments().add(a, "2024-09-02T09:00:00Z");
  CHECK(text(db, "SELECT reasons FROM assessments WHERE id = " + std::to_string(id)) == nlohmann::json(a.reasons).dump());
  CHECK(text(db, "SELECT ratings FROM assessments WHERE id = " + std::to_string(id)) == dumped_ratings(a.ratings));
  // The next row's shorter texts are bound afresh: nothing of the last is left in them.
  SchoolAssessment b = a;
  b.reasons.clear();
  b.ratings.clear();
  const auto next = db.assessments().add(b, "2024-09-02T09:00:00Z");
  CHECK(text(db, "SELECT reasons || ratings FROM assessments WHERE id = " + std::to_string(next)) == "[][]");
  CHECK(text(db, "SELECT reasons FROM assessments WHERE id = " + std::to_string(id)) == nlohmann::json(a.reasons).dump());
}

TEST_CASE("an assessment whose reasons are not UTF-8 is refused, as dump() refused it") {
  Database db = with_evidence(0);
  const SchoolAssessment a = assessed({"fine", "broken \xff byte"});
  CHECK_THROWS_AS(db.assessments().add(a, "2024-09-02T09:00:00Z"), nlohmann::json::type_error);
  CHECK(count(db, "SELECT COUNT(*) FROM assessments") == 0);
}
