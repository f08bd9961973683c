#include "trellis/text.hpp"
#include "trellis/people.hpp"

#include "trellis/error.hpp"
#include "trellis/json_optional.hpp"
#include "trellis/store/audit.hpp"
#include "trellis/store/body_repository.hpp"
#include "trellis/store/person_repository.hpp"
#include "trellis/store/school_repository.hpp"

namespace trellis {

std::optional<Actor> find_person(Database& db, std::string_view id) { return db.people().find(id); }

Actor person(Database& db, std::string_view id) {
  if (auto p = find_person(db, id)) return *p;
  throw NotPermitted("nobody called \"" + std::string(id) + "\" is known to this database");
}

std::vector<Actor> list_people(Database& db) { return db.people().list(); }

Actor add_person(Database& db, const Actor& by, const Clock& clock, const Actor& p) {
  if (p.id.find_first_not_of(" \t") == std::string::npos) throw UsageError("a person needs an id");
  if (p.name.find_first_not_of(" \t") == std::string::npos) throw UsageError("a person needs a name");
  require_text(p.name, kMaxNameBytes, "a person's name", Field::name);
  if (p.role == Role::admin || p.body.empty())
    require_admin(by, "add " + std::string(to_string(p.role)) + " " + p.id);
  else
    require_officer(by, p.body, "add people to " + p.body);
  if (!p.body.empty() && !db.bodies().find(p.body))
    throw UsageError("unknown body \"" + p.body + "\"", Remedy::see_bodies());
  if (p.role == Role::head && !p.school) throw UsageError("a head needs their school", Field::school);
  // A head acts for their own school only, so a school missing from the register would let them do nothing.
  if (p.school && !db.schools().find(*p.school))
    throw UsageError("school URN " + std::to_string(*p.school) + " is not in the register", Field::school,
                     Remedy::see_schools());
  // A head speaks for their school to every body (reviews, evidence), so an officer may not make a head of a
  // school that was never their body's: that would let them act for another body's school.
  if (p.school && !p.body.empty() && !db.bodies().ever_member(p.body, *p.school))
    throw UsageError("school " + std::to_string(*p.school) + " has never been a member of " + p.body);
  if (p.role != Role::head && p.school)
    throw UsageError("only a head is tied to a school; " + std::string(to_string(p.role)) + " acts for a body");
  if (find_person(db, p.id)) throw StoreError("a person called \"" + p.id + "\" already exists");
  Transaction tx(db);
  db.people().add(p, clock.timestamp(), by.id);
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
  if (!db.people().empty()) return std::nullopt;
  Actor admin{id, id, Role::admin, "", std::nullopt};
  db.people().add(admin, clock.timestamp(), std::nullopt);
  return admin;
}

std::string describe(const Actor& a) {
  std::string s = a.name + " (" + std::string(to_string(a.role));
  if (a.role == Role::head && a.school) s += " of " + std::to_string(*a.school);
  else if (!a.body.empty()) s += ", " + a.body;
  return s + ")";
}

}  // namespace trellis
