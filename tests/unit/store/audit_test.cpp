// The audit log's hash chain (issue 11): built on every append, sealed on
// upgrade, append-only against accidents, and each kind of tampering named.
#include <catch2/catch.hpp>

#include "../acting.hpp"
#include "trellis/store/audit.hpp"
#include "trellis/store/audit_chain.hpp"
#include "trellis/store/audit_log.hpp"
#include "trellis/store/schema.hpp"
#include "../sql.hpp"

using namespace trellis;

namespace {

/// A database with `n` audit rows, about school 100000 + i and body "b" for even i.
Database log_of(int n) {
  Database db = sqlite::open_memory();
  migrate(db);
  for (int i = 1; i <= n; ++i) {
    AuditEntry e{"rate", "row " + std::to_string(i), "sha" + std::to_string(i), i % 2 ? "" : "b", 100000 + i};
    record_audit(db, testing::admin(), testing::at(i < 3 ? "2024-09-02T09:00:00Z" : "2024-10-01T09:00:00Z"), e);
  }
  return db;
}

/// What an attacker does first: the triggers are only a guard against accidents.
void drop_guards(Database& db) { testing::exec(db, "DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete;"); }

AuditFault fault_of(Database& db) {
  const AuditCheck c = verify_audit(db);
  REQUIRE(c.fault);
  return *c.fault;
}

const char* content = "at, who, role, command, summary, input_hash, body_id, urn, changes";

}  // namespace

TEST_CASE("every row links to the one before it, from the genesis value") {
  Database db = log_of(5);
  const auto rows = read_audit(db);
  REQUIRE(rows.size() == 5);
  std::string prev = audit_genesis();
  for (const auto& r : rows) {
    CHECK(r.prev_hash == prev);
    CHECK(r.hash == audit_row_hash(prev, r));
    CHECK(r.role == "admin");
    prev = *r.hash;
  }
  const AuditCheck c = verify_audit(db);
  CHECK(c.rows == 5);
  CHECK_FALSE(c.fault);
}

TEST_CASE("an empty log is intact") {
  Database db = log_of(0);
  const AuditCheck c = verify_audit(db);
  CHECK(c.rows == 0);
  CHECK_FALSE(c.fault);
}

TEST_CASE("the hash covers every field, and NULL is not the empty string") {
  AuditRecord r;
  r.id = 1;
  r.at = "2024-09-02T09:00:00Z";
  r.who = "a";
  const std::string base = audit_row_hash(audit_genesis(), r);
  AuditRecord blank_role = r;
  blank_role.role = "";
  CHECK(audit_row_hash(audit_genesis(), blank_role) != base);
  // Length prefixes: moving a character from one field to the next changes the hash.
  AuditRecord shifted = r;
  shifted.at = "2024-09-02T09:00:00Za";
  shifted.who = "";
  CHECK(audit_row_hash(audit_genesis(), shifted) != base);
  AuditRecord other_id = r;
  other_id.id = 2;
  CHECK(audit_row_hash(audit_genesis(), other_id) != base);
  CHECK(audit_row_hash(std::string(64, '1'), r) != base);
}

TEST_CASE("the table refuses UPDATE and DELETE") {
  Database db = log_of(3);
  CHECK_THROWS_WITH(testing::exec(db, "UPDATE audit SET summary = 'x' WHERE id = 2"), Catch::Contains("append-only"));
  CHECK_THROWS_WITH(testing::exec(db, "DELETE FROM audit WHERE id = 3"), Catch::Contains("append-only"));
  CHECK_FALSE(verify_audit(db).fault);
}

TEST_CASE("reading filters by school, body and day") {
  Database db = log_of(5);
  CHECK(read_audit(db, {.urn = 100003}).size() == 1);
  CHECK(read_audit(db, {.body = "b"}).size() == 2);
  CHECK(read_audit(db, {.since = "2024-10-01"}).size() == 3);
  CHECK(read_audit(db, {.since = "2024-10-02"}).empty());
}

TEST_CASE("an edited row is named") {
  Database db = log_of(5);
  drop_guards(db);
  testing::exec(db, "UPDATE audit SET summary = 'nothing to see' WHERE id = 3");
  const auto f = fault_of(db);
  CHECK(f.kind == AuditFault::Kind::edited);
  CHECK(f.row == 3);
}

TEST_CASE("a row deleted from the middle is named by its id") {
  Database db = log_of(5);
  drop_guards(db);
  testing::exec(db, "DELETE FROM audit WHERE id = 3");
  const auto f = fault_of(db);
  CHECK(f.kind == AuditFault::Kind::deleted);
  CHECK(f.row == 3);
  CHECK_THAT(f.what, Catch::Contains("row 3 was deleted"));
}

TEST_CASE("a deleted first row is named") {
  Database db = log_of(3);
  drop_guards(db);
  testing::exec(db, "DELETE FROM audit WHERE id = 1");
  const auto f = fault_of(db);
  CHECK(f.kind == AuditFault::Kind::deleted);
  CHECK(f.row == 1);
}

TEST_CASE("deleting the newest rows shows against the chain head") {
  Database db = log_of(5);
  drop_guards(db);
  testing::exec(db, "DELETE FROM audit WHERE id >= 4");
  const auto f = fault_of(db);
  CHECK(f.kind == AuditFault::Kind::deleted);
  CHECK(f.row == 4);
  CHECK_THAT(f.what, Catch::Contains("rows 4 to 5 were deleted from the end"));
}

TEST_CASE("with the head forged too, an assessment still names its missing audit row") {
  Database db = log_of(5);
  testing::exec(db, "INSERT INTO bodies(id, kind, name, created_at) VALUES ('b', 'trust', 'B', 'now')");
  testing::exec(db, R"(INSERT INTO assessments(urn, body_id, regime, period, level, reasons, ratings, policy_version,
             policy_hash, assessed_at, audit_id) VALUES (100005, 'b', 'r', '2024-25', 'amber', '[]', '[]', '1', 'h',
             'now', 5))");
  drop_guards(db);
  testing::exec(db, "PRAGMA foreign_keys = OFF");  // the assessment's reference would stop the deletion too
  testing::exec(db, "DELETE FROM audit WHERE id = 5");
  testing::exec(db, "UPDATE audit_head SET row_count = 4, last_id = 4, hash = (SELECT hash FROM audit WHERE id = 4)");
  const auto f = fault_of(db);
  CHECK(f.kind == AuditFault::Kind::deleted);
  CHECK(f.row == 5);
  CHECK_THAT(f.what, Catch::Contains("assessment 1"));
}

TEST_CASE("rows swapped whole, with their hashes, are named as reordered") {
  Database db = log_of(5);
  drop_guards(db);
  testing::exec(db, "CREATE TEMP TABLE moved AS SELECT * FROM audit WHERE id IN (3, 4)");
  testing::exec(db, std::string("UPDATE audit SET (") + content + ", prev_hash, hash) = (SELECT " + content +
          ", prev_hash, hash FROM moved WHERE moved.id = 7 - audit.id) WHERE id IN (3, 4)");
  const auto f = fault_of(db);
  CHECK(f.kind == AuditFault::Kind::reordered);
  CHECK(f.row == 3);
  CHECK_THAT(f.what, Catch::Contains("written as row 4"));
}

TEST_CASE("contents swapped under the hashes are named as reordered") {
  Database db = log_of(5);
  drop_guards(db);
  testing::exec(db, "CREATE TEMP TABLE moved AS SELECT * FROM audit WHERE id IN (2, 4)");
  testing::exec(db, std::string("UPDATE audit SET (") + content + ") = (SELECT " + content +
          " FROM moved WHERE moved.id = 6 - audit.id) WHERE id IN (2, 4)");
  const auto f = fault_of(db);
  CHECK(f.kind == AuditFault::Kind::reordered);
  CHECK(f.row == 2);
  CHECK_THAT(f.what, Catch::Contains("written as row 4"));
}

TEST_CASE("a row rewritten with a recomputed hash breaks the next row's link") {
  Database db = log_of(5);
  drop_guards(db);
  auto rows = read_audit(db);
  AuditRecord forged = rows[2];
  forged.summary = "forged";
  auto s = testing::sql(db, "UPDATE audit SET summary = ?, hash = ? WHERE id = 3");
  s.bind(1, forged.summary).bind(2, audit_row_hash(*forged.prev_hash, forged)).run();
  const auto f = fault_of(db);
  CHECK(f.kind == AuditFault::Kind::broken_link);
  CHECK(f.row == 4);
}

TEST_CASE("rows from before the chain are sealed in id order, NULL role and all") {
  Database db = log_of(2);
  drop_guards(db);
  // As schema 3 left them: no role, body, school, changes or hashes.
  testing::exec(db, "UPDATE audit SET role = NULL, body_id = NULL, urn = NULL, changes = NULL, prev_hash = NULL, hash = NULL");
  CHECK(fault_of(db).kind == AuditFault::Kind::unsealed);
  seal_audit(db);
  CHECK_FALSE(verify_audit(db).fault);
  CHECK_FALSE(read_audit(db)[0].role);
  record_audit(db, testing::admin(), testing::at(), {"init", "schema 3 -> 4"});
  const AuditCheck c = verify_audit(db);
  CHECK(c.rows == 3);
  CHECK_FALSE(c.fault);
  CHECK_THROWS_WITH(testing::exec(db, "DELETE FROM audit WHERE id = 1"), Catch::Contains("append-only"));
}
