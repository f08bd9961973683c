#include "repositories.hpp"
#include "trellis/store/person_repository.hpp"

namespace trellis::sqlite {
namespace {

constexpr const char* kColumns = "SELECT id, name, role, body_id, urn FROM people";

Actor read(Statement& s) {
  Actor a;
  a.id = s.text(0);
  a.name = s.text(1);
  a.role = parse_role(s.text(2)).value_or(Role::viewer);
  a.body = s.opt_text(3).value_or("");
  a.school = s.opt_integer(4);
  return a;
}

class People final : public PersonRepository {
 public:
  explicit People(Connection& c) : c_(c) {}

  std::optional<Actor> find(std::string_view id) override {
    Statement s(c_, std::string(kColumns) + " WHERE id = ?");
    s.bind(1, id);
    if (!s.step()) return std::nullopt;
    return read(s);
  }

  std::vector<Actor> list() override {
    Statement s(c_, std::string(kColumns) + " ORDER BY role = 'admin' DESC, body_id, id");
    std::vector<Actor> out;
    while (s.step()) out.push_back(read(s));
    return out;
  }

  bool empty() override { return !Statement(c_, "SELECT 1 FROM people LIMIT 1").step(); }

  void add(const Actor& p, const std::string& at, const std::optional<std::string>& added_by) override {
    Statement s(c_, "INSERT INTO people(id, name, role, body_id, urn, added_at, added_by) VALUES (?, ?, ?, ?, ?, ?, ?)");
    s.bind(1, p.id).bind(2, p.name).bind(3, std::string(to_string(p.role)));
    if (p.body.empty()) s.bind_null(4);
    else s.bind(4, p.body);
    s.bind(5, p.school).bind(6, at).bind(7, added_by).run();
  }

  void set_password_hash(std::string_view id, const std::string& hash, const std::string& at,
                         const std::string& set_by) override {
    Statement s(c_, "INSERT INTO passwords(person_id, hash, set_at, set_by) VALUES (?, ?, ?, ?) "
                    "ON CONFLICT(person_id) DO UPDATE SET hash = excluded.hash, set_at = excluded.set_at, "
                    "set_by = excluded.set_by");
    s.bind(1, id).bind(2, hash).bind(3, at).bind(4, set_by).run();
  }

  std::optional<std::string> password_hash(std::string_view id) override {
    Statement s(c_, "SELECT hash FROM passwords WHERE person_id = ?");
    s.bind(1, id);
    if (!s.step()) return std::nullopt;
    return s.text(0);
  }

 private:
  Connection& c_;
};

}  // namespace

std::unique_ptr<PersonRepository> make_people(Connection& c) { return std::make_unique<People>(c); }

}  // namespace trellis::sqlite
