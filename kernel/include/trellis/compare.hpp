#pragma once
/// Two or more frameworks on the same evidence: the body's adopted policy and
/// each other policy run over the body's schools for a period, storing
/// nothing. Each school's level, reasons and the evidence each policy wanted
/// and did not find; across the body, level against level (through a
/// [crosswalk] where one exists) and the workload each would plan per term.
///
///     CompareRun run = compare_policies(db, host, clock, {"merged-trust", Period::parse("2018-19"),
///                                                                 {"policies/other.toml"}});
///     for (auto& p : run.policies) std::cout << p.regime << ": " << p.run.schools.size() << "\n";
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "trellis/assessment.hpp"
#include "trellis/clock.hpp"
#include "trellis/period.hpp"
#include "trellis/plugin_host.hpp"
#include "trellis/store/database.hpp"

namespace trellis {

struct CompareOptions {
  std::string body_id;
  Period period;
  std::vector<std::filesystem::path> others;  ///< policies to set beside the adopted one
  /// One school's comparison only (a head's): its levels, evidence and
  /// workload; the level tables count it alone.
  std::optional<std::int64_t> only = std::nullopt;
};

/// What a policy wanted of one school and did not find: the indicators it
/// reads, split into those people rate (unit "rating", e.g. termly
/// self-assessments of KPIs) and measures (values from data or records).
struct EvidenceGap {
  struct Part {
    std::size_t wanted = 0;
    std::vector<std::string> missing;  ///< labels of those with nothing held (no value, no rating at any stage)
  };
  Part rated, measured;
  /// "ratings of 16 indicators: none held; 5 measures: 1 not held (Allocated QA partner)".
  std::string sentence() const;
};

/// One policy's run: the assessments a dry run gives, and its plan of the period.
struct ComparedPolicy {
  bool adopted = false;
  std::string policy_path, regime, version;
  /// The overall scale, best first: level id and its label ("early_intervention", "Early Intervention").
  std::vector<std::pair<std::string, std::string>> scale;
  AssessRun run;                            ///< dry run with plan_preview
  std::map<std::int64_t, EvidenceGap> gaps;  ///< by URN
  /// term ("autumn", ...) -> activity type -> how many
  std::map<std::string, std::map<std::string, int>> workload;
};

/// Level against level, adopted (rows) by other (columns), counted over the schools.
struct LevelTable {
  std::size_t other = 0;  ///< index into CompareRun::policies
  std::map<std::pair<std::string, std::string>, int> counts;
  /// Where one exists: which policy's [crosswalk] maps which regime onto which ("other.toml maps REGIME").
  std::optional<std::string> crosswalk;
  int agree = 0, differ = 0;  ///< with a crosswalk (or one regime's two versions): schools at the same place or not
  bool comparable() const { return crosswalk.has_value(); }
  /// Per area, where the crosswalk maps one ([crosswalk.REGIME.areas.AREA]):
  /// the schools whose area both policies rated, at the same place or not.
  struct Area {
    std::string area, from;  ///< the mapping policy's area, the other regime's it is mapped from
    int agree = 0, differ = 0;
    int unmatched = 0;  ///< a school one policy did not rate on the area, or at a level the crosswalk does not map
  };
  std::vector<Area> areas;
};

struct CompareRun {
  std::string body_id, period;
  std::vector<ComparedPolicy> policies;  ///< [0] is the adopted policy
  std::vector<LevelTable> tables;        ///< one per other policy
};

/// Throws UsageError (unknown body, no adopted policy, no other policy, no
/// schools), InputError (a bad policy). Reads only: anyone may.
CompareRun compare_policies(Database& db, PluginHost& host, const Clock& clock, const CompareOptions& options);

}  // namespace trellis
