// The register from the DfE spine, a GIAS export and the LA names file.
#include "../acting.hpp"
#include <catch2/catch.hpp>

#include "helpers.hpp"
#include "trellis/import/schools_import.hpp"
#include "trellis/schools.hpp"

using namespace trellis;
using namespace trellis::test;

namespace {

void replace_once(std::string& s, const std::string& from, const std::string& to) {
  auto at = s.find(from);
  REQUIRE(at != std::string::npos);
  s.replace(at, from.size(), to);
}

School school(Database& db, std::int64_t urn) {
  auto s = find_school(db, urn);
  REQUIRE(s);
  return *s;
}

}  // namespace

TEST_CASE("spine: type, type group, phase, status, LA and Excel dates are mapped") {
  auto db = fresh_db();
  auto r = import_schools(db, testing::admin(), testing::at(), {.file = fixture("spine_small.csv")});
  CHECK(r.format == "dfe-spine");
  CHECK(r.rows == 14);
  CHECK(r.added == 14);
  CHECK(r.closed == 1);
  CHECK(r.unknown_types.empty());

  auto s = school(db, 100000);
  CHECK(s.name == "Sir John Cass's Foundation Primary School");
  CHECK(s.la_code == 201);
  CHECK(s.estab == 3614);
  CHECK(s.type == "Voluntary aided school");
  CHECK(s.type_group == "maintained");
  CHECK(s.phase == "primary");
  CHECK(s.status == "open");
  CHECK(s.source == "spine_small.csv");
  CHECK(s.source_line == 2);

  CHECK(school(db, 100028).name == "Christ Church Primary School, Hampstead");  // a quoted comma
  auto closed = school(db, 100088);
  CHECK(closed.status == "closed");
  CHECK(closed.close_date == "2018-12-31");  // CLOSEDATE 43465
  CHECK(school(db, 135739).open_date == "2019-09-01");  // OPENDATE 43709
  CHECK(school(db, 100037).status == "open");            // ICLOSE 3: open, closing

  const std::tuple<std::int64_t, const char*, const char*> groups[] = {
      {137286, "academy", "all-through"},     // Academy - Converter special school
      {100091, "maintained", "primary"},       // Community special school
      {100001, "independent", "all-through"},  // Other independent school
      {130411, "college", "16 plus"},          // Sixth form college
      {102463, "independent", "all-through"},  // Non-maintained special school
      {138403, "academy", "16 plus"},          // "Free school  16-19"
      {101849, "academy", "secondary"},        // City technology college
      {132269, "other", "primary"},            // Service childrens education
  };
  for (auto [urn, group, phase] : groups) {
    INFO(urn);
    CHECK(school(db, urn).type_group == group);
    CHECK(school(db, urn).phase == phase);
  }
  CHECK(school(db, 138403).type == "Free school  16-19");  // kept verbatim
}

TEST_CASE("LA names fill the register, and a later spine import keeps them") {
  auto db = fresh_db();
  import_schools(db, testing::admin(), testing::at(), {.file = fixture("spine_small.csv")});
  auto r = import_schools(db, testing::admin(), testing::at(), {.file = fixture("la_names_small.csv")});
  CHECK(r.format == "la-names");
  CHECK(r.rows == 4);
  CHECK(r.la_names_set == count(db, "SELECT COUNT(*) FROM schools WHERE la_code IN (201, 202, 894)"));
  REQUIRE(r.notes.size() == 1);  // Shropshire (893) has no school in the fixture
  CHECK_THAT(r.notes[0], Catch::StartsWith("1 LA(s) in the file have no schools"));
  CHECK(school(db, 123377).la_name == "Telford and Wrekin");

  const std::string before = snapshot(db);
  auto again = import_schools(db, testing::admin(), testing::at(), {.file = fixture("spine_small.csv")});
  CHECK(again.unchanged == 14);
  CHECK(again.added + again.updated == 0);
  CHECK(again.already_imported_at);  // the same file, nothing changed: no trace
  CHECK(snapshot(db) == before);
  CHECK(school(db, 123377).la_name == "Telford and Wrekin");
}

TEST_CASE("re-importing updates the register; a school that closes stays, marked closed") {
  auto db = fresh_db();
  TempDir d;
  import_schools(db, testing::admin(), testing::at(), {.file = fixture("spine_small.csv")});
  std::string bytes = read_bytes(fixture("spine_small.csv"));
  replace_once(bytes, "Duke's Place,,London,EC3A 5DE,02072831147,1,,,0,",
               "Duke's Place,,London,EC3A 5DE,02072831147,2,,43708,0,");
  auto r = import_schools(db, testing::admin(), testing::at(), {.file = d.write("spine_next.csv", bytes)});
  CHECK(r.updated == 1);
  CHECK(r.unchanged == 13);
  auto s = school(db, 100000);
  CHECK(s.status == "closed");
  CHECK(s.close_date == "2019-08-31");
  CHECK(s.source == "spine_next.csv");
  CHECK(count(db, "SELECT COUNT(*) FROM schools") == 14);
  CHECK(count(db, "SELECT COUNT(*) FROM imports") == 2);
}

TEST_CASE("GIAS: names of types, statuses and phases, dd-mm-yyyy dates, pupils and LA names") {
  auto db = fresh_db();
  TempDir d;
  std::string bytes = read_bytes(fixture("gias_sample.csv"));
  // A third, closed school: the second row with another URN, status and close date.
  std::string row = bytes.substr(bytes.find("\n100459,") + 1);
  replace_once(row, "100459", "199999");
  replace_once(row, "\"1\",\"Open\"", "\"2\",\"Closed\"");
  replace_once(row, "\"Not applicable\",\"\",\"4\"", "\"Not applicable\",\"31-08-2018\",\"4\"");
  auto r = import_schools(db, testing::admin(), testing::at(), {.file = d.write("edubase.csv", bytes + row)});
  CHECK(r.format == "gias");
  CHECK(r.added == 3);
  auto s = school(db, 100492);
  CHECK(s.name == "St Thomas' CofE Primary School");
  CHECK(s.la_code == 207);
  CHECK(s.la_name == "Kensington and Chelsea");
  CHECK(s.estab == 3402);
  CHECK(s.type_group == "maintained");
  CHECK(s.phase == "primary");
  CHECK(s.pupils == 237);
  CHECK(school(db, 100459).phase == "secondary");
  auto closed = school(db, 199999);
  CHECK(closed.status == "closed");
  CHECK(closed.close_date == "2018-08-31");
}

TEST_CASE("a type the mapping does not know is grouped by its DfE group, and reported") {
  auto db = fresh_db();
  TempDir d;
  std::string bytes = read_bytes(fixture("spine_small.csv"));
  replace_once(bytes, "Voluntary aided school", "Academy special free school");
  auto r = import_schools(db, testing::admin(), testing::at(), {.file = d.write("s.csv", bytes)});
  REQUIRE(r.unknown_types.size() == 1);
  CHECK_THAT(r.unknown_types[0], Catch::Contains("Academy special free school") && Catch::Contains("academy"));
}

TEST_CASE("--keep-going imports the valid rows and lists the rejected ones") {
  auto db = fresh_db();
  TempDir d;
  std::string bytes = read_bytes(fixture("spine_small.csv"));
  replace_once(bytes, "Duke's Place,,London,EC3A 5DE,02072831147,1,", "Duke's Place,,London,EC3A 5DE,02072831147,9,");
  auto path = d.write("s.csv", bytes);
  const std::string before = snapshot(db);
  CHECK_THROWS_WITH(import_schools(db, testing::admin(), testing::at(), {.file = path}),
                    "s.csv:2:13: expected 1 (open), 2 (closed) or 3 (closing), found \"9\"");
  CHECK(snapshot(db) == before);
  auto r = import_schools(db, testing::admin(), testing::at(), {.file = path, .keep_going = true});
  CHECK(r.added == 13);
  REQUIRE(r.rejected.size() == 1);
  CHECK(r.rejected[0].where.line == 2);
  CHECK(r.rejected[0].where.column == 13);
  CHECK_FALSE(find_school(db, 100000));
}

TEST_CASE("the register lists by LA, status and URNs") {
  auto db = fresh_db();
  import_schools(db, testing::admin(), testing::at(), {.file = fixture("spine_small.csv")});
  CHECK(list_schools(db).size() == 14);
  auto camden = list_schools(db, {.la_code = 202});
  REQUIRE_FALSE(camden.empty());
  for (const auto& s : camden) CHECK(s.la_code == 202);
  CHECK(list_schools(db, {.status = "closed"}).size() == 1);
  auto some = list_schools(db, {.urns = std::vector<std::int64_t>{123377, 100000, 999}});
  REQUIRE(some.size() == 2);
  CHECK(some[0].urn == 100000);
}
