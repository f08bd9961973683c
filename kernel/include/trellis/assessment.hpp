#pragma once
/// Assessing a body's schools for a period under its adopted (or a draft)
/// policy, storing the assessments and their ratings, and re-planning the
/// year's activities that follow from them.
///
///     PluginHost host(PluginHost::default_search_path());
///     AssessRun run = assess_body(db, host, {"example-la", Period::parse("2018-19")});
///     for (auto& s : run.schools) std::cout << s.name << ": " << s.level << "\n";
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "trellis/period.hpp"
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
  std::string level;
  bool classified = true;
  std::optional<std::string> previous_level;
  std::vector<std::string> reasons;
  std::vector<sdk::RatingOut> ratings;
  std::string policy_version;
  std::string policy_hash;

  bool changed() const { return classified && previous_level && *previous_level != level; }
};

struct AssessOptions {
  std::string body_id;
  Period period;
  std::optional<std::filesystem::path> draft_policy;  ///< try this instead of the adopted one
  bool dry_run = false;                               ///< store nothing
};

struct AssessRun {
  std::string regime;
  std::string policy_path;
  std::string policy_version;
  std::vector<std::string> warnings;  ///< e.g. a policy past its review date
  std::vector<SchoolAssessment> schools;
  std::size_t activities_planned = 0;
  std::vector<std::filesystem::path> letters;  ///< change-of-level letters written
};

/// Throws UsageError (unknown body, no policy adopted, no schools), InputError
/// (a bad policy or a script failing for a school: nothing is stored).
AssessRun assess_body(Database& db, PluginHost& host, const AssessOptions& options);

/// The latest stored assessment of each school of the body for the period,
/// by URN.
std::vector<SchoolAssessment> stored_assessments(Database& db, const std::string& body_id, const Period& period);

/// Deprecated: the first day of the period's span (AcademicCalendar::span) in
/// the default England calendar, not the body's. A term or half-term starts on
/// its first school day; a year and autumn on 1 September. Use the body's
/// calendar instead: first_school_day(period) for which memberships and
/// adoption apply, span(period) for what happens during it.
std::string period_start_date(const Period& period);
/// Deprecated: the last day of the period's span in the default England
/// calendar (the holiday after a term belongs to it; a year ends 31 August).
std::string period_end_date(const Period& period);

}  // namespace trellis
