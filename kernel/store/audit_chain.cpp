// The audit log's hash chain and sealing; the encoding is documented in audit_chain.hpp.
#include "trellis/store/audit_chain.hpp"

#include "trellis/sha256.hpp"
#include "trellis/store/audit_log.hpp"

namespace trellis {
namespace {

void field(std::string& out, std::string_view v) {
  out += std::to_string(v.size());
  out += ':';
  out += v;
  out += ',';
}
void nullable(std::string& out, const std::optional<std::string>& v) {
  if (v) field(out, *v); else out += '~';
}
void nullable(std::string& out, std::optional<std::int64_t> v) {
  if (v) field(out, std::to_string(*v)); else out += '~';
}

}  // namespace

const std::string& audit_genesis() {
  static const std::string g(64, '0');
  return g;
}

std::string audit_row_hash(std::string_view prev_hash, const AuditRecord& r) {
  std::string c;
  field(c, prev_hash);
  field(c, std::to_string(r.id));
  field(c, r.at);
  field(c, r.who);
  nullable(c, r.role);
  field(c, r.command);
  field(c, r.summary);
  field(c, r.input_hash);
  nullable(c, r.body);
  nullable(c, r.urn);
  nullable(c, r.changes);
  return sha256_hex(c);
}

void seal_audit(Database& db) {
  // Sealing writes hashes into existing rows, so the triggers go while it runs.
  db.exec("DROP TRIGGER IF EXISTS audit_no_update; DROP TRIGGER IF EXISTS audit_no_delete;");
  std::string prev = audit_genesis();
  std::int64_t count = 0, last_id = 0;
  Statement seal(db, "UPDATE audit SET prev_hash = ?, hash = ? WHERE id = ?");
  for (const AuditRecord& r : read_audit(db)) {
    // Rows already sealed keep their hashes: sealing never repairs a chain.
    if (!r.hash) {
      const std::string h = audit_row_hash(prev, r);
      seal.bind(1, prev).bind(2, h).bind(3, r.id).run();
      prev = h;
    } else {
      prev = *r.hash;
    }
    ++count;
    last_id = r.id;
  }
  Statement head(db, "INSERT OR REPLACE INTO audit_head(id, row_count, last_id, hash) VALUES (1, ?, ?, ?)");
  head.bind(1, count).bind(2, last_id).bind(3, prev).run();
  // Against accidents, not a determined tamperer (who can drop them): verify_audit is for that.
  db.exec(R"sql(
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: its rows are never changed'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: its rows are never deleted'); END;
)sql");
}

const char* to_string(AuditFault::Kind k) {
  switch (k) {
    case AuditFault::Kind::edited: return "edited";
    case AuditFault::Kind::deleted: return "deleted";
    case AuditFault::Kind::reordered: return "reordered";
    case AuditFault::Kind::broken_link: return "broken link";
    case AuditFault::Kind::unsealed: return "unsealed";
    case AuditFault::Kind::head: return "head";
  }
  return "?";
}

}  // namespace trellis
