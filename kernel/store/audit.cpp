#include "trellis/store/audit.hpp"

#include "trellis/store/audit_chain.hpp"
#include "trellis/store/audit_repository.hpp"

namespace trellis {

std::int64_t record_audit(Database& db, const Actor& actor, const Clock& clock, const AuditEntry& e) {
  // The row links to the newest row there is; its id is chosen here because
  // the hash covers it and the triggers forbid filling the hash in afterwards.
  std::string prev = audit_genesis();
  AuditRecord r;
  if (auto last = db.audit().last()) {
    r.id = last->id;
    prev = last->hash.value_or("");  // unsealed: verify names that row
  }
  r.id += 1;
  r.at = clock.timestamp();
  r.who = actor.id;
  r.role = std::string(to_string(actor.role));
  r.command = e.command;
  r.summary = e.summary;
  r.input_hash = e.input_hash;
  if (!e.body.empty()) r.body = e.body;
  r.urn = e.urn;
  r.changes = e.changes;
  r.hash = audit_row_hash(prev, r);
  r.prev_hash = std::move(prev);
  db.audit().append(r);
  return r.id;
}

}  // namespace trellis
