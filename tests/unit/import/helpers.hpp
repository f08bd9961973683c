#pragma once
// Shared by the import tests: fixture paths, a fresh database, and a
// snapshot of every table an import writes, to prove "nothing was written".
#include <filesystem>
#include <string>

#include "../csv/temp_file.hpp"
#include "trellis/store/database.hpp"
#include "trellis/store/schema.hpp"
#include "../sql.hpp"

namespace trellis::test {

inline std::filesystem::path fixture(const std::string& name) {
  return std::filesystem::path(TRELLIS_SOURCE_DIR) / "tests" / "data" / name;
}

inline Database fresh_db() {
  Database db = sqlite::open_memory();
  migrate(db);
  return db;
}

/// Row counts of the tables imports touch, and a digest of the register.
inline std::string snapshot(Database& db) {
  auto s = testing::sql(db, R"(SELECT (SELECT COUNT(*) FROM schools) || '/' || (SELECT COUNT(*) FROM evidence) || '/' ||
                            (SELECT COUNT(*) FROM imports) || '/' || (SELECT COUNT(*) FROM audit) || '/' ||
                            (SELECT COUNT(*) FROM indicators) || '/' || (SELECT COUNT(*) FROM benchmarks) || '/' ||
                            COALESCE((SELECT group_concat(urn || status || COALESCE(la_name, ''), ',') FROM schools), ''))");
  s.step();
  return s.text(0);
}

inline std::int64_t count(Database& db, const std::string& sql) {
  auto s = testing::sql(db, sql);
  s.step();
  return s.integer(0);
}

}  // namespace trellis::test
