#pragma once
/// Recording a rating, and what follows when it is a decision: the school's
/// plan is re-made from the day it was decided, in the same transaction, and
/// the head gets a letter when the level that counts is not the one they were
/// last told (as the policy's [decisions] letters says).
///
///     DecisionRun run = record_decision(db, host, {123456, "example-la", "2024-25", "overall", "yellow",
///                                                  "final", "A. Officer", "Leadership change since May", "2025-01-15"});
///     run.replan->cancelled;   // superseded amber meetings, each with the reason
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "trellis/assessment.hpp"
#include "trellis/letters.hpp"
#include "trellis/plugin_host.hpp"
#include "trellis/policy.hpp"
#include "trellis/ratings.hpp"
#include "trellis/schedule/store.hpp"
#include "trellis/store/database.hpp"

namespace trellis {

struct DecisionRun {
  std::int64_t rating_id = 0;
  /// Set when the rating decides the school's overall level and an assessment stands to re-plan from.
  std::optional<SchoolAssessment> school;
  /// The level that counted for the school before the rating, when it rates "overall" and one was stored.
  std::optional<std::string> level_before;
  std::optional<ReplanSummary> replan;
  std::vector<Letter> letters;  ///< stored in the outbox with the rating (see `trellis letters`)
};

/// Records the rating (see record_rating) and, for a decision on "overall",
/// re-plans the school from `in.on` (default today) with the reason
/// "level decided as L (computed C) on D by WHO". One transaction; the
/// audit row names who and what. The letter, when one is due, is stored in the outbox in it.
DecisionRun record_decision(Database& db, PluginHost& host, const Actor& actor, const Clock& clock, const RatingInput& in);

/// The same inside the caller's transaction, with no audit row: the letter
/// (when `letter`) is stored in the outbox and appended to `letters` for the
/// caller to return. A review's outcome uses it, and stores its own letter instead.
/// `opened`: policies already opened by the caller's run, if any (see OpenedPolicies).
DecisionRun apply_decision(Database& db, PluginHost& host, const Actor& actor, const Clock& clock, const RatingInput& in,
                           std::vector<Letter>& letters, bool letter, OpenedPolicies* opened = nullptr);

/// Whether apply_decision may do more with `in` than record it: a decision on
/// the school's overall level, or one on a subject the policy says stands until
/// replaced, either of which re-plans the school. `regime` is the regime's own
/// description; `policy` the adopted policy.
bool may_decide(const sdk::RegimeDescription& regime, const Policy& policy, const RatingInput& in);

}  // namespace trellis
