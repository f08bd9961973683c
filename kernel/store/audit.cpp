#include "trellis/store/audit.hpp"

namespace trellis {

std::int64_t record_audit(Database& db, const Actor& actor, const Clock& clock, const AuditEntry& e) {
  Statement s(db, R"(INSERT INTO audit(at, who, command, summary, input_hash, role, body_id, urn, changes)
                     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?))");
  s.bind(1, clock.timestamp()).bind(2, actor.id).bind(3, e.command).bind(4, e.summary).bind(5, e.input_hash)
      .bind(6, std::string(to_string(actor.role)));
  if (e.body.empty()) s.bind_null(7); else s.bind(7, e.body);
  s.bind(8, e.urn).bind(9, e.changes).run();
  return db.last_insert_id();
}

}  // namespace trellis
