#pragma once
/// The audit log: every command that writes records who (the person and the
/// role they acted in), when, what, and a hash of its inputs, inside the
/// command's own transaction. Each row is hash-chained to the one before it
/// and the table is append-only (audit_chain.hpp); read it with read_audit
/// (audit_log.hpp).
///
///     record_audit(db, actor, clock, {"import evidence", "1204 items from abs.csv", sha});
///     record_audit(db, actor, clock, {"rate", "123456 overall amber (final)", "", "example-la", 123456});
#include <cstdint>
#include <optional>
#include <string>
#include <utility>

#include "trellis/actor.hpp"
#include "trellis/clock.hpp"
#include "trellis/store/database.hpp"

namespace trellis {

struct AuditEntry {
  AuditEntry(std::string command, std::string summary, std::string input_hash = "", std::string body = "",
             std::optional<std::int64_t> urn = std::nullopt, std::string changes = "{}")
      : command(std::move(command)), summary(std::move(summary)), input_hash(std::move(input_hash)),
        body(std::move(body)), urn(urn), changes(std::move(changes)) {}
  std::string command;     ///< the verb, e.g. "rate"
  std::string summary;     ///< one line for a person
  std::string input_hash;  ///< sha256 of the inputs, or empty
  std::string body;        ///< the body concerned, if one
  std::optional<std::int64_t> urn;  ///< the school concerned, if one
  std::string changes;     ///< JSON: what changed
};

/// Appends one row and returns its id.
std::int64_t record_audit(Database& db, const Actor& actor, const Clock& clock, const AuditEntry& entry);

}  // namespace trellis
