// The means a benchmark falls back on (issue 18): found through the index
// rather than a pass over the table, they must be the very doubles SQLite's
// AVG gave, to the last digit.
#include <catch2/catch.hpp>

#include <map>
#include <string>

#include "trellis/store/evidence_repository.hpp"
#include "trellis/store/schema.hpp"
#include "../sql.hpp"

using namespace trellis;

namespace {

/// Schools in two LAs, one with no LA code, and one URN not in the register;
/// values of mixed sizes (so that the order they are added in shows in the
/// sums), stored in an order unlike the index's, some corrected.
Database with_values() {
  Database db = sqlite::open_memory();
  migrate(db);
  for (int urn = 200001; urn <= 200009; ++urn) {
    const std::string la = urn == 200009 ? "NULL" : urn % 2 ? "894" : "330";
    testing::exec(db, "INSERT INTO schools(urn, name, la_code, phase, updated_at) VALUES (" + std::to_string(urn) +
                          ", 'S', " + la + ", 'primary', 'now')");
  }
  unsigned seed = 7;
  for (int k = 0; k < 600; ++k) {
    seed = seed * 1103515245u + 12345u;
    const int urn = 200001 + static_cast<int>(seed >> 16) % 10;  // 200010 is not in the register
    const char* period = k % 3 ? "2018-19" : "2017-18";
    const char* indicator = k % 5 ? "absence" : "other";
    const double value = (seed >> 8) % 1000 / 7.0 * (k % 11 ? 1.0 : 1e9);
    const std::string v = k % 13 ? std::to_string(value) : "NULL";
    testing::exec(db, "INSERT INTO evidence(urn, period, indicator, value_num, source, recorded_at) VALUES (" +
                          std::to_string(urn) + ", '" + period + "', '" + indicator + "', " + v + ", 'f.csv', 'now')");
  }
  testing::exec(db, "INSERT INTO evidence(urn, period, indicator, value_num, source, recorded_at, recorded_by, supersedes) "
                    "SELECT urn, period, indicator, value_num + 0.1, 'officer', 'later', 'officer', id FROM evidence "
                    "WHERE indicator = 'absence' AND id % 17 = 0");
  // Written by hand (import refuses them): infinities of both signs, whose AVG is NULL, read as 0.
  testing::exec(db, "INSERT INTO evidence(urn, period, indicator, value_num, source, recorded_at) VALUES "
                    "(200001, '2018-19', 'wild', 1e999, 'f.csv', 'now'), (200002, '2018-19', 'wild', -1e999, 'f.csv', 'now')");
  return db;
}

/// What the means were before issue 18: SQLite's AVG over a pass of the table, keyed as Benchmarks keys them.
std::map<std::pair<std::string, int>, double> averaged(Database& db, const std::string& indicator, bool per_la) {
  std::map<std::pair<std::string, int>, double> out;
  auto s = testing::sql(db, per_la ? R"(SELECT e.period, s.la_code, AVG(e.value_num) FROM evidence e
        JOIN schools s ON s.urn = e.urn
        WHERE e.indicator = ? AND e.value_num IS NOT NULL AND NOT EXISTS (SELECT 1 FROM evidence x WHERE x.supersedes = e.id)
        GROUP BY e.period, s.la_code)"
                                   : R"(SELECT period, 0, AVG(value_num) FROM evidence e
        WHERE indicator = ? AND value_num IS NOT NULL AND NOT EXISTS (SELECT 1 FROM evidence s WHERE s.supersedes = e.id)
        GROUP BY period)");
  s.bind(1, indicator);
  while (s.step()) out[{s.text(0), static_cast<int>(s.integer(1))}] = s.real(2);
  return out;
}

std::map<std::pair<std::string, int>, double> held(Database& db, const std::string& indicator, bool per_la) {
  std::map<std::pair<std::string, int>, double> out;
  for (const auto& m : db.evidence().means(indicator, per_la)) {
    CHECK(m.la_code.has_value() == per_la);
    out[{m.period, m.la_code.value_or(0)}] = m.value;
  }
  return out;
}

}  // namespace

TEST_CASE("issue 18: the means found through the index are AVG's to the last digit, nationally and per LA") {
  Database db = with_values();
  for (const std::string indicator : {"absence", "other", "wild", "none such"})
    for (const bool per_la : {false, true}) {
      INFO(indicator << (per_la ? " per LA" : " nationally"));
      const auto want = averaged(db, indicator, per_la);
      const auto got = held(db, indicator, per_la);
      REQUIRE(got.size() == want.size());
      for (const auto& [key, value] : want) {
        INFO(key.first << " LA " << key.second);
        REQUIRE(got.count(key) == 1);
        CHECK(got.at(key) == value);  // exactly: the same additions in the same order
      }
    }
  SECTION("the values are such that the order they are added in shows") {
    auto s = testing::sql(db, "SELECT value_num FROM evidence WHERE indicator = 'absence' AND period = '2018-19' "
                              "AND value_num IS NOT NULL AND NOT EXISTS (SELECT 1 FROM evidence x WHERE x.supersedes = evidence.id) "
                              "ORDER BY id DESC");
    double backwards = 0;
    int count = 0;
    while (s.step()) {
      backwards += s.real(0);
      ++count;
    }
    CHECK(backwards / count != averaged(db, "absence", false).at({"2018-19", 0}));
  }
}
