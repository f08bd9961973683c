#pragma once
/// Bodies (trusts and LAs) and their memberships over time.
///
///     add_body(db, admin, clock, {"example-la", "la", "Example Borough Council"});
///     join_body(db, admin, clock, "example-la", {123456, 123457}, "2024-09-01", std::nullopt);
///     auto urns = members_on(db, "example-la", "2025-01-15");
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "trellis/actor.hpp"
#include "trellis/clock.hpp"
#include "trellis/store/database.hpp"

namespace trellis {

struct Body {
  std::string id;
  std::string kind;  ///< trust or la
  std::string name;
};

struct BodySummary {
  Body body;
  std::optional<std::string> regime;          ///< of the current adoption
  std::optional<std::string> policy_version;
  std::optional<std::string> policy_path;
  std::int64_t schools = 0;                   ///< current members
};

/// Throws UsageError for a bad id or kind, or an id already taken.
/// An admin adds a body, in one transaction with its audit row.
void add_body(Database& db, const Actor& by, const Clock& clock, const Body& body);
std::vector<BodySummary> list_bodies(Database& db, const std::string& today);
struct JoinRun {
  std::vector<std::int64_t> joined;
  std::vector<std::int64_t> already;  ///< members at some time in the span already: left as they were
};

/// Throws UsageError when the body or a school is unknown, or dates are reversed.
/// An admin or the body's officer makes schools members, with one audit row.
/// A school already a member at some time in [from, to] is left as it is
/// (two memberships of one body must not overlap); when every school is, nothing is written.
JoinRun join_body(Database& db, const Actor& by, const Clock& clock, const std::string& body_id,
                  const std::vector<std::int64_t>& urns, const std::string& from, const std::optional<std::string>& to);
/// Ends each school's membership of the body on `last_day` (it is a member
/// that day, not the next): a school leaving, e.g. for another trust. What the
/// body recorded on it stays the body's. An admin or the body's officer may,
/// with one audit row. Throws UsageError, writing nothing, when a school is
/// not a member on that day or the date is not YYYY-MM-DD.
void leave_body(Database& db, const Actor& by, const Clock& clock, const std::string& body_id,
                const std::vector<std::int64_t>& urns, const std::string& last_day);
/// The open schools of a local authority in the register, ascending: what an
/// LA joins to its own body.
std::vector<std::int64_t> open_schools_of_la(Database& db, int la_code);
/// URNs that are members of the body on the date, ascending.
std::vector<std::int64_t> members_on(Database& db, const std::string& body_id, const std::string& date);
std::optional<Body> find_body(Database& db, const std::string& id);
/// The body, or UsageError "unknown body" with the remedy of listing them.
Body require_body(Database& db, const std::string& id);

}  // namespace trellis
