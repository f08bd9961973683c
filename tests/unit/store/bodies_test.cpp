#include "../acting.hpp"
#include <catch2/catch.hpp>

#include "trellis/bodies.hpp"
#include "trellis/error.hpp"
#include "trellis/store/schema.hpp"
#include "../sql.hpp"

using namespace trellis;

namespace {
Database with_schools() {
  auto db = sqlite::open_memory();
  migrate(db);
  testing::exec(db, "INSERT INTO schools(urn, name, updated_at) VALUES (1, 'A', 'x'), (2, 'B', 'x'), (3, 'C', 'x')");
  return db;
}
}  // namespace

TEST_CASE("memberships follow their date ranges") {
  auto db = with_schools();
  add_body(db, testing::admin(), testing::at(), {"t1", "trust", "Trust One"});
  join_body(db, testing::admin(), testing::at(), "t1", {1, 2}, "2020-09-01", std::string("2023-08-31"));
  join_body(db, testing::admin(), testing::at(), "t1", {3}, "2023-09-01", std::nullopt);
  CHECK(members_on(db, "t1", "2021-01-01") == std::vector<std::int64_t>{1, 2});
  CHECK(members_on(db, "t1", "2023-08-31") == std::vector<std::int64_t>{1, 2});
  CHECK(members_on(db, "t1", "2024-01-01") == std::vector<std::int64_t>{3});
  auto list = list_bodies(db, "2024-01-01");
  REQUIRE(list.size() == 1);
  CHECK(list[0].schools == 1);
}

TEST_CASE("joining a school that is a member already in that time leaves it as it was") {
  auto db = with_schools();
  add_body(db, testing::admin(), testing::at(), {"t1", "trust", "Trust One"});
  join_body(db, testing::admin(), testing::at(), "t1", {1}, "2020-09-01", std::string("2023-08-31"));
  const auto count = [&](const char* sql) {
    auto s = testing::sql(db, sql);
    s.step();
    return s.integer(0);
  };
  const auto audit_before = count("SELECT COUNT(*) FROM audit");
  const JoinRun again = join_body(db, testing::admin(), testing::at(), "t1", {1, 2}, "2023-01-01", std::nullopt);
  CHECK(again.joined == std::vector<std::int64_t>{2});
  CHECK(again.already == std::vector<std::int64_t>{1});
  CHECK(count("SELECT COUNT(*) FROM memberships WHERE urn = 1") == 1);
  // Every school a member already: nothing is written, not even an audit row.
  const JoinRun none = join_body(db, testing::admin(), testing::at(), "t1", {2}, "2024-01-01", std::nullopt);
  CHECK(none.joined.empty());
  CHECK(count("SELECT COUNT(*) FROM audit") == audit_before + 1);
  // After the first membership ends, the school may join again.
  CHECK(join_body(db, testing::admin(), testing::at(), "t1", {1}, "2023-09-01", std::string("2023-12-31")).joined.size() == 1);
}

TEST_CASE("bad body input is a usage error naming what was wrong") {
  auto db = with_schools();
  CHECK_THROWS_WITH(add_body(db, testing::admin(), testing::at(), {"Bad Id", "la", "x"}), Catch::Contains("Bad Id"));
  CHECK_THROWS_WITH(add_body(db, testing::admin(), testing::at(), {"ok", "council", "x"}), Catch::Contains("council"));
  add_body(db, testing::admin(), testing::at(), {"ok", "la", "OK"});
  CHECK_THROWS_WITH(add_body(db, testing::admin(), testing::at(), {"ok", "la", "OK"}), Catch::Contains("already exists"));
  CHECK_THROWS_WITH(join_body(db, testing::admin(), testing::at(), "ok", {99}, "2024-01-01", std::nullopt), Catch::Contains("99"));
  CHECK_THROWS_WITH(join_body(db, testing::admin(), testing::at(), "ok", {1}, "2024-13-01", std::nullopt), Catch::Contains("2024-13-01"));
  CHECK_THROWS_WITH(join_body(db, testing::admin(), testing::at(), "ok", {1}, "2024-02-01", std::string("2024-01-01")), Catch::Contains("before"));
}

TEST_CASE("a school leaving a body: its membership ends that day, and a non-member is refused with nothing written") {
  auto db = with_schools();
  add_body(db, testing::admin(), testing::at(), {"t1", "trust", "Trust One"});
  add_body(db, testing::admin(), testing::at(), {"t2", "trust", "Trust Two"});
  join_body(db, testing::admin(), testing::at(), "t1", {1, 2}, "2020-09-01", std::nullopt);
  leave_body(db, testing::admin(), testing::at(), "t1", {1}, "2021-03-31");
  join_body(db, testing::admin(), testing::at(), "t2", {1}, "2021-04-01", std::nullopt);
  CHECK(members_on(db, "t1", "2021-03-31") == std::vector<std::int64_t>{1, 2});
  CHECK(members_on(db, "t1", "2021-04-01") == std::vector<std::int64_t>{2});
  CHECK(members_on(db, "t2", "2021-04-01") == std::vector<std::int64_t>{1});
  const auto memberships = [&] {
    auto s = testing::sql(db, "SELECT group_concat(body_id || ':' || from_date || ':' || IFNULL(to_date, '-'), ' ') "
                              "FROM (SELECT * FROM memberships ORDER BY id)");
    s.step();
    return s.text(0);
  };
  CHECK(memberships() == "t1:2020-09-01:2021-03-31 t1:2020-09-01:- t2:2021-04-01:-");
  // School 2 may leave, school 3 was never a member: neither leaves.
  CHECK_THROWS_AS(leave_body(db, testing::admin(), testing::at(), "t1", {2, 3}, "2021-06-30"), UsageError);
  CHECK(memberships() == "t1:2020-09-01:2021-03-31 t1:2020-09-01:- t2:2021-04-01:-");
  CHECK_THROWS_AS(leave_body(db, testing::admin(), testing::at(), "t1", {2}, "30/06/2021"), UsageError);
}
