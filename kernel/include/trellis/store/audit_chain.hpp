#pragma once
/// The audit log's hash chain: what each row's hash covers, sealing rows that
/// have none, and checking the chain.
///
///     seal_audit(db);                    // after a migration, inside its transaction
///     AuditCheck c = verify_audit(db);   // trellis audit verify
///     if (c.fault) std::cout << "row " << c.fault->row << ": " << c.fault->what;
///
/// Each row's `hash` is the SHA-256 (lower-case hex) of
///
///     field(prev_hash) field(id) field(at) field(who) field(role) field(command)
///     field(summary) field(input_hash) field(body_id) field(urn) field(changes)
///
/// where field(v) is "~" for NULL and "<byte length>:<bytes>," otherwise (a
/// netstring; integers as decimal text). No field can run into the next, and
/// NULL differs from "" (rows from before schema 4 have a NULL role). The
/// first row's prev_hash is audit_genesis(); every later row's is the hash of
/// the row before it. `audit_head` holds the row count, the last id and the
/// last hash, so that deleting the newest rows shows.
///
/// What it protects against, honestly: SQL triggers refuse UPDATE and DELETE
/// on `audit`, which stops accidents, but anyone who can write the file can
/// drop them (and an assessment's foreign key to its audit row stops a naive
/// DELETE of that row, until foreign keys are switched off). Then verify finds an edited row, a deleted row (a gap, a broken
/// link, a head that names more rows, or an assessment whose audit row is
/// gone) and rows moved. It cannot find a tamperer who rewrites a row and then
/// recomputes every later hash and the head: the chain has no key and no copy
/// outside the database. Keeping the head's hash elsewhere (printed in a
/// report, sent to the board) makes that visible too.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "trellis/store/database.hpp"

namespace trellis {

/// One audit row as the chain sees it; NULL columns are nullopt.
struct AuditRecord {
  std::int64_t id = 0;
  std::string at, who;
  std::optional<std::string> role;
  std::string command, summary, input_hash;
  std::optional<std::string> body;
  std::optional<std::int64_t> urn;
  std::optional<std::string> changes;
  std::optional<std::string> prev_hash, hash;
};

/// The prev_hash of the first row: 64 zeros.
const std::string& audit_genesis();
/// The hash a row must carry, given the hash of the row before it.
std::string audit_row_hash(std::string_view prev_hash, const AuditRecord& row);

/// Gives every row without a hash its prev_hash and hash, in id order, brings
/// `audit_head` up to date and (re)creates the triggers that refuse UPDATE and
/// DELETE on `audit`. Idempotent; runs inside the caller's transaction.
void seal_audit(Database& db);

/// What is wrong with the log, at the first row found wrong.
struct AuditFault {
  enum class Kind { edited, deleted, reordered, broken_link, unsealed, head };
  Kind kind;
  std::int64_t row;  ///< the first bad row (for a deletion, the first missing id)
  std::string what;  ///< one sentence, e.g. "row 5 was deleted: row 6 ..."
};

struct AuditCheck {
  std::int64_t rows = 0;
  std::optional<AuditFault> fault;  ///< none: the chain is intact
};

/// Walks the chain in id order and then checks the head and the rows other
/// tables refer to. Reads only.
AuditCheck verify_audit(Database& db);

const char* to_string(AuditFault::Kind k);  ///< "edited", "deleted", ...

}  // namespace trellis
