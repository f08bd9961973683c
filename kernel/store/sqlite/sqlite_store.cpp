#include "sqlite_store.hpp"

#include <stdexcept>

#include "migrations.hpp"
#include "rows.hpp"
#include "repositories.hpp"
#include "trellis/error.hpp"
#include "trellis/store/activity_repository.hpp"
#include "trellis/store/assessment_repository.hpp"
#include "trellis/store/audit_repository.hpp"
#include "trellis/store/body_repository.hpp"
#include "trellis/store/evidence_repository.hpp"
#include "trellis/store/letter_repository.hpp"
#include "trellis/store/note_repository.hpp"
#include "trellis/store/person_repository.hpp"
#include "trellis/store/rating_repository.hpp"
#include "trellis/store/school_repository.hpp"
#include "trellis/store/sqlite.hpp"
#include "trellis/store/timeline_repository.hpp"

namespace trellis::sqlite {

SqliteStore::SqliteStore(Connection connection)
    : connection_(std::move(connection)),
      schools_(make_schools(connection_)),
      bodies_(make_bodies(connection_)),
      evidence_(make_evidence(connection_)),
      ratings_(make_ratings(connection_)),
      assessments_(make_assessments(connection_)),
      activities_(make_activities(connection_)),
      people_(make_people(connection_)),
      notes_(make_notes(connection_)),
      letters_(make_letters(connection_)),
      audit_(make_audit(connection_)),
      timeline_(make_timeline(connection_)) {
  // A migration that rebuilds a table others refer to (11: activities) needs
  // foreign keys off, which SQLite allows only outside a transaction: so a
  // database behind this schema is opened with them off; the first unit of
  // work refuses any reference it leaves dangling before it commits, and
  // turns them on again when it ends.
  if (stored_version() < current_version()) {
    connection_.exec("PRAGMA foreign_keys=OFF");
    keys_held_off_ = true;
  }
}

SqliteStore::~SqliteStore() = default;

std::string SqliteStore::location() const { return connection_.file().string(); }

// The outermost unit takes the write lock at once (IMMEDIATE), so two
// writers queue instead of failing half-way; inner units are savepoints.
void SqliteStore::begin() {
  // A write in a read transaction fails when another connection has written since it began.
  if (reading_ && depth_ == 0) throw std::logic_error("a unit of work began inside a read snapshot");
  connection_.exec(depth_ == 0 ? "BEGIN IMMEDIATE" : "SAVEPOINT unit_" + std::to_string(depth_));
  ++depth_;
  if (depth_ == 1 && keys_held_off_) dangling_before_ = dangling_rows();
}

void SqliteStore::commit() {
  const int outer = depth_ - 1;  // a failed COMMIT leaves the unit open, for rollback()
  if (outer == 0 && keys_held_off_) require_keys_hold();
  // Keys checked at commit (migration 12): COMMIT would fail naming none of them.
  if (outer == 0 && connection_.keys_pending())
    throw std::runtime_error(location() + ": " + dangling_row(connection_) + "; nothing was changed");
  connection_.exec(outer == 0 ? "COMMIT" : "RELEASE unit_" + std::to_string(outer));
  depth_ = outer;
  if (outer == 0) keys_on_again();
}

// A deferred BEGIN: the read lock is taken by the first read and held until
// the end, so every query after it sees the same state.
void SqliteStore::begin_reads() {
  if (reads_ == 0 && depth_ == 0) {
    connection_.exec("BEGIN");
    reading_ = true;
  }
  ++reads_;
}

void SqliteStore::end_reads() noexcept {
  if (--reads_ > 0 || !reading_) return;
  reading_ = false;
  try {
    connection_.exec("COMMIT");  // a read transaction: nothing to write
  } catch (...) {  // SQLite has ended it already after an error, or it is ended here
    try {
      connection_.exec("ROLLBACK");
    } catch (...) {  // no transaction was open
    }
  }
}

// 64 MiB of pages, for as long as the bulk writes last: most of what a national
// import file changes stays in memory, so fewer pages are written out twice.
void SqliteStore::begin_bulk() {
  if (bulk_ > 0) {
    ++bulk_;
    return;
  }
  Statement q(connection_, "PRAGMA cache_size");
  cache_before_ = q.step() ? q.integer(0) : -2000;
  connection_.exec("PRAGMA cache_size = -65536");
  bulk_ = 1;  // only once widened: a failure above leaves the next BulkWrites to try again
}

void SqliteStore::end_bulk() noexcept {
  if (--bulk_ > 0) return;
  try {
    connection_.exec("PRAGMA cache_size = " + std::to_string(cache_before_));
  } catch (...) {  // the cache is only a cache: a wide one until the connection closes is no harm
  }
}

std::set<std::string> SqliteStore::dangling_rows() {
  std::set<std::string> out;
  Statement s(connection_, "PRAGMA foreign_key_check");
  while (s.step()) out.insert("row " + std::to_string(s.integer(1)) + " of " + s.text(0) + " refers to a row of " + s.text(2));
  return out;
}

// A reference already dangling before the upgrade (the file edited by hand)
// is carried over as it was; only one the unit of work made is refused.
void SqliteStore::require_keys_hold() {
  for (const auto& d : dangling_rows())
    if (!dangling_before_.count(d))
      throw StoreError(location() + ": after the upgrade, " + d + " that is not there; nothing was changed");
}

void SqliteStore::keys_on_again() noexcept {
  if (!keys_held_off_) return;
  try {
    connection_.exec("PRAGMA foreign_keys=ON");
    keys_held_off_ = false;
    dangling_before_.clear();
  } catch (...) {  // outside a transaction this does not fail; if it did, the next unit would try again
  }
}

void SqliteStore::rollback() noexcept {
  --depth_;
  try {
    const std::string sp = "unit_" + std::to_string(depth_);
    connection_.exec(depth_ == 0 ? "ROLLBACK" : "ROLLBACK TO " + sp + "; RELEASE " + sp);
  } catch (...) {
    // Nothing to undo: SQLite has already rolled back after the error that brought us here.
  }
  if (depth_ == 0) keys_on_again();
}

int SqliteStore::stored_version() {
  Statement s(connection_, "PRAGMA user_version");
  s.step();
  return static_cast<int>(s.integer(0));
}

void SqliteStore::upgrade(int to) {
  if (stored_version() < to && !keys_held_off_)  // see the constructor
    throw std::logic_error("a schema upgrade must be the first unit of work on its connection");
  for (int v = stored_version(); v < to; ++v) connection_.exec(migrations()[v]);
  // Marks the file as Trellis's, so no other program's SQLite file is taken for one (issue 19).
  connection_.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
  connection_.exec("PRAGMA user_version = " + std::to_string(to));
}

int SqliteStore::current_version() const { return static_cast<int>(migrations().size()); }

Connection& connection(Database& db) {
  auto* store = dynamic_cast<SqliteStore*>(&db.store());
  if (!store) throw std::logic_error("not a SQLite database: " + db.location());
  return store->connection();
}

Database open(const std::filesystem::path& file, Opening opening) {
  return Database(std::make_unique<SqliteStore>(Connection::open(file, opening)));
}

Database open_memory() { return Database(std::make_unique<SqliteStore>(Connection::open_memory())); }

}  // namespace trellis::sqlite
