#include "trellis/store/audit_log.hpp"

namespace trellis {

std::vector<AuditRecord> read_audit(Database& db, const AuditQuery& q) {
  // `at` is an ISO-8601 UTC timestamp, so a day compares as its prefix.
  Statement s(db, R"(SELECT id, at, who, role, command, summary, input_hash, body_id, urn, changes, prev_hash, hash
                     FROM audit
                     WHERE (?1 IS NULL OR urn = ?1) AND (?2 IS NULL OR at >= ?2) AND (?3 IS NULL OR body_id = ?3)
                     ORDER BY id)");
  s.bind(1, q.urn).bind(2, q.since).bind(3, q.body);
  std::vector<AuditRecord> rows;
  while (s.step()) {
    AuditRecord r;
    r.id = s.integer(0);
    r.at = s.text(1);
    r.who = s.text(2);
    r.role = s.opt_text(3);
    r.command = s.text(4);
    r.summary = s.text(5);
    r.input_hash = s.text(6);
    r.body = s.opt_text(7);
    r.urn = s.opt_integer(8);
    r.changes = s.opt_text(9);
    r.prev_hash = s.opt_text(10);
    r.hash = s.opt_text(11);
    rows.push_back(std::move(r));
  }
  return rows;
}

}  // namespace trellis
