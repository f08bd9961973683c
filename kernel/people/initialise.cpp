#include "trellis/initialise.hpp"

#include "trellis/audit_changes.hpp"
#include "trellis/people.hpp"
#include "trellis/store/audit.hpp"
#include "trellis/store/schema.hpp"

namespace trellis {

InitRun initialise(Database& db, const Clock& clock, const std::string& creator) {
  InitRun run;
  run.to_version = schema_version(db);
  Transaction tx(db);
  run.from_version = stored_version(db);
  // People are kept from schema 4: before that, or in a new database, there is nobody to ask.
  std::optional<Actor> actor;
  if (run.from_version >= 4) {
    if (auto known = find_person(db, creator)) actor = *known;
  }
  if (run.from_version >= 4 && run.from_version < run.to_version && !list_people(db).empty()) {
    if (!actor) actor = person(db, creator);  // throws: nobody of that name
    require_admin(*actor, "upgrade the database");
  }
  migrate_within(db);
  run.created_admin = add_first_admin(db, clock, creator);
  if (run.created_admin) actor = run.created_admin;
  if (run.from_version != run.to_version || run.created_admin) {
    std::string summary = "schema " + std::to_string(run.from_version) + " -> " + std::to_string(run.to_version);
    if (run.created_admin) summary += "; " + creator + " is its admin";
    nlohmann::json changes{{"schema", from_to(run.from_version, run.to_version)}};
    if (run.created_admin) changes["admin"] = creator;
    record_audit(db, *actor, clock, {"init", summary, "", "", std::nullopt, changes.dump()});
  }
  tx.commit();
  return run;
}

}  // namespace trellis
