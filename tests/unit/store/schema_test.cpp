#include <catch2/catch.hpp>
#include <filesystem>
#include <stdexcept>
#include <string>

#include "trellis/error.hpp"
#include "trellis/store/schema.hpp"
#include "../../../kernel/store/sqlite/repositories.hpp"
#include "../sql.hpp"

using namespace trellis;

namespace {
std::filesystem::path temp_db(const char* name) {
  auto p = std::filesystem::temp_directory_path() / name;
  for (auto ext : {"", "-wal", "-shm"}) std::filesystem::remove(p.string() + ext);
  return p;
}
}  // namespace

TEST_CASE("init creates the schema, and a second init changes nothing") {
  auto db = sqlite::open(temp_db("trellis-schema-1.db"));
  CHECK(migrate(db) == 0);
  CHECK(stored_version(db) == schema_version(db));
  CHECK(migrate(db) == schema_version(db));
  CHECK_NOTHROW(require_current(db));
}

TEST_CASE("a database newer than the program is refused by name") {
  auto path = temp_db("trellis-schema-2.db");
  auto db = sqlite::open(path);
  testing::exec(db, "PRAGMA user_version = 999");
  CHECK_THROWS_WITH(migrate(db), Catch::Contains("newer than this program"));
  CHECK_THROWS_WITH(require_current(db), Catch::Contains("999"));
}

TEST_CASE("an empty file is not yet a trellis database") {
  auto db = sqlite::open(temp_db("trellis-schema-3.db"));
  CHECK_THROWS_WITH(require_current(db), Catch::Contains("not a trellis database yet"));
  try {
    require_current(db);
  } catch (const StoreError& e) {
    CHECK(e.remedy().kind == Remedy::Kind::init_database);
  }
}

TEST_CASE("a transaction that is not committed leaves nothing behind") {
  auto db = sqlite::open_memory();
  migrate(db);
  {
    Transaction tx(db);
    testing::exec(db, "INSERT INTO bodies(id, kind, name, created_at) VALUES ('x', 'la', 'X', 'now')");
  }
  auto s = testing::sql(db, "SELECT COUNT(*) FROM bodies");
  s.step();
  CHECK(s.integer(0) == 0);
}

TEST_CASE("foreign keys are enforced") {
  auto db = sqlite::open_memory();
  migrate(db);
  CHECK_THROWS(testing::exec(db, "INSERT INTO memberships(body_id, urn, from_date) VALUES ('nobody', 1, '2024-01-01')"));
}

// Schema 11 rebuilds activities, which notes refer to: the upgrade runs with
// foreign keys off, so it checks them before it commits.
namespace {
/// A file at schema 10 holding a note whose activity is not there, written with the keys off.
std::filesystem::path v10_with_dangling_note(const char* name) {
  auto path = temp_db(name);
  auto db = sqlite::open(path);
  migrate(db);
  testing::exec(db, "PRAGMA foreign_keys = OFF");
  testing::exec(db, "INSERT INTO bodies(id, kind, name, created_at) VALUES ('b', 'trust', 'B', 'now')");
  testing::exec(db, "INSERT INTO people(id, name, role, added_at) VALUES ('p', 'P', 'admin', 'now')");
  testing::exec(db, "INSERT INTO notes(activity_id, body_id, author, created_at) VALUES (42, 'b', 'p', 'now')");
  testing::exec(db, "PRAGMA user_version = 10");
  return path;
}

bool keys_on(Database& db) {
  auto s = testing::sql(db, "PRAGMA foreign_keys");
  s.step();
  return s.integer(0) == 1;
}
}  // namespace

TEST_CASE("an upgrade that leaves a reference dangling is refused and changes nothing") {
  auto db = sqlite::open(temp_db("trellis-schema-4.db"));
  migrate(db);
  testing::exec(db, "PRAGMA user_version = 10");
  auto again = sqlite::open(db.location());
  {
    Transaction tx(again);
    migrate_within(again);
    testing::exec(again, "INSERT INTO bodies(id, kind, name, created_at) VALUES ('b', 'trust', 'B', 'now')");
    testing::exec(again, "INSERT INTO memberships(body_id, urn, from_date) VALUES ('b', 7, '2024-09-01')");
    CHECK_THROWS_WITH(tx.commit(), Catch::Contains("row 1 of memberships refers to a row of schools that is not there") &&
                                       Catch::Contains("nothing was changed"));
  }
  CHECK(stored_version(again) == 10);
  CHECK(keys_on(again));  // on again once the upgrade's unit of work has ended
}

TEST_CASE("a reference that dangled before the upgrade is carried over as it was") {
  auto db = sqlite::open(v10_with_dangling_note("trellis-schema-5.db"));
  CHECK(migrate(db) == 10);
  CHECK(stored_version(db) == schema_version(db));
  auto s = testing::sql(db, "SELECT activity_id FROM notes");
  REQUIRE(s.step());
  CHECK(s.integer(0) == 42);
  CHECK(keys_on(db));
}

TEST_CASE("an upgrade after another unit of work on the same connection is refused, not half done") {
  auto db = sqlite::open(v10_with_dangling_note("trellis-schema-6.db"));
  {
    Transaction tx(db);
    tx.commit();
  }
  CHECK_THROWS_AS(migrate(db), std::logic_error);
  CHECK(stored_version(db) == 10);
}

TEST_CASE("an activity's UID is unique within its school's year, and a body-wide one's across the body") {
  auto db = sqlite::open_memory();
  migrate(db);
  testing::exec(db, "INSERT INTO bodies(id, kind, name, created_at) VALUES ('b', 'trust', 'B', 'now')");
  const std::string add = "INSERT INTO activities(uid, body_id, urn, year, type, title, start_date, end_date, rule, "
                          "attendees, documents) VALUES ";
  testing::exec(db, add + "('u1@trellis', 'b', 1, '2024-25', 'visit', 'V', '2024-09-02', '2024-09-02', 'r', '[]', '[]')");
  CHECK_THROWS_WITH(
      testing::exec(db, add + "('u1@trellis', 'b', 1, '2024-25', 'visit', 'V', '2024-09-03', '2024-09-03', 'r', '[]', '[]')"),
      Catch::Contains("UNIQUE"));
  testing::exec(db, add + "('u2@trellis', 'b', NULL, '2024-25', 'meeting', 'M', '2024-09-02', '2024-09-02', 'r', '[]', '[]')");
  CHECK_THROWS_WITH(
      testing::exec(db, add + "('u2@trellis', 'b', NULL, '2024-25', 'meeting', 'M', '2024-09-09', '2024-09-09', 'r', '[]', '[]')"),
      Catch::Contains("UNIQUE"));
}

// Schema 11's activities_school ends in uid, not id: a school's activities
// sorted by id must still be read through it, not by walking the whole year.
TEST_CASE("one school's activities are read through activities_school") {
  auto db = sqlite::open_memory();
  migrate(db);
  for (const bool one_school : {true, false}) {
    auto s = testing::sql(db, "EXPLAIN QUERY PLAN " + sqlite::activities_in_scope_sql(one_school));
    std::string plan;
    while (s.step()) plan += s.text(3) + "\n";
    INFO(plan);
    CHECK(plan.find(one_school ? "INDEX activities_school (body_id=? AND urn=? AND year=?)"
                               : "INDEX activities_body (body_id=? AND year=?)") != std::string::npos);
  }
}

namespace {

std::int64_t number(Database& db, const std::string& sql) {
  auto s = testing::sql(db, sql);
  REQUIRE(s.step());
  return s.integer(0);
}

void add_body(Database& db, const std::string& id) {
  testing::exec(db, "INSERT INTO bodies(id, kind, name, created_at) VALUES ('" + id + "', 'la', 'X', 'now')");
}

}  // namespace

// Reads that see one state of the store (ReadSnapshot) and writes held in a
// wider page cache (BulkWrites) (issue 18).
TEST_CASE("a read snapshot sees the store as it was at its first read, until it ends") {
  const auto file = temp_db("trellis-snapshot-test.db");
  Database reader = sqlite::open(file);
  migrate(reader);
  Database writer = sqlite::open(file);
  add_body(writer, "a");
  {
    ReadSnapshot reading(reader);
    CHECK(number(reader, "SELECT COUNT(*) FROM bodies") == 1);
    add_body(writer, "b");  // committed by another connection meanwhile
    CHECK(number(reader, "SELECT COUNT(*) FROM bodies") == 1);
    {
      ReadSnapshot inner(reader);  // nests: the outer snapshot still holds
      CHECK(number(reader, "SELECT COUNT(*) FROM bodies") == 1);
    }
    CHECK(number(reader, "SELECT COUNT(*) FROM bodies") == 1);
  }
  CHECK(number(reader, "SELECT COUNT(*) FROM bodies") == 2);
}

TEST_CASE("no unit of work begins inside a read snapshot; one opened before it is left as it was") {
  Database db = sqlite::open_memory();
  migrate(db);
  {
    ReadSnapshot reading(db);
    CHECK_THROWS_AS(Transaction(db), std::logic_error);
  }
  Transaction tx(db);
  {
    ReadSnapshot reading(db);  // inside a unit of work it adds nothing
    add_body(db, "a");
  }
  tx.commit();
  CHECK(number(db, "SELECT COUNT(*) FROM bodies") == 1);
  Transaction after(db);  // the snapshot left no transaction of its own open
  after.commit();
}

TEST_CASE("bulk writes widen the page cache while they are open, nested, and give it back") {
  Database db = sqlite::open_memory();
  testing::exec(db, "PRAGMA cache_size = -3000");
  {
    BulkWrites bulk(db);
    CHECK(number(db, "PRAGMA cache_size") == -65536);
    {
      BulkWrites inner(db);
      CHECK(number(db, "PRAGMA cache_size") == -65536);
    }
    CHECK(number(db, "PRAGMA cache_size") == -65536);
  }
  CHECK(number(db, "PRAGMA cache_size") == -3000);
}
