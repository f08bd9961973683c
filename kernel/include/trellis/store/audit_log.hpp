#pragma once
/// Reading the audit log, oldest first, optionally for one school, one body or
/// from one day on. Every role may read it.
///
///     auto rows = read_audit(db, {.urn = 123456, .since = "2024-09-01"});
///     for (const AuditRecord& r : rows) std::cout << r.id << " " << r.who << " " << r.summary;
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "trellis/store/audit_chain.hpp"
#include "trellis/store/database.hpp"

namespace trellis {

struct AuditQuery {
  std::optional<std::int64_t> urn = std::nullopt;   ///< rows about this school only
  std::optional<std::string> since = std::nullopt;  ///< "YYYY-MM-DD": rows written on or after this day (UTC)
  std::optional<std::string> body = std::nullopt;   ///< rows about this body only
};

/// The rows that match, in id order, with every column.
std::vector<AuditRecord> read_audit(Database& db, const AuditQuery& query = {});

}  // namespace trellis
