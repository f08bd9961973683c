#pragma once
/// Multi-row INSERTs: a run stores tens of thousands of rows in one
/// transaction, and one statement per row spends most of its time starting
/// and ending statements rather than writing rows.
///
/// The statements say INSERT OR FAIL (or OR IGNORE), and the tables they write
/// check their foreign keys at commit (migration 12): then SQLite need not keep a
/// journal of each statement to undo it alone. A row that fails stops the
/// statement with the rows before it written, so a call's rows are written in a
/// unit of work (AllOrNone), which the failure rolls back whole.
///
///     RowInsert cite(c, "INSERT OR IGNORE INTO rating_evidence(rating_id, evidence_id) VALUES ", "(?, ?)");
///     Statement& s = cite.rows(3);   // ... VALUES (?, ?),(?, ?),(?, ?), prepared once per count
///     s.bind(cite.column(2, 1), evidence_id);  // the third row's second parameter
///     cite.insert(pairs, [](Statement& s, int p, const Pair& e) { s.bind(p, e.rating).bind(p + 1, e.evidence); });
#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "connection.hpp"

namespace trellis::sqlite {

/// A call's rows written all or none: in the caller's unit of work, or, when
/// there is none, in one of their own, committed by done() and otherwise
/// rolled back. (A savepoint inside the caller's unit would bring back the
/// journal that OR FAIL spares.) done() also refuses a row whose key refers to
/// nothing, as a key checked per statement did: checked only at commit, the
/// unit would go on, and while one is pending SQLite searches a table for each
/// row added to the table it refers to.
///
///     AllOrNone unit(c_, {"ratings", "rating_evidence"});
///     propose.insert(rows, bind);
///     unit.done();
class AllOrNone {
 public:
  /// Refuses (std::logic_error) inside a read snapshot, whose end would drop the rows unseen.
  AllOrNone(Connection& c, std::vector<std::string> tables);
  ~AllOrNone();
  void done();
  AllOrNone(const AllOrNone&) = delete;
  AllOrNone& operator=(const AllOrNone&) = delete;

 private:
  Connection& c_;
  std::vector<std::string> tables_;  ///< those the call writes, where a dangling row is looked for
  bool own_;
};

/// "row 3 of ratings refers to a row of bodies that is not there": the first
/// such row in `tables` (in every table when none is given).
std::string dangling_row(Connection& c, const std::vector<std::string>& tables = {});

class RowInsert {
 public:
  /// `head` ends with "VALUES "; `row` is one row's "(?, ?, 'planned')", its
  /// parameters anonymous. At most kMaxRows rows go in one statement.
  RowInsert(Connection& c, std::string head, std::string row);

  static constexpr int kMaxRows = 64;

  /// The statement for `n` rows (1..kMaxRows).
  Statement& rows(int n);
  /// The parameter of `row`'s `column`th placeholder, both counted from 0.
  int column(int row, int column) const { return row * columns_ + column + 1; }

  /// Inserts a row for each item, in order, kMaxRows to a statement;
  /// `bind(statement, p, item)` binds the item's parameters p, p + 1, ...
  template <class Item, class Bind>
  void insert(const std::vector<Item>& items, Bind&& bind) {
    for (std::size_t from = 0; from < items.size(); from += kMaxRows) {
      const int n = static_cast<int>(std::min<std::size_t>(kMaxRows, items.size() - from));
      Statement& s = rows(n);
      for (int i = 0; i < n; ++i) bind(s, column(i, 0), items[from + static_cast<std::size_t>(i)]);
      s.run();
    }
  }

 private:
  Connection& c_;
  std::string head_, row_;
  int columns_;
  std::map<int, Statement> prepared_;
};

}  // namespace trellis::sqlite
