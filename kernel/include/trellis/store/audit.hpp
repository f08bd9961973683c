#pragma once
/// The audit log: every command that writes records who, when, what, and a
/// hash of its inputs, inside the command's own transaction.
///
///     std::int64_t id = record_audit(db, who, "import evidence", "1204 items from abs.csv", sha);
#include <cstdint>
#include <string>

#include "trellis/store/database.hpp"

namespace trellis {

std::int64_t record_audit(Database& db, const std::string& who, const std::string& command,
                          const std::string& summary, const std::string& input_hash);

/// ISO-8601 UTC timestamp, e.g. "2024-09-02T10:15:00Z". $TRELLIS_NOW overrides
/// the clock, so tests and demos are reproducible.
std::string now_timestamp();

/// Who is acting: $TRELLIS_USER, else $USER, else "unknown".
std::string current_user();

}  // namespace trellis
