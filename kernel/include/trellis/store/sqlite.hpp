#pragma once
/// The SQLite backend: the database is one file (WAL, foreign keys on).
///
///     Database db = sqlite::open("trellis.db");  // creates it if need be; does not migrate
///     migrate(db);                                // trellis/store/schema.hpp
#include <filesystem>

#include "trellis/store/database.hpp"

namespace trellis::sqlite {

Database open(const std::filesystem::path& file);
Database open_memory();

}  // namespace trellis::sqlite
