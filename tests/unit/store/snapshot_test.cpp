// Reads that see one state of the store (ReadSnapshot) and writes held in a
// wider page cache (BulkWrites), on the SQLite backend (issue 18).
#include <catch2/catch.hpp>
#include <filesystem>
#include <stdexcept>
#include <string>

#include "trellis/store/schema.hpp"
#include "../sql.hpp"

using namespace trellis;

namespace {

std::filesystem::path temp_db(const char* name) {
  auto p = std::filesystem::temp_directory_path() / name;
  for (auto ext : {"", "-wal", "-shm"}) std::filesystem::remove(p.string() + ext);
  return p;
}

std::int64_t number(Database& db, const std::string& sql) {
  auto s = testing::sql(db, sql);
  REQUIRE(s.step());
  return s.integer(0);
}

void add_body(Database& db, const std::string& id) {
  testing::exec(db, "INSERT INTO bodies(id, kind, name, created_at) VALUES ('" + id + "', 'la', 'X', 'now')");
}

}  // namespace

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
