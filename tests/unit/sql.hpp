#pragma once
/// Tests arrange and read the SQLite backend's tables directly, so that what
/// a repository wrote is checked in SQL rather than through the repository
/// under test.
///
///     auto s = testing::sql(db, "SELECT COUNT(*) FROM audit");
///     testing::exec(db, "DELETE FROM audit WHERE id = 3");
#include <string_view>

#include "../../kernel/store/sqlite/sqlite_store.hpp"
#include "trellis/store/sqlite.hpp"

namespace trellis::testing {

inline sqlite::Statement sql(Database& db, std::string_view text) { return {sqlite::connection(db), text}; }
inline void exec(Database& db, std::string_view text) { sqlite::connection(db).exec(text); }

}  // namespace trellis::testing
