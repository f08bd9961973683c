#include "connection.hpp"

#include <sqlite3.h>

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

[[noreturn]] void fail(sqlite3* db, std::string_view what) {
  throw std::runtime_error(std::string(what) + ": " + (db ? sqlite3_errmsg(db) : "out of memory"));
}

}  // namespace

Connection::Connection(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Connection::Connection(Connection&&) noexcept = default;
Connection& Connection::operator=(Connection&&) noexcept = default;
Connection::~Connection() = default;

Connection Connection::open(const std::filesystem::path& file) {
  auto impl = std::make_unique<Impl>();
  impl->file = file;
  int rc = sqlite3_open_v2(file.c_str(), &impl->handle,
                           SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) fail(impl->handle, "cannot open database " + file.string());
  sqlite3_busy_timeout(impl->handle, 5000);
  Connection db(std::move(impl));
  db.exec("PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;");
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
  if (sqlite3_exec(impl_->handle, s.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err ? err : "unknown error";
    sqlite3_free(err);
    throw std::runtime_error("SQL failed: " + msg);
  }
}

std::int64_t Connection::last_insert_id() const { return sqlite3_last_insert_rowid(impl_->handle); }
int Connection::changes() const { return sqlite3_changes(impl_->handle); }
const std::filesystem::path& Connection::file() const { return impl_->file; }

struct Statement::Impl {
  sqlite3* db = nullptr;
  sqlite3_stmt* stmt = nullptr;
  ~Impl() { sqlite3_finalize(stmt); }
  void check(int rc) const {
    if (rc != SQLITE_OK) fail(db, std::string("SQL bind failed in ") + sqlite3_sql(stmt));
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
  throw std::runtime_error("SQL failed: " + msg + " in " + sqlite3_sql(impl_->stmt));
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
