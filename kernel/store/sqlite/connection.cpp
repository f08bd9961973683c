#include "connection.hpp"

#include <sqlite3.h>
#include <unistd.h>

#include <cstdio>

#include "trellis/error.hpp"

namespace trellis::sqlite {

struct Connection::Impl {
  sqlite3* handle = nullptr;
  std::filesystem::path file;
  ~Impl() {
    if (handle) sqlite3_close_v2(handle);
  }
};

namespace {

constexpr int kBusyMilliseconds = 5000;

std::string file_of(sqlite3* db) {
  const char* f = db ? sqlite3_db_filename(db, "main") : nullptr;
  return f && *f ? f : "the database";
}

/// The failures a person can act on, as StoreError (exit 3) in a sentence;
/// anything else is the program's fault (exit 4).
[[noreturn]] void fail(sqlite3* db, int rc, std::string_view what) {
  const std::string file = file_of(db);
  switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      throw StoreError(file + ": another trellis is writing to this database; waited " +
                       std::to_string(kBusyMilliseconds / 1000) +
                       " seconds for it to finish. Nothing was changed: try again when it has finished");
    case SQLITE_READONLY:
      throw StoreError(file + " is read-only (the file, or the folder it is in): this command changes the "
                              "database, so nothing was changed");
    case SQLITE_FULL:
      throw StoreError("the disk holding " + file + " is full; nothing was changed");
    case SQLITE_NOTADB:
      throw StoreError(file + " is not a database (not an SQLite file); nothing was changed");
    case SQLITE_CORRUPT:
      throw StoreError(file + " is damaged (SQLite reports it malformed); restore it from a backup");
    case SQLITE_CANTOPEN:
      throw StoreError("cannot open " + file + ": " + (db ? sqlite3_errmsg(db) : "out of memory"));
    case SQLITE_IOERR:
      throw StoreError(file + ": the disk reported an error (" + (db ? sqlite3_errmsg(db) : "") + "); nothing was changed");
    default:
      break;
  }
  throw std::runtime_error(std::string(what) + ": " + (db ? sqlite3_errmsg(db) : "out of memory"));
}

[[noreturn]] void fail(sqlite3* db, std::string_view what) { fail(db, db ? sqlite3_extended_errcode(db) : SQLITE_NOMEM, what); }

std::int64_t pragma(sqlite3* db, const char* sql) {
  sqlite3_stmt* st = nullptr;
  int rc = sqlite3_prepare_v2(db, sql, -1, &st, nullptr);
  if (rc == SQLITE_OK) rc = sqlite3_step(st);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
    sqlite3_finalize(st);
    fail(db, rc, sql);
  }
  const std::int64_t v = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
  sqlite3_finalize(st);
  return v;
}

bool writable(const std::filesystem::path& p) { return ::access(p.c_str(), W_OK) == 0; }

/// Refuses a path that cannot be a database file before SQLite sees it, in a sentence.
void check_path(const std::filesystem::path& file, Opening opening) {
  std::error_code ec;
  const auto st = std::filesystem::status(file, ec);
  const std::filesystem::path folder = file.has_parent_path() ? file.parent_path() : ".";
  if (std::filesystem::is_directory(st))
    throw StoreError(file.string() + " is a folder, not a database file");
  if (std::filesystem::exists(st)) {
    if (!std::filesystem::is_regular_file(st))
      throw StoreError(file.string() + " is not a regular file, so it cannot be a database");
    return;
  }
  if (!std::filesystem::is_directory(folder, ec))
    throw StoreError("there is no folder " + folder.string() + " for the database " + file.string());
  if (opening != Opening::create)
    throw StoreError("there is no database at " + file.string() + " (nothing was created)", Remedy::init_database());
}

/// Whether the open file is Trellis's: our application id (set whenever the
/// schema is made or upgraded); or, from before that, a schema version up to
/// 5 and its schools table; or an empty file, which only `init` makes ours.
/// Refuses any other file, with nothing changed: a command never writes to
/// another program's database.
void require_ours(sqlite3* db, const std::filesystem::path& file, bool& empty) {
  const std::int64_t app = pragma(db, "PRAGMA application_id");
  const std::int64_t version = pragma(db, "PRAGMA user_version");
  const std::int64_t tables = pragma(db, "SELECT count(*) FROM sqlite_master");
  empty = app == 0 && version == 0 && tables == 0;
  if (app == kApplicationId) return;
  char hex[16];
  std::snprintf(hex, sizeof hex, "0x%08llx", static_cast<unsigned long long>(static_cast<std::uint32_t>(app)));
  if (app != 0)
    throw StoreError(file.string() + " is not a Trellis database: it belongs to another program (SQLite application id " +
                     hex + "); nothing was changed");
  if (empty) return;
  const bool legacy = version >= 1 && version <= 5 &&
                      pragma(db, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schools'") == 1;
  if (!legacy)
    throw StoreError(file.string() + " is not a Trellis database: it is another program's SQLite file; nothing was changed");
}

}  // namespace

Connection::Connection(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Connection::Connection(Connection&&) noexcept = default;
Connection& Connection::operator=(Connection&&) noexcept = default;
Connection::~Connection() = default;

Connection Connection::open(const std::filesystem::path& file, Opening opening) {
  check_path(file, opening);
  auto impl = std::make_unique<Impl>();
  impl->file = file;
  const std::filesystem::path folder = file.has_parent_path() ? file.parent_path() : ".";
  const bool exists = std::filesystem::exists(file);
  // A read-only file or folder is opened read-only, so reading verbs work on
  // it; a folder no one can write to holds no writer either, and no -wal,
  // so the file is read as it is (immutable) without the -shm it cannot make.
  const bool can_write = (!exists || writable(file)) && writable(folder);
  const bool wal_beside = std::filesystem::exists(file.string() + "-wal");
  std::string uri = "file:";
  for (char c : std::filesystem::absolute(file).string()) {
    if (c == '?' || c == '#' || c == '%') {
      char esc[4];
      std::snprintf(esc, sizeof esc, "%%%02X", static_cast<unsigned char>(c));
      uri += esc;
    } else {
      uri += c;
    }
  }
  int flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI;
  if (can_write) {
    flags |= SQLITE_OPEN_READWRITE | (opening == Opening::create ? SQLITE_OPEN_CREATE : 0);
  } else {
    if (!exists) throw StoreError("cannot create " + file.string() + ": its folder is read-only");
    flags |= SQLITE_OPEN_READONLY;
    if (!writable(folder) && !wal_beside) uri += "?immutable=1";
  }
  int rc = sqlite3_open_v2(uri.c_str(), &impl->handle, flags, nullptr);
  if (rc != SQLITE_OK) fail(impl->handle, rc, "cannot open database " + file.string());
  sqlite3_extended_result_codes(impl->handle, 1);
  sqlite3_busy_timeout(impl->handle, kBusyMilliseconds);
  bool empty = false;
  require_ours(impl->handle, file, empty);
  Connection db(std::move(impl));
  db.exec("PRAGMA foreign_keys=ON;");
  // WAL is the file's own setting: set it only on a file that is ours to change.
  if (can_write && (!empty || opening == Opening::create)) db.exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
  return db;
}

Connection Connection::open_memory() {
  auto impl = std::make_unique<Impl>();
  impl->file = ":memory:";
  if (sqlite3_open(":memory:", &impl->handle) != SQLITE_OK) fail(impl->handle, "cannot open memory database");
  Connection db(std::move(impl));
  db.exec("PRAGMA foreign_keys=ON;");
  return db;
}

void Connection::exec(std::string_view sql) {
  char* err = nullptr;
  std::string s(sql);
  if (const int rc = sqlite3_exec(impl_->handle, s.c_str(), nullptr, nullptr, &err); rc != SQLITE_OK) {
    std::string msg = err ? err : "unknown error";
    sqlite3_free(err);
    fail(impl_->handle, rc, "SQL failed: " + msg);
  }
}

std::int64_t Connection::last_insert_id() const { return sqlite3_last_insert_rowid(impl_->handle); }
int Connection::changes() const { return sqlite3_changes(impl_->handle); }
bool Connection::in_transaction() const { return sqlite3_get_autocommit(impl_->handle) == 0; }
bool Connection::writing() const { return sqlite3_txn_state(impl_->handle, "main") == SQLITE_TXN_WRITE; }
bool Connection::keys_pending() const {
  int now = 0, highest = 0;
  return sqlite3_db_status(impl_->handle, SQLITE_DBSTATUS_DEFERRED_FKS, &now, &highest, 0) == SQLITE_OK && now != 0;
}
const std::filesystem::path& Connection::file() const { return impl_->file; }

struct Statement::Impl {
  sqlite3* db = nullptr;
  sqlite3_stmt* stmt = nullptr;
  ~Impl() { sqlite3_finalize(stmt); }
  void check(int rc) const {
    if (rc != SQLITE_OK) fail(db, rc, std::string("SQL bind failed in ") + sqlite3_sql(stmt));
  }
};

Statement::Statement(Connection& db, std::string_view sql) : impl_(std::make_unique<Impl>()) {
  impl_->db = db.impl_->handle;
  if (sqlite3_prepare_v3(impl_->db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                         &impl_->stmt, nullptr) != SQLITE_OK)
    fail(impl_->db, "SQL prepare failed for: " + std::string(sql));
}
Statement::Statement(Statement&&) noexcept = default;
Statement::~Statement() = default;

Statement& Statement::bind(int i, std::int64_t v) {
  impl_->check(sqlite3_bind_int64(impl_->stmt, i, v));
  return *this;
}
Statement& Statement::bind(int i, double v) {
  impl_->check(sqlite3_bind_double(impl_->stmt, i, v));
  return *this;
}
Statement& Statement::bind(int i, std::string_view v) {
  impl_->check(sqlite3_bind_text64(impl_->stmt, i, v.data(), v.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
  return *this;
}
Statement& Statement::bind_unowned(int i, std::string_view v) {
  impl_->check(sqlite3_bind_text64(impl_->stmt, i, v.data(), v.size(), SQLITE_STATIC, SQLITE_UTF8));
  return *this;
}
Statement& Statement::bind_null(int i) {
  impl_->check(sqlite3_bind_null(impl_->stmt, i));
  return *this;
}

bool Statement::step() {
  int rc = sqlite3_step(impl_->stmt);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  std::string msg = sqlite3_errmsg(impl_->db);
  sqlite3_reset(impl_->stmt);
  fail(impl_->db, rc, "SQL failed: " + msg + " in " + sqlite3_sql(impl_->stmt));
}

void Statement::run() {
  while (step()) {
  }
  sqlite3_reset(impl_->stmt);
}

void Statement::reset() {
  sqlite3_reset(impl_->stmt);
  sqlite3_clear_bindings(impl_->stmt);
}

bool Statement::is_null(int c) const { return sqlite3_column_type(impl_->stmt, c) == SQLITE_NULL; }
std::int64_t Statement::integer(int c) const { return sqlite3_column_int64(impl_->stmt, c); }
double Statement::real(int c) const { return sqlite3_column_double(impl_->stmt, c); }
std::string Statement::text(int c) const {
  auto p = sqlite3_column_text(impl_->stmt, c);
  return p ? std::string(reinterpret_cast<const char*>(p), sqlite3_column_bytes(impl_->stmt, c)) : std::string();
}
std::string_view Statement::text_view(int c) const {
  auto p = sqlite3_column_text(impl_->stmt, c);
  return p ? std::string_view(reinterpret_cast<const char*>(p), sqlite3_column_bytes(impl_->stmt, c)) : std::string_view();
}
std::optional<std::int64_t> Statement::opt_integer(int c) const {
  return is_null(c) ? std::nullopt : std::optional(integer(c));
}
std::optional<int> Statement::opt_int(int c) const {
  return is_null(c) ? std::nullopt : std::optional(static_cast<int>(integer(c)));
}
std::optional<double> Statement::opt_real(int c) const {
  return is_null(c) ? std::nullopt : std::optional(real(c));
}
std::optional<std::string> Statement::opt_text(int c) const {
  return is_null(c) ? std::nullopt : std::optional(text(c));
}

}  // namespace trellis::sqlite
