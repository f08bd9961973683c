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

AllOrNone::AllOrNone(Connection& c) : c_(c), own_(!c.in_transaction()) {
  if (own_) c_.exec("BEGIN");
}

AllOrNone::~AllOrNone() {
  if (!own_) return;
  try {
    c_.exec("ROLLBACK");
  } catch (...) {  // SQLite has rolled back already after the error that brought us here
  }
}

void AllOrNone::done() {
  if (!own_) return;
  c_.exec("COMMIT");  // a key checked at commit may fail here: the destructor rolls back
  own_ = false;
}

}  // namespace trellis::sqlite
