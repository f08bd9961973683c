#include "trellis/text.hpp"
#include "trellis/bodies.hpp"

#include <regex>

#include <nlohmann/json.hpp>

#include "trellis/date.hpp"
#include "trellis/error.hpp"
#include "trellis/json_optional.hpp"
#include "trellis/people.hpp"
#include "trellis/store/audit.hpp"
#include "trellis/store/body_repository.hpp"
#include "trellis/store/school_repository.hpp"

namespace trellis {
namespace {

// A day that exists: 2019-02-30 matched the old pattern and was stored (issue 19).
bool is_iso_date(const std::string& s) { return Date::try_parse(s).has_value(); }

}  // namespace

std::optional<Body> find_body(Database& db, const std::string& id) { return db.bodies().find(id); }

void add_body(Database& db, const Actor& by, const Clock& clock, const Body& b) {
  require_admin(by, "add a body");
  static const std::regex id_re("[a-z0-9][a-z0-9-]{0,62}");
  if (!std::regex_match(b.id, id_re))
    throw UsageError("body id must be lower-case letters, digits and dashes, found \"" + b.id + "\"");
  if (b.kind != "trust" && b.kind != "la")
    throw UsageError("body kind must be trust or la, found \"" + b.kind + "\"");
  if (b.name.empty()) throw UsageError("body name must not be empty");
  require_text(b.name, kMaxNameBytes, "a body's name", Field::name);
  if (find_body(db, b.id)) throw UsageError("body \"" + b.id + "\" already exists");
  Transaction tx(db);
  db.bodies().add(b, clock.timestamp());
  const nlohmann::json changes{{"body", {{"id", b.id}, {"kind", b.kind}, {"name", b.name}}}};
  record_audit(db, by, clock, {"body add", b.id + " (" + b.kind + "): " + b.name, "", b.id, std::nullopt, changes.dump()});
  tx.commit();
}

Body require_body(Database& db, const std::string& id) {
  if (auto b = find_body(db, id)) return *b;
  throw UsageError("unknown body \"" + id + "\"", Remedy::see_bodies());
}

std::vector<BodySummary> list_bodies(Database& db, const std::string& today) { return db.bodies().list(today); }

JoinRun join_body(Database& db, const Actor& by, const Clock& clock, const std::string& body_id,
                  const std::vector<std::int64_t>& urns, const std::string& from, const std::optional<std::string>& to) {
  require_officer(by, body_id, "make schools members of " + body_id);
  require_body(db, body_id);
  if (!is_iso_date(from))
    throw UsageError("a membership's first day must be a date YYYY-MM-DD, found \"" + from + "\"", Field::from);
  if (to && !is_iso_date(*to))
    throw UsageError("a membership's last day must be a date YYYY-MM-DD, found \"" + *to + "\"", Field::to);
  if (to && *to < from) throw UsageError("a membership's last day, " + *to + ", is before its first, " + from, Field::to);
  Transaction tx(db);
  JoinRun run;
  for (auto urn : urns) {
    if (!db.schools().find(urn)) throw UsageError("unknown school URN " + std::to_string(urn) + "; import the register first");
    if (db.bodies().member_within(body_id, urn, from, to)) {
      run.already.push_back(urn);
      continue;
    }
    db.bodies().add_membership(body_id, urn, from, to);
    run.joined.push_back(urn);
  }
  if (run.joined.empty()) return run;
  // What each school's membership now says: from `from`, to `to` or open-ended.
  const nlohmann::json changes{{"body", body_id}, {"schools", run.joined}, {"from", from}, {"to", or_null(to)}};
  record_audit(db, by, clock,
               {"body join",
                std::to_string(run.joined.size()) + " schools to " + body_id + " from " + from + (to ? " to " + *to : ""),
                "", body_id, run.joined.size() == 1 ? std::optional(run.joined.front()) : std::nullopt, changes.dump()});
  tx.commit();
  return run;
}

void leave_body(Database& db, const Actor& by, const Clock& clock, const std::string& body_id,
                const std::vector<std::int64_t>& urns, const std::string& last_day) {
  require_officer(by, body_id, "end memberships of " + body_id);
  require_body(db, body_id);
  if (!is_iso_date(last_day))
    throw UsageError("a membership's last day must be a date YYYY-MM-DD, found \"" + last_day + "\"", Field::on);
  if (urns.empty()) throw UsageError("name the schools that leave " + body_id, Remedy::see_schools());
  Transaction tx(db);
  for (auto urn : urns)
    if (!db.bodies().end_membership(body_id, urn, last_day))
      throw UsageError("school " + std::to_string(urn) + " is not a member of " + body_id + " on " + last_day +
                           "; nothing was changed",
                       Field::school, Remedy::see_schools());
  const nlohmann::json changes{{"body", body_id}, {"schools", urns}, {"to", last_day}};
  record_audit(db, by, clock,
               {"body leave", std::to_string(urns.size()) + " schools leave " + body_id + " after " + last_day, "",
                body_id, urns.size() == 1 ? std::optional(urns.front()) : std::nullopt, changes.dump()});
  tx.commit();
}

std::vector<std::int64_t> open_schools_of_la(Database& db, int la_code) {
  auto out = db.schools().open_of_la(la_code);
  if (out.empty()) throw UsageError("no open school of LA " + std::to_string(la_code) + " is in the register");
  return out;
}

std::vector<std::int64_t> members_on(Database& db, const std::string& body_id, const std::string& date) {
  return db.bodies().members_on(body_id, date);
}

}  // namespace trellis
