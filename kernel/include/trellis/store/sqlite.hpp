#pragma once
/// The SQLite backend: the database is one file (WAL, foreign keys on).
///
///     Database db = sqlite::open("trellis.db");  // creates it if need be; does not migrate
///     migrate(db);                                // trellis/store/schema.hpp
#include <filesystem>

#include "trellis/store/database.hpp"

namespace trellis::sqlite {

/// Whether opening may make a new file: only `init` and `demo` do, so a
/// mistyped --db leaves nothing behind.
enum class Opening { create, existing };

/// Refuses (StoreError) another program's SQLite file, a folder, a missing
/// folder, and a missing file unless `opening` is create. A read-only file is
/// opened read-only: reading works, a write says the file is read-only.
Database open(const std::filesystem::path& file, Opening opening = Opening::create);
Database open_memory();

}  // namespace trellis::sqlite
