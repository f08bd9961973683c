#pragma once
/// The audit log's rows and its chain head. The chain's rules (what a hash
/// covers, what sealing does, what verify checks) are the kernel's
/// (audit_chain.hpp); a repository only keeps rows.
///
///     auto last = db.audit().last();  // the row a new one links to
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "trellis/store/audit_chain.hpp"
#include "trellis/store/audit_log.hpp"

namespace trellis {

/// What `audit_head` holds: the row count, the last id and the last hash.
struct AuditHead {
  std::int64_t rows = 0;
  std::int64_t last_id = 0;
  std::string hash;
};

class AuditRepository {
 public:
  virtual ~AuditRepository();
  /// The newest row's id and hash (none: never sealed).
  struct Last {
    std::int64_t id = 0;
    std::optional<std::string> hash;
  };
  virtual std::optional<Last> last() = 0;
  /// Appends a sealed row (its id, prev_hash and hash set) and moves the head on to it.
  virtual void append(const AuditRecord& row) = 0;
  virtual std::vector<AuditRecord> read(const AuditQuery& query) = 0;
  virtual std::optional<AuditHead> head() = 0;
  /// Gives the rows listed their prev_hash and hash (they had none), sets the
  /// head, and makes the log append-only from then on.
  virtual void seal(const std::vector<AuditRecord>& sealed, const AuditHead& head) = 0;
  /// A row another record names but the log no longer holds: {audit id, what names it}.
  struct Reference {
    std::int64_t row = 0;
    std::string by;  ///< e.g. "assessment 12"
  };
  virtual std::optional<Reference> missing_reference() = 0;
};

}  // namespace trellis
