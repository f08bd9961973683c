#include "repositories.hpp"
#include "trellis/store/body_repository.hpp"

namespace trellis::sqlite {
namespace {

class Bodies final : public BodyRepository {
 public:
  explicit Bodies(Connection& c) : c_(c) {}

  std::optional<Body> find(const std::string& id) override {
    Statement s(c_, "SELECT id, kind, name FROM bodies WHERE id = ?");
    s.bind(1, id);
    if (!s.step()) return std::nullopt;
    return Body{s.text(0), s.text(1), s.text(2)};
  }

  void add(const Body& b, const std::string& at) override {
    Statement s(c_, "INSERT INTO bodies(id, kind, name, created_at) VALUES (?, ?, ?, ?)");
    s.bind(1, b.id).bind(2, b.kind).bind(3, b.name).bind(4, at).run();
  }

  std::vector<BodySummary> list(const std::string& date) override {
    Statement s(c_, R"(
      SELECT b.id, b.kind, b.name,
             (SELECT regime FROM adoptions a WHERE a.body_id = b.id AND a.from_date <= ?1
                ORDER BY a.from_date DESC, a.id DESC LIMIT 1),
             (SELECT version FROM adoptions a WHERE a.body_id = b.id AND a.from_date <= ?1
                ORDER BY a.from_date DESC, a.id DESC LIMIT 1),
             (SELECT policy_path FROM adoptions a WHERE a.body_id = b.id AND a.from_date <= ?1
                ORDER BY a.from_date DESC, a.id DESC LIMIT 1),
             (SELECT COUNT(DISTINCT urn) FROM memberships m WHERE m.body_id = b.id
                AND m.from_date <= ?1 AND (m.to_date IS NULL OR m.to_date >= ?1))
      FROM bodies b ORDER BY b.id)");
    s.bind(1, date);
    std::vector<BodySummary> out;
    while (s.step())
      out.push_back({{s.text(0), s.text(1), s.text(2)}, s.opt_text(3), s.opt_text(4), s.opt_text(5), s.integer(6)});
    return out;
  }

  bool member_within(const std::string& body_id, std::int64_t urn, const std::string& from,
                     const std::optional<std::string>& to) override {
    if (!overlapping_)
      overlapping_.emplace(c_, R"(SELECT 1 FROM memberships WHERE body_id = ? AND urn = ? AND from_date <= ?
                                    AND (to_date IS NULL OR to_date >= ?))");
    overlapping_->bind(1, body_id).bind(2, urn).bind(3, to.value_or("9999-12-31")).bind(4, from);
    const bool found = overlapping_->step();
    overlapping_->reset();
    return found;
  }

  bool ever_member(const std::string& body_id, std::int64_t urn) override {
    Statement s(c_, "SELECT 1 FROM memberships WHERE body_id = ? AND urn = ?");
    return s.bind(1, body_id).bind(2, urn).step();
  }

  void add_membership(const std::string& body_id, std::int64_t urn, const std::string& from,
                      const std::optional<std::string>& to) override {
    Statement s(c_, "INSERT INTO memberships(body_id, urn, from_date, to_date) VALUES (?, ?, ?, ?)");
    s.bind(1, body_id).bind(2, urn).bind(3, from).bind(4, to).run();
  }

  bool end_membership(const std::string& body_id, std::int64_t urn, const std::string& last_day) override {
    Statement s(c_, R"(UPDATE memberships SET to_date = ?3 WHERE id = (SELECT id FROM memberships
                         WHERE body_id = ?1 AND urn = ?2 AND from_date <= ?3 AND (to_date IS NULL OR to_date >= ?3)
                         ORDER BY from_date DESC, id DESC LIMIT 1))");
    s.bind(1, body_id).bind(2, urn).bind(3, last_day).run();
    return c_.changes() > 0;
  }

  std::vector<std::int64_t> members_on(const std::string& body_id, const std::string& date) override {
    Statement s(c_, R"(SELECT DISTINCT urn FROM memberships WHERE body_id = ? AND from_date <= ?2
                       AND (to_date IS NULL OR to_date >= ?2) ORDER BY urn)");
    s.bind(1, body_id).bind(2, date);
    std::vector<std::int64_t> out;
    while (s.step()) out.push_back(s.integer(0));
    return out;
  }

  std::vector<std::pair<std::int64_t, std::string>> membership_starts(const std::string& body_id) override {
    Statement s(c_, "SELECT urn, from_date FROM memberships WHERE body_id = ? ORDER BY urn, id");
    s.bind(1, body_id);
    std::vector<std::pair<std::int64_t, std::string>> out;
    while (s.step()) out.emplace_back(s.integer(0), s.text(1));
    return out;
  }

  bool is_member_on(const std::string& body_id, std::int64_t urn, const std::string& date) override {
    Statement s(c_, R"(SELECT 1 FROM memberships WHERE body_id = ?1 AND urn = ?2 AND from_date <= ?3
                       AND (to_date IS NULL OR to_date >= ?3) LIMIT 1)");
    s.bind(1, body_id).bind(2, urn).bind(3, date);
    return s.step();
  }

  std::int64_t add_adoption(const Adoption& a, const std::string& at) override {
    Statement s(c_, R"(INSERT INTO adoptions(body_id, policy_path, regime, version, policy_hash, from_date, adopted_at)
                       VALUES (?, ?, ?, ?, ?, ?, ?))");
    s.bind(1, a.body_id).bind(2, a.policy_path.string()).bind(3, a.regime).bind(4, a.version)
        .bind(5, a.policy_hash).bind(6, a.from_date).bind(7, at).run();
    return c_.last_insert_id();
  }

  std::optional<Adoption> adoption_on(const std::string& body_id, const std::string& date) override {
    Statement s(c_, R"(SELECT id, body_id, policy_path, regime, version, policy_hash, from_date FROM adoptions
                       WHERE body_id = ? AND from_date <= ? ORDER BY from_date DESC, id DESC LIMIT 1)");
    s.bind(1, body_id).bind(2, date);
    if (!s.step()) return std::nullopt;
    return Adoption{s.integer(0), s.text(1), s.text(2), s.text(3), s.text(4), s.text(5), s.text(6), std::nullopt};
  }

  std::vector<Adoption> adoptions(const std::string& body_id) override {
    Statement s(c_, R"(SELECT id, body_id, policy_path, regime, version, policy_hash, from_date FROM adoptions
                       WHERE body_id = ? ORDER BY from_date, id)");
    s.bind(1, body_id);
    std::vector<Adoption> out;
    while (s.step())
      out.push_back({s.integer(0), s.text(1), s.text(2), s.text(3), s.text(4), s.text(5), s.text(6), std::nullopt});
    return out;
  }

 private:
  Connection& c_;
  std::optional<Statement> overlapping_;
};

}  // namespace

std::unique_ptr<BodyRepository> make_bodies(Connection& c) { return std::make_unique<Bodies>(c); }

}  // namespace trellis::sqlite
