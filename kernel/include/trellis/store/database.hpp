#pragma once
/// A small RAII face over SQLite. No sqlite3 type appears here.
///
///     Database db = Database::open("trellis.db");
///     Transaction tx(db);
///     Statement ins(db, "INSERT INTO bodies(id, kind, name) VALUES (?, ?, ?)");
///     ins.bind(1, "trust").bind(2, "trust").bind(3, "Example Trust").run();
///     tx.commit();
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace trellis {

class Database {
 public:
  /// Opens (creating if need be) with WAL and foreign keys on. Does not migrate.
  static Database open(const std::filesystem::path& file);
  static Database open_memory();
  Database(Database&&) noexcept;
  Database& operator=(Database&&) noexcept;
  ~Database();

  void exec(std::string_view sql);
  std::int64_t last_insert_id() const;
  int changes() const;
  const std::filesystem::path& file() const;

 private:
  // The SQLite handle is the store's own: only its statements reach it, so
  // nothing above kernel/store can bypass Statement and Transaction.
  friend class Statement;
  struct Impl;
  Impl& impl() const { return *impl_; }
  explicit Database(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

/// A prepared statement. Parameters count from 1, columns from 0.
class Statement {
 public:
  Statement(Database& db, std::string_view sql);
  Statement(Statement&&) noexcept;
  ~Statement();

  Statement& bind(int i, std::int64_t v);
  Statement& bind(int i, int v) { return bind(i, std::int64_t{v}); }
  Statement& bind(int i, double v);
  Statement& bind(int i, std::string_view v);
  Statement& bind(int i, const char* v) { return bind(i, std::string_view(v)); }
  Statement& bind(int i, const std::string& v) { return bind(i, std::string_view(v)); }
  Statement& bind_null(int i);
  template <class T>
  Statement& bind(int i, const std::optional<T>& v) {
    return v ? bind(i, *v) : bind_null(i);
  }

  /// Steps once: true while a row is available.
  bool step();
  /// Steps to completion, for statements that return nothing; then resets.
  void run();
  void reset();  ///< resets and clears bindings

  bool is_null(int col) const;
  std::int64_t integer(int col) const;
  double real(int col) const;
  std::string text(int col) const;
  std::optional<std::int64_t> opt_integer(int col) const;
  std::optional<double> opt_real(int col) const;
  std::optional<std::string> opt_text(int col) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// One transaction; rolls back unless committed.
class Transaction {
 public:
  explicit Transaction(Database& db);
  ~Transaction();
  void commit();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

 private:
  Database& db_;
  bool done_ = false;
};

}  // namespace trellis
