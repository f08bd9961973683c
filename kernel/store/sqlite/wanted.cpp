#include "wanted.hpp"

namespace trellis::sqlite {

void fill_wanted(Connection& c, const std::vector<std::int64_t>& urns) {
  c.exec("CREATE TEMP TABLE IF NOT EXISTS wanted(urn INTEGER PRIMARY KEY)");
  // One savepoint for every row: outside a transaction each insert would be
  // its own, committed to the temporary file one by one (issue 18).
  c.exec("SAVEPOINT wanted; DELETE FROM temp.wanted;");
  try {
    Statement add(c, "INSERT OR IGNORE INTO temp.wanted(urn) VALUES (?)");
    for (auto u : urns) add.bind(1, u).run();
  } catch (...) {
    c.exec("ROLLBACK TO wanted; RELEASE wanted;");
    throw;
  }
  c.exec("RELEASE wanted");
}

}  // namespace trellis::sqlite
