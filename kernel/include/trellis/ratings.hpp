#pragma once
/// Ratings people record: a head's self-assessment, a board's moderation, an
/// officer's final level. Append-only: a new rating of the same subject and
/// stage supersedes the earlier one and both are kept.
///
///     record_rating(db, host, officer, clock, {123456, "example-la", "2018-19", "overall", "amber",
///                              "final", "j.smith", "Leadership change since May"});
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "trellis/actor.hpp"
#include "trellis/clock.hpp"
#include "trellis/plugin_host.hpp"
#include "trellis/store/database.hpp"

namespace trellis {

class OpenedPolicies;

struct RatingInput {
  std::int64_t urn = 0;
  std::string body_id;
  std::string period;
  std::string subject;  ///< an indicator or area id of the regime, or "overall"
  std::string level;
  std::string stage;
  std::string by;  ///< the name shown on the rating; empty: the acting person's name
  std::string rationale;
  std::string on;  ///< the day it was decided, "YYYY-MM-DD"; empty: today
};

struct RatingRecord {
  std::int64_t id = 0;
  std::int64_t urn = 0;
  std::string period, subject, level, stage, by, at, rationale;
  std::optional<std::int64_t> supersedes;
};

/// Checks the body, school membership, period, and that subject, level and
/// stage belong to the regime of the policy the body has adopted: the level
/// must be on the subject's scale, and the school one the regime classifies
/// (its latest assessment for the period says so), and that the actor's role
/// may record the stage (see require_stage). Throws UsageError for an unknown
/// body or period, StoreError (exit 3) for a rating the regime refuses,
/// NotPermitted (exit 3) for a person who may not record it.
/// Records the regime and adoption it was made under. Returns its id.
/// `opened`: policies already opened by the caller's run, if any (see OpenedPolicies).
std::int64_t record_rating(Database& db, PluginHost& host, const Actor& actor, const Clock& clock,
                           const RatingInput& in, OpenedPolicies* opened = nullptr);

/// Every rating of the body's schools for the period, oldest first.
std::vector<RatingRecord> ratings_for(Database& db, const std::string& body_id, const std::string& period);

// Review requests moved to trellis/reviews.hpp.

}  // namespace trellis
