#pragma once
/// The schema's version and its forward migrations, whatever the backend
/// (the SQLite one keeps the version in PRAGMA user_version).
///
///     Database db = sqlite::open(path);
///     migrate(db);          // trellis init: create or upgrade
///     require_current(db);  // every other verb: refuse old or newer databases
#include "trellis/store/database.hpp"

namespace trellis {

/// The schema version this program writes to this database's backend.
int schema_version(Database& db);
/// The version stored in the database (0 for a new file).
int stored_version(Database& db);
/// Applies every missing migration in one transaction. Refuses a newer database.
/// Returns the version the database had before.
int migrate(Database& db);
/// The same inside the caller's transaction.
int migrate_within(Database& db);
/// Throws StoreError unless the database is at exactly schema_version(db).
void require_current(Database& db);

}  // namespace trellis
