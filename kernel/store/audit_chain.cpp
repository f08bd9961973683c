// The audit log's hash chain and sealing; the encoding is documented in audit_chain.hpp.
#include "trellis/store/audit_chain.hpp"

#include "trellis/sha256.hpp"
#include "trellis/store/audit_log.hpp"
#include "trellis/store/audit_repository.hpp"

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
  std::string prev = audit_genesis();
  AuditHead head;
  std::vector<AuditRecord> sealed;
  for (AuditRecord& r : read_audit(db)) {
    // Rows already sealed keep their hashes: sealing never repairs a chain.
    if (!r.hash) {
      r.prev_hash = prev;
      r.hash = audit_row_hash(prev, r);
      sealed.push_back(r);
    }
    prev = *r.hash;
    ++head.rows;
    head.last_id = r.id;
  }
  head.hash = prev;
  db.audit().seal(sealed, head);
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
