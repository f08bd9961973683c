#pragma once
/// The SQLite connection and its prepared statements: private to the SQLite
/// store (kernel/store/sqlite/). Nothing above kernel/store sees them; the
/// kernel reaches storage through the repositories (trellis/store/*.hpp).
///
///     Connection c = Connection::open("trellis.db");
///     Statement ins(c, "INSERT INTO bodies(id, kind, name) VALUES (?, ?, ?)");
///     ins.bind(1, "trust").bind(2, "trust").bind(3, "Example Trust").run();
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "trellis/store/sqlite.hpp"

namespace trellis::sqlite {

/// SQLite's application id for a Trellis database ("TRLS"), set when the schema is made or upgraded.
constexpr std::int64_t kApplicationId = 0x54524c53;

class Connection {
 public:
  /// Opens with foreign keys on and, on a Trellis file it may write, WAL.
  /// Refuses, with StoreError and nothing changed: another program's SQLite
  /// file; a folder; a missing file unless `opening` is create; a missing
  /// folder. A read-only file or folder is opened read-only. Does not migrate.
  static Connection open(const std::filesystem::path& file, Opening opening = Opening::create);
  static Connection open_memory();
  Connection(Connection&&) noexcept;
  Connection& operator=(Connection&&) noexcept;
  ~Connection();

  void exec(std::string_view sql);
  std::int64_t last_insert_id() const;
  int changes() const;
  /// Inside BEGIN ... COMMIT (or a savepoint), rather than a statement committing on its own.
  bool in_transaction() const;
  /// Holding the write lock: a unit of work, not a read snapshot (a deferred BEGIN that has only read).
  bool writing() const;
  /// A foreign key checked at commit (migration 12) refers to a row that is not there, so far.
  bool keys_pending() const;
  const std::filesystem::path& file() const;

 private:
  friend class Statement;
  struct Impl;
  explicit Connection(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

/// A prepared statement. Parameters count from 1, columns from 0.
class Statement {
 public:
  Statement(Connection& db, std::string_view sql);
  Statement(Statement&&) noexcept;
  ~Statement();

  Statement& bind(int i, std::int64_t v);
  Statement& bind(int i, int v) { return bind(i, std::int64_t{v}); }
  Statement& bind(int i, double v);
  Statement& bind(int i, std::string_view v);
  Statement& bind(int i, const char* v) { return bind(i, std::string_view(v)); }
  Statement& bind(int i, const std::string& v) { return bind(i, std::string_view(v)); }
  Statement& bind_null(int i);
  /// Binds text without a copy, for bulk writes: `v` must stay as it is until
  /// the statement has run, and every such parameter be bound afresh before it runs again.
  Statement& bind_unowned(int i, std::string_view v);
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
  /// The column's text without a copy: valid until the next step or reset; empty when NULL.
  std::string_view text_view(int col) const;
  std::optional<std::int64_t> opt_integer(int col) const;
  std::optional<int> opt_int(int col) const;  ///< a line, a count, an LA code
  std::optional<double> opt_real(int col) const;
  std::optional<std::string> opt_text(int col) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace trellis::sqlite
