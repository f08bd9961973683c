#include "trellis/store/audit.hpp"

#include "trellis/store/audit_chain.hpp"

namespace trellis {

std::int64_t record_audit(Database& db, const Actor& actor, const Clock& clock, const AuditEntry& e) {
  // The row links to the newest row there is; its id is chosen here because
  // the hash covers it and the triggers forbid filling the hash in afterwards.
  std::string prev = audit_genesis();
  AuditRecord r;
  {
    Statement last(db, "SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1");
    if (last.step()) {
      r.id = last.integer(0);
      prev = last.opt_text(1).value_or("");  // unsealed: verify names that row
    }
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
  const std::string hash = audit_row_hash(prev, r);

  Statement s(db, R"(INSERT INTO audit(id, at, who, command, summary, input_hash, role, body_id, urn, changes,
                                       prev_hash, hash)
                     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?))");
  s.bind(1, r.id).bind(2, r.at).bind(3, r.who).bind(4, r.command).bind(5, r.summary).bind(6, r.input_hash)
      .bind(7, r.role).bind(8, r.body).bind(9, r.urn).bind(10, r.changes).bind(11, prev).bind(12, hash).run();
  Statement head(db, "UPDATE audit_head SET row_count = row_count + 1, last_id = ?, hash = ? WHERE id = 1");
  head.bind(1, r.id).bind(2, hash).run();
  return r.id;
}

}  // namespace trellis
