#pragma once
/// The people who act on a database, each in one role, and what each role may
/// do. A database starts with one admin, its creator.
///
///     add_person(db, admin, clock, {"j.smith", "Jo Smith", Role::head, "example-trust", 123456});
///     auto head = find_person(db, "j.smith");
///     require_stage(*head, {"head"}, "example-trust", 123456, "self");  // throws NotPermitted if not allowed
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "trellis/actor.hpp"
#include "trellis/clock.hpp"
#include "trellis/store/database.hpp"

namespace trellis {

/// Adds a person. Only an admin, or an officer for their own body (never an
/// admin), may add people. The body must exist; a head needs a school.
/// Owns its transaction and audit row.
Actor add_person(Database& db, const Actor& by, const Clock& clock, const Actor& person);

/// The database's creator, as its first admin, if it has no people yet
/// (on `init`, and when an older database is upgraded). Returns the admin.
std::optional<Actor> add_first_admin(Database& db, const Clock& clock, const std::string& id);

std::optional<Actor> find_person(Database& db, std::string_view id);
/// Throws NotPermitted naming the person when nobody has that id.
Actor person(Database& db, std::string_view id);
std::vector<Actor> list_people(Database& db);

/// Passwords, for signing in to the web dashboard: at least this long, at most that.
inline constexpr std::size_t kMinimumPasswordLength = 12, kMaximumPasswordLength = 1024;

/// Sets a person's password, stored as an argon2id hash with a random salt. A
/// person may set their own; another's is set as people are added (an admin,
/// or an officer of their body, never for an admin). Owns its transaction and
/// audit row (which names the person, never the password).
void set_password(Database& db, const Actor& by, const Clock& clock, std::string_view id, const std::string& password);
/// The person, when `password` is theirs; none for an unknown id, a person
/// with no password, or a wrong one (the caller cannot tell which). Reads only.
std::optional<Actor> check_password(Database& db, std::string_view id, const std::string& password);
/// Signing in to the web dashboard: check_password, and on success one audit
/// row ("sign in") naming the person and their role. A failure writes nothing.
std::optional<Actor> sign_in(Database& db, const Clock& clock, std::string_view id, const std::string& password);

/// "Jo Smith (head of 123456)", "A. Member (board, example-trust)", "admin (admin)": for messages.
std::string describe(const Actor& actor);

// What each role may do. Each throws NotPermitted with the person, the
// request and who may make it; `what` says the request in a person's words.

/// Any writing: everyone but a viewer.
void require_writer(const Actor& actor, std::string_view what);
/// An admin only: bodies, people for any body.
void require_admin(const Actor& actor, std::string_view what);
/// An admin, or an officer of this body (or of any body).
void require_officer(const Actor& actor, std::string_view body, std::string_view what);
/// Shared data (the register, evidence files, benchmarks): an admin or any officer.
void require_data_steward(const Actor& actor, std::string_view what);
/// About one school: an admin, an officer of the body, or the school's own head.
void require_school_voice(const Actor& actor, std::string_view body, std::int64_t urn, std::string_view what);

/// A rating at `stage`: an admin; an officer of the body; or a role that the
/// regime names for the stage (`stage_roles`, kernel role ids), for the body,
/// and a head for their own school only.
void require_stage(const Actor& actor, const std::vector<std::string>& stage_roles, std::string_view body,
                   std::int64_t urn, std::string_view stage);
bool may_record_stage(const Actor& actor, const std::vector<std::string>& stage_roles, std::string_view body,
                      std::int64_t urn);

}  // namespace trellis
