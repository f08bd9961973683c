#include "trellis/bodies.hpp"

#include <regex>

#include <nlohmann/json.hpp>

#include "trellis/error.hpp"
#include "trellis/json_optional.hpp"
#include "trellis/people.hpp"
#include "trellis/store/audit.hpp"

namespace trellis {
namespace {

bool is_iso_date(const std::string& s) {
  static const std::regex re(R"(\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01]))");
  return std::regex_match(s, re);
}

}  // namespace

std::optional<Body> find_body(Database& db, const std::string& id) {
  Statement s(db, "SELECT id, kind, name FROM bodies WHERE id = ?");
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  return Body{s.text(0), s.text(1), s.text(2)};
}

void add_body(Database& db, const Actor& by, const Clock& clock, const Body& b) {
  require_admin(by, "add a body");
  static const std::regex id_re("[a-z0-9][a-z0-9-]{0,62}");
  if (!std::regex_match(b.id, id_re))
    throw UsageError("body id must be lower-case letters, digits and dashes, found \"" + b.id + "\"");
  if (b.kind != "trust" && b.kind != "la")
    throw UsageError("body kind must be trust or la, found \"" + b.kind + "\"");
  if (b.name.empty()) throw UsageError("body name must not be empty");
  if (find_body(db, b.id)) throw UsageError("body \"" + b.id + "\" already exists");
  Transaction tx(db);
  Statement s(db, "INSERT INTO bodies(id, kind, name, created_at) VALUES (?, ?, ?, ?)");
  s.bind(1, b.id).bind(2, b.kind).bind(3, b.name).bind(4, clock.timestamp()).run();
  const nlohmann::json changes{{"body", {{"id", b.id}, {"kind", b.kind}, {"name", b.name}}}};
  record_audit(db, by, clock, {"body add", b.id + " (" + b.kind + "): " + b.name, "", b.id, std::nullopt, changes.dump()});
  tx.commit();
}

Body require_body(Database& db, const std::string& id) {
  if (auto b = find_body(db, id)) return *b;
  throw UsageError("unknown body \"" + id + "\"", Remedy::see_bodies());
}

std::vector<BodySummary> list_bodies(Database& db, const std::string& today) {
  Statement s(db, R"(
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
  s.bind(1, today);
  std::vector<BodySummary> out;
  while (s.step())
    out.push_back({{s.text(0), s.text(1), s.text(2)}, s.opt_text(3), s.opt_text(4), s.opt_text(5), s.integer(6)});
  return out;
}

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
  Statement known(db, "SELECT 1 FROM schools WHERE urn = ?");
  Statement overlapping(db, R"(SELECT 1 FROM memberships WHERE body_id = ? AND urn = ? AND from_date <= ?
                                 AND (to_date IS NULL OR to_date >= ?))");
  Statement ins(db, "INSERT INTO memberships(body_id, urn, from_date, to_date) VALUES (?, ?, ?, ?)");
  JoinRun run;
  for (auto urn : urns) {
    known.bind(1, urn);
    bool found = known.step();
    known.reset();
    if (!found) throw UsageError("unknown school URN " + std::to_string(urn) + "; import the register first");
    overlapping.bind(1, body_id).bind(2, urn).bind(3, to.value_or("9999-12-31")).bind(4, from);
    const bool member = overlapping.step();
    overlapping.reset();
    if (member) {
      run.already.push_back(urn);
      continue;
    }
    ins.bind(1, body_id).bind(2, urn).bind(3, from).bind(4, to).run();
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

std::vector<std::int64_t> open_schools_of_la(Database& db, int la_code) {
  Statement s(db, "SELECT urn FROM schools WHERE la_code = ? AND status = 'open' ORDER BY urn");
  s.bind(1, la_code);
  std::vector<std::int64_t> out;
  while (s.step()) out.push_back(s.integer(0));
  if (out.empty()) throw UsageError("no open school of LA " + std::to_string(la_code) + " is in the register");
  return out;
}

std::vector<std::int64_t> members_on(Database& db, const std::string& body_id, const std::string& date) {
  Statement s(db, R"(SELECT DISTINCT urn FROM memberships WHERE body_id = ? AND from_date <= ?2
                     AND (to_date IS NULL OR to_date >= ?2) ORDER BY urn)");
  s.bind(1, body_id).bind(2, date);
  std::vector<std::int64_t> out;
  while (s.step()) out.push_back(s.integer(0));
  return out;
}

}  // namespace trellis
