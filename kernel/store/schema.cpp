#include "trellis/store/schema.hpp"

#include <string>

#include "trellis/error.hpp"
#include "trellis/store/audit_chain.hpp"
#include "trellis/store/store.hpp"

namespace trellis {

int schema_version(Database& db) { return db.store().current_version(); }

int stored_version(Database& db) { return db.store().stored_version(); }

int migrate(Database& db) {
  Transaction tx(db);
  const int from = migrate_within(db);
  tx.commit();
  return from;
}

int migrate_within(Database& db) {
  const int from = stored_version(db), to = schema_version(db);
  if (from > to)
    throw StoreError(db.location() + ": the database is at schema version " + std::to_string(from) +
                     ", newer than this program's " + std::to_string(to) + "; use a newer trellis");
  if (from == to) return from;
  db.store().upgrade(to);
  // Rows from before the chain (schema 4) get their hashes.
  seal_audit(db);
  return from;
}

void require_current(Database& db) {
  const int v = stored_version(db), to = schema_version(db);
  if (v == to) return;
  if (v == 0) throw StoreError(db.location() + ": not a trellis database yet", Remedy::init_database());
  if (v < to)
    throw StoreError(db.location() + ": the database is at schema version " + std::to_string(v) +
                         ", older than this program's " + std::to_string(to),
                     Remedy::upgrade_database());
  throw StoreError(db.location() + ": the database is at schema version " + std::to_string(v) +
                   ", newer than this program's " + std::to_string(to) + "; use a newer trellis");
}

}  // namespace trellis
