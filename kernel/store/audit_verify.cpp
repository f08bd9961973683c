// Checking the audit chain: the first row found wrong, and how.
#include <vector>

#include "trellis/store/audit_chain.hpp"
#include "trellis/store/audit_log.hpp"
#include "trellis/store/audit_repository.hpp"

namespace trellis {
namespace {

using Kind = AuditFault::Kind;
using Rows = std::vector<AuditRecord>;

std::string row(std::int64_t id) { return "row " + std::to_string(id); }

std::string missing(std::int64_t first, std::int64_t last) {
  return first == last ? row(first) + " was deleted" : "rows " + std::to_string(first) + " to " +
                                                           std::to_string(last) + " were deleted";
}

/// The id a row whose hash does not match was written as, if its content
/// belongs elsewhere in the chain: moved whole (with its hashes) or with its
/// content only (under the other row's hashes).
std::optional<std::int64_t> written_as(const Rows& rows, const AuditRecord& r) {
  for (const AuditRecord& other : rows) {
    if (other.id == r.id || !other.hash || !other.prev_hash) continue;
    AuditRecord moved = r;
    moved.id = other.id;
    if (audit_row_hash(*r.prev_hash, moved) == *r.hash) return other.id;
    if (audit_row_hash(*other.prev_hash, moved) == *other.hash) return other.id;
  }
  return std::nullopt;
}

std::optional<AuditFault> walk(const Rows& rows) {
  std::string expected_prev = audit_genesis();
  std::int64_t expected_id = 1;
  for (const AuditRecord& r : rows) {
    if (r.id != expected_id)
      return AuditFault{Kind::deleted, expected_id,
                        missing(expected_id, r.id - 1) + ": the log goes from " +
                            (expected_id == 1 ? std::string("its start") : row(expected_id - 1)) + " to " + row(r.id)};
    if (!r.hash || !r.prev_hash)
      return AuditFault{Kind::unsealed, r.id, row(r.id) + " has no hash: it was never sealed, or its hash was erased"};
    if (audit_row_hash(*r.prev_hash, r) != *r.hash) {
      if (auto from = written_as(rows, r))
        return AuditFault{Kind::reordered, r.id,
                          row(r.id) + " holds what was written as " + row(*from) + ": rows were reordered"};
      return AuditFault{Kind::edited, r.id, row(r.id) + " was edited: its content no longer matches its hash"};
    }
    if (*r.prev_hash != expected_prev)
      return AuditFault{Kind::broken_link, r.id,
                        r.id == 1 ? row(1) + " does not start the chain: its previous hash is not the genesis value"
                                  : row(r.id) + " does not follow " + row(r.id - 1) + ": it records a previous hash " +
                                        row(r.id - 1) + " does not have (" + row(r.id - 1) +
                                        " rewritten with a new hash, or rows deleted and renumbered)"};
    expected_prev = *r.hash;
    expected_id = r.id + 1;
  }
  return std::nullopt;
}

/// Rows other tables name, that are gone: the only trace of a deleted last
/// row when the head was forged too.
std::optional<AuditFault> references(Database& db) {
  const auto ref = db.audit().missing_reference();
  if (!ref) return std::nullopt;
  return AuditFault{Kind::deleted, ref->row, row(ref->row) + " was deleted: " + ref->by + " was recorded by it"};
}

std::optional<AuditFault> head(Database& db, const Rows& rows) {
  const auto h = db.audit().head();
  if (!h) return AuditFault{Kind::head, 0, "the chain head (table audit_head) is missing"};
  const std::int64_t count = h->rows, last_id = h->last_id;
  const std::string& hash = h->hash;
  const std::int64_t end = rows.empty() ? 0 : rows.back().id;
  const std::string end_hash = rows.empty() ? audit_genesis() : rows.back().hash.value_or("");
  const std::string recorded = "the chain head records " + std::to_string(count) + " rows, ending at " + row(last_id);
  if (last_id > end) return AuditFault{Kind::deleted, end + 1, missing(end + 1, last_id) + " from the end: " + recorded};
  if (last_id < end)
    return AuditFault{Kind::head, last_id + 1, row(last_id + 1) + " was added outside trellis: " + recorded};
  if (hash != end_hash)
    return AuditFault{Kind::head, end, row(end) + " is not the row the chain head records: it was rewritten with a "
                                       "new hash, or the head was changed"};
  if (count != static_cast<std::int64_t>(rows.size()))
    return AuditFault{Kind::head, end, "the log has " + std::to_string(rows.size()) + " rows but " + recorded};
  return std::nullopt;
}

}  // namespace

AuditCheck verify_audit(Database& db) {
  const Rows rows = read_audit(db);
  AuditCheck c;
  c.rows = static_cast<std::int64_t>(rows.size());
  c.fault = walk(rows);
  if (!c.fault) c.fault = references(db);
  if (!c.fault) c.fault = head(db, rows);
  return c;
}

}  // namespace trellis
