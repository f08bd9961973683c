#include "rows.hpp"

#include <algorithm>
#include <stdexcept>

namespace trellis::sqlite {

RowInsert::RowInsert(Connection& c, std::string head, std::string row)
    : c_(c), head_(std::move(head)), row_(std::move(row)),
      columns_(static_cast<int>(std::count(row_.begin(), row_.end(), '?'))) {}

Statement& RowInsert::rows(int n) {
  if (n < 1 || n > kMaxRows) throw std::logic_error("RowInsert::rows: " + std::to_string(n) + " rows");
  if (auto it = prepared_.find(n); it != prepared_.end()) return it->second;
  std::string sql = head_;
  for (int i = 0; i < n; ++i) sql += (i ? "," : "") + row_;
  return prepared_.emplace(n, Statement(c_, sql)).first->second;
}

AllOrNone::AllOrNone(Connection& c, std::vector<std::string> tables)
    : c_(c), tables_(std::move(tables)), own_(!c.in_transaction()) {
  if (!own_ && !c_.writing()) throw std::logic_error("rows written inside a read snapshot");
  if (own_) c_.exec("BEGIN IMMEDIATE");  // it reads before it writes (the next rating id), as a unit does
}

AllOrNone::~AllOrNone() {
  if (!own_) return;
  try {
    c_.exec("ROLLBACK");
  } catch (...) {  // SQLite has rolled back already after the error that brought us here
  }
}

void AllOrNone::done() {
  if (c_.keys_pending()) {  // the destructor, or the caller's unit, rolls back
    throw std::runtime_error(c_.file().string() + ": " + dangling_row(c_, tables_));
  }
  if (!own_) return;
  c_.exec("COMMIT");
  own_ = false;
}

std::string dangling_row(Connection& c, const std::vector<std::string>& tables) {
  const auto first_in = [&](const std::string& table) -> std::string {
    Statement s(c, table.empty() ? "SELECT \"table\", rowid, parent FROM pragma_foreign_key_check LIMIT 1"
                                 : "SELECT \"table\", rowid, parent FROM pragma_foreign_key_check(?) LIMIT 1");
    if (!table.empty()) s.bind(1, table);
    if (!s.step()) return "";
    return "row " + std::to_string(s.integer(1)) + " of " + s.text(0) + " refers to a row of " + s.text(2) +
           " that is not there";
  };
  for (const auto& t : tables.empty() ? std::vector<std::string>{""} : tables)
    if (auto row = first_in(t); !row.empty()) return row;
  return "a row refers to a row that is not there";
}

}  // namespace trellis::sqlite
