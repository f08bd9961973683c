#pragma once
/// Assessing a body's schools for a period under its adopted (or a draft)
/// policy, storing the assessments and their ratings, and re-planning the
/// year's activities that follow from them.
///
///     PluginHost host(PluginHost::default_search_path());
///     AssessRun run = assess_body(db, host, officer, clock, {"example-la", Period::parse("2018-19")});
///     for (auto& s : run.schools) std::cout << s.name << ": " << s.level << "\n";
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "trellis/actor.hpp"
#include "trellis/clock.hpp"
#include "trellis/date.hpp"
#include "trellis/decision.hpp"
#include "trellis/letter.hpp"
#include "trellis/period.hpp"
#include "trellis/schedule/store.hpp"
#include "trellis/policy/kernel_sections.hpp"
#include "trellis/plugin_host.hpp"
#include "trellis/sdk/regime.hpp"
#include "trellis/store/database.hpp"

namespace trellis {

struct SchoolAssessment {
  std::int64_t id = 0;  ///< stored id; 0 in a dry run
  std::int64_t urn = 0;
  std::string name;
  std::string body;
  std::string regime;
  std::string period;
  std::string level;           ///< the level that counts: the decision where there is one, else the computed level
  std::string computed_level;  ///< the regime's proposal
  std::optional<Decision> decision;
  bool classified = true;
  /// The level that counted for the last earlier period, comparable with this
  /// one: under the same regime, or mapped by the policy's [crosswalk].
  std::optional<std::string> previous_level;
  /// Across a framework switch with no crosswalk: the last level under the
  /// other regime. A first assessment under this regime is never a change of band.
  std::optional<std::string> prior_regime, prior_level;
  std::vector<std::string> reasons;
  std::vector<sdk::RatingOut> ratings;  ///< the regime's own (computed): overall, and per area or indicator
  /// What it rests on: the newest rating of each subject at each other stage
  /// (self, moderated, validated, final) recorded for the school and period.
  std::vector<sdk::RatingOut> recorded;
  std::string policy_version;
  std::string policy_hash;
  std::optional<std::int64_t> adoption_id;  ///< none for a draft policy

  bool insufficient() const { return level == kInsufficientEvidence; }
  /// A change of band: both levels on the scale and different.
  bool changed() const {
    return classified && previous_level && *previous_level != level && !insufficient() &&
           *previous_level != kInsufficientEvidence;
  }
  /// "first assessment under REGIME (was LEVEL under OTHER)", when that is the story.
  std::optional<std::string> switch_note() const {
    if (!prior_regime) return std::nullopt;
    return "first assessment under " + regime + " (was " + prior_level.value_or("?") + " under " + *prior_regime + ")";
  }
};

struct AssessOptions {
  std::string body_id;
  Period period;
  std::optional<std::filesystem::path> draft_policy;  ///< try this instead of the adopted one
  bool dry_run = false;                               ///< store nothing
  /// The day the assessment is made (default: today). Its plan starts there:
  /// nothing is planned before it, and what came before is kept as history.
  std::optional<Date> on;
  /// With dry_run: also plan the whole period as this policy would (AssessRun::preview), storing nothing.
  bool plan_preview = false;
  /// Threads that judge the schools when the regime's plugin promises it may
  /// (SDK 3.1); else one. The result is the same, byte for byte, on any number.
  unsigned threads = 1;
};

struct AssessRun {
  std::string regime;
  std::string policy_path;
  std::string policy_version;
  std::vector<std::string> warnings;  ///< e.g. a policy past its review date
  std::vector<SchoolAssessment> schools;
  std::size_t activities_planned = 0;
  ReplanSummary replan;  ///< what re-planning the year did to the stored activities
  std::string planned_from;  ///< the first day the plan was re-made from; empty: the year had ended, nothing was planned
  std::vector<Activity> preview;  ///< a dry run's plan, with plan_preview
  std::vector<Letter> letters;  ///< letters to heads, stored in the outbox with the assessments (see `trellis letters`)
};

/// Sets the decision and the level that counts from it (a school the regime
/// does not classify keeps its own level).
void count_decision(SchoolAssessment& a, std::optional<Decision> decision);

/// Throws UsageError (unknown body, no policy adopted, no schools), InputError
/// (a bad policy or a script failing for a school: nothing is stored).
AssessRun assess_body(Database& db, PluginHost& host, const Actor& by, const Clock& clock, const AssessOptions& options);

/// The latest stored assessment of each school of the body for the period,
/// by URN, under the regime the body had adopted for it (else the latest
/// regime assessed), with the decision recorded since and the level that counts;
/// of one school when `only` names it.
std::vector<SchoolAssessment> stored_assessments(Database& db, PluginHost& host, const std::string& body_id,
                                                 const Period& period, std::optional<std::int64_t> only = std::nullopt);
/// The same assessments of every school, handed to `fn` one at a time as they
/// are read, and how many: a country's are never all held (issue 18). Their
/// `recorded` is left empty (a report reads the period's ratings itself).
std::size_t each_stored_assessment(Database& db, PluginHost& host, const std::string& body_id, const Period& period,
                                   const std::function<void(SchoolAssessment&&)>& fn);


}  // namespace trellis
