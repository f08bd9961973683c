#pragma once
/// Creating or upgrading a database: the schema, and its first admin.
///
///     InitRun run = initialise(db, Clock::system(), "j.smith");
///     // run.created_admin: "j.smith" is the admin of a new database
#include <optional>
#include <string>

#include "trellis/actor.hpp"
#include "trellis/clock.hpp"
#include "trellis/store/database.hpp"

namespace trellis {

struct InitRun {
  int from_version = 0;  ///< 0: a new database
  int to_version = 0;
  std::optional<Actor> created_admin;  ///< the creator, when the database had no people yet
};

/// Migrates to the current schema. A database with no people (a new one, or
/// one from before people were kept) gets `creator` as its admin. Upgrading a
/// database that has people is for an admin only (NotPermitted otherwise).
/// The schema, the admin and the audit row are one transaction.
InitRun initialise(Database& db, const Clock& clock, const std::string& creator);

}  // namespace trellis
