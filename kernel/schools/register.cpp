#include "trellis/schools.hpp"

#include "trellis/store/school_repository.hpp"

namespace trellis {
namespace {

bool same_facts(const School& a, const School& b) {
  return a.name == b.name && a.la_code == b.la_code && a.la_name == b.la_name && a.estab == b.estab &&
         a.type == b.type && a.type_group == b.type_group && a.phase == b.phase && a.status == b.status &&
         a.open_date == b.open_date && a.close_date == b.close_date && a.pupils == b.pupils &&
         a.address == b.address && a.trust_code.value_or("") == b.trust_code.value_or("") &&
         a.trust_name.value_or("") == b.trust_name.value_or("");
}

}  // namespace

std::optional<School> find_school(Database& db, std::int64_t urn) { return db.schools().find(urn); }

RegisterChange upsert_school(Database& db, const School& in, const std::string& now) {
  const std::optional<School> held = db.schools().find(in.urn);
  School next = in;
  if (held) {
    if (!next.la_name) next.la_name = held->la_name;
    if (!next.pupils) next.pupils = held->pupils;
    if (!next.trust_code && !next.trust_name) next.trust_code = held->trust_code, next.trust_name = held->trust_name;
    if (same_facts(*held, next)) return RegisterChange::unchanged;
  }
  db.schools().put(next, now);
  return held ? RegisterChange::updated : RegisterChange::added;
}

std::vector<School> list_schools(Database& db, const SchoolFilter& f) { return db.schools().list(f); }

std::unordered_set<std::int64_t> school_urns(Database& db) { return db.schools().urns(); }

int set_la_name(Database& db, int la_code, const std::string& name, const std::string& now) {
  return db.schools().set_la_name(la_code, name, now);
}

std::map<int, std::string> la_names(Database& db) { return db.schools().la_names(); }

}  // namespace trellis
