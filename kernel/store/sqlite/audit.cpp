#include "repositories.hpp"
#include "trellis/store/audit_repository.hpp"

namespace trellis::sqlite {
namespace {

class Audit final : public AuditRepository {
 public:
  explicit Audit(Connection& c) : c_(c) {}

  std::optional<Last> last() override {
    Statement s(c_, "SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1");
    if (!s.step()) return std::nullopt;
    return Last{s.integer(0), s.opt_text(1)};
  }

  void append(const AuditRecord& r) override {
    Statement s(c_, R"(INSERT INTO audit(id, at, who, command, summary, input_hash, role, body_id, urn, changes,
                                         prev_hash, hash)
                       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?))");
    s.bind(1, r.id).bind(2, r.at).bind(3, r.who).bind(4, r.command).bind(5, r.summary).bind(6, r.input_hash)
        .bind(7, r.role).bind(8, r.body).bind(9, r.urn).bind(10, r.changes).bind(11, r.prev_hash).bind(12, r.hash)
        .run();
    Statement head(c_, "UPDATE audit_head SET row_count = row_count + 1, last_id = ?, hash = ? WHERE id = 1");
    head.bind(1, r.id).bind(2, r.hash).run();
  }

  std::vector<AuditRecord> read(const AuditQuery& q) override {
    // `at` is an ISO-8601 UTC timestamp, so a day compares as its prefix.
    Statement s(c_, R"(SELECT id, at, who, role, command, summary, input_hash, body_id, urn, changes, prev_hash, hash
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

  std::optional<AuditHead> head() override {
    Statement s(c_, "SELECT row_count, last_id, hash FROM audit_head WHERE id = 1");
    if (!s.step()) return std::nullopt;
    return AuditHead{s.integer(0), s.integer(1), s.text(2)};
  }

  void seal(const std::vector<AuditRecord>& sealed, const AuditHead& h) override {
    // Sealing writes hashes into existing rows, so the triggers go while it runs.
    c_.exec("DROP TRIGGER IF EXISTS audit_no_update; DROP TRIGGER IF EXISTS audit_no_delete;");
    Statement set(c_, "UPDATE audit SET prev_hash = ?, hash = ? WHERE id = ?");
    for (const AuditRecord& r : sealed) set.bind(1, r.prev_hash).bind(2, r.hash).bind(3, r.id).run();
    Statement head(c_, "INSERT OR REPLACE INTO audit_head(id, row_count, last_id, hash) VALUES (1, ?, ?, ?)");
    head.bind(1, h.rows).bind(2, h.last_id).bind(3, h.hash).run();
    // Against accidents, not a determined tamperer (who can drop them): verify_audit is for that.
    c_.exec(R"sql(
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: its rows are never changed'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: its rows are never deleted'); END;
)sql");
  }

  std::optional<Reference> missing_reference() override {
    Statement s(c_, R"(SELECT audit_id, id FROM assessments
                       WHERE audit_id IS NOT NULL AND audit_id NOT IN (SELECT id FROM audit)
                       ORDER BY audit_id, id LIMIT 1)");
    if (!s.step()) return std::nullopt;
    return Reference{s.integer(0), "assessment " + std::to_string(s.integer(1))};
  }

 private:
  Connection& c_;
};

}  // namespace

std::unique_ptr<AuditRepository> make_audit(Connection& c) { return std::make_unique<Audit>(c); }

}  // namespace trellis::sqlite
