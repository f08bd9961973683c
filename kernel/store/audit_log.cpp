#include "trellis/store/audit_log.hpp"

#include "trellis/store/audit_repository.hpp"

namespace trellis {

std::vector<AuditRecord> read_audit(Database& db, const AuditQuery& q) { return db.audit().read(q); }

}  // namespace trellis
