#include "wanted.hpp"

namespace trellis::sqlite {

void fill_wanted(Connection& c, const std::vector<std::int64_t>& urns) {
  c.exec("CREATE TEMP TABLE IF NOT EXISTS wanted(urn INTEGER PRIMARY KEY); DELETE FROM temp.wanted;");
  Statement add(c, "INSERT OR IGNORE INTO temp.wanted(urn) VALUES (?)");
  for (auto u : urns) add.bind(1, u).run();
}

}  // namespace trellis::sqlite
