#include "trellis/people.hpp"

#include "trellis/error.hpp"
#include "trellis/json_optional.hpp"
#include "trellis/store/audit.hpp"

namespace trellis {
namespace {

Actor read(Statement& s) {
  Actor a;
  a.id = s.text(0);
  a.name = s.text(1);
  a.role = parse_role(s.text(2)).value_or(Role::viewer);
  a.body = s.opt_text(3).value_or("");
  a.school = s.opt_integer(4);
  return a;
}

constexpr const char* kColumns = "SELECT id, name, role, body_id, urn FROM people";

void insert(Database& db, const Actor& p, const Clock& clock, const std::optional<std::string>& added_by) {
  Statement s(db, "INSERT INTO people(id, name, role, body_id, urn, added_at, added_by) VALUES (?, ?, ?, ?, ?, ?, ?)");
  s.bind(1, p.id).bind(2, p.name).bind(3, std::string(to_string(p.role)));
  if (p.body.empty()) s.bind_null(4); else s.bind(4, p.body);
  s.bind(5, p.school).bind(6, clock.timestamp()).bind(7, added_by).run();
}

}  // namespace

std::optional<Actor> find_person(Database& db, std::string_view id) {
  Statement s(db, std::string(kColumns) + " WHERE id = ?");
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  return read(s);
}

Actor person(Database& db, std::string_view id) {
  if (auto p = find_person(db, id)) return *p;
  throw NotPermitted("nobody called \"" + std::string(id) + "\" is known to this database");
}

std::vector<Actor> list_people(Database& db) {
  Statement s(db, std::string(kColumns) + " ORDER BY role = 'admin' DESC, body_id, id");
  std::vector<Actor> out;
  while (s.step()) out.push_back(read(s));
  return out;
}

Actor add_person(Database& db, const Actor& by, const Clock& clock, const Actor& p) {
  if (p.id.find_first_not_of(" \t") == std::string::npos) throw UsageError("a person needs an id");
  if (p.name.find_first_not_of(" \t") == std::string::npos) throw UsageError("a person needs a name");
  if (p.role == Role::admin || p.body.empty())
    require_admin(by, "add " + std::string(to_string(p.role)) + " " + p.id);
  else
    require_officer(by, p.body, "add people to " + p.body);
  Statement body(db, "SELECT 1 FROM bodies WHERE id = ?");  // people sit below bodies: no find_body here
  if (!p.body.empty() && !body.bind(1, p.body).step())
    throw UsageError("unknown body \"" + p.body + "\"", Remedy::see_bodies());
  if (p.role == Role::head && !p.school) throw UsageError("a head needs their school", Field::school);
  // A head acts for their own school only, so a school missing from the register would let them do nothing.
  Statement school(db, "SELECT 1 FROM schools WHERE urn = ?");
  if (p.school && !school.bind(1, *p.school).step())
    throw UsageError("school URN " + std::to_string(*p.school) + " is not in the register", Field::school,
                     Remedy::see_schools());
  // A head speaks for their school to every body (reviews, evidence), so an officer may not make a head of a
  // school that was never their body's: that would let them act for another body's school.
  Statement member(db, "SELECT 1 FROM memberships WHERE body_id = ? AND urn = ?");
  if (p.school && !p.body.empty() && !member.bind(1, p.body).bind(2, *p.school).step())
    throw UsageError("school " + std::to_string(*p.school) + " has never been a member of " + p.body);
  if (p.role != Role::head && p.school)
    throw UsageError("only a head is tied to a school; " + std::string(to_string(p.role)) + " acts for a body");
  if (find_person(db, p.id)) throw StoreError("a person called \"" + p.id + "\" already exists");
  Transaction tx(db);
  insert(db, p, clock, by.id);
  const nlohmann::json person{{"id", p.id},
                              {"name", p.name},
                              {"role", to_string(p.role)},
                              {"body", p.body.empty() ? nlohmann::json() : nlohmann::json(p.body)},
                              {"school", or_null(p.school)}};
  record_audit(db, by, clock,
               {"person add", p.id + ": " + describe(p), "", p.body, p.school, nlohmann::json{{"person", person}}.dump()});
  tx.commit();
  return p;
}

std::optional<Actor> add_first_admin(Database& db, const Clock& clock, const std::string& id) {
  Statement any(db, "SELECT 1 FROM people LIMIT 1");
  if (any.step()) return std::nullopt;
  Actor admin{id, id, Role::admin, "", std::nullopt};
  insert(db, admin, clock, std::nullopt);
  return admin;
}

std::string describe(const Actor& a) {
  std::string s = a.name + " (" + std::string(to_string(a.role));
  if (a.role == Role::head && a.school) s += " of " + std::to_string(*a.school);
  else if (!a.body.empty()) s += ", " + a.body;
  return s + ")";
}

}  // namespace trellis
