#pragma once
/// The store's assessments, the decisions that stand on them and what reports read of them.
///
///     a.id = db.assessments().add(a, clock.timestamp());
///     for (auto& a : db.assessments().latest_of_period("example-la", "2024-25", "example", std::nullopt)) ...
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "trellis/assessment.hpp"

namespace trellis {

/// An assessment as the next one reads it (its computed level, not the decision).
struct HeldAssessment {
  std::int64_t id = 0;
  std::int64_t urn = 0;
  std::string period, computed_level, regime;
  bool classified = true;
};

/// The level an assessment stored (the decision's, where one counted) and whether the regime classifies the school.
struct AssessedLevel {
  std::string level;
  bool classified = true;
};

/// Which assessment of a school is for which period.
struct AssessmentPeriod {
  std::int64_t id = 0;
  std::string period;
};

class AssessmentRepository {
 public:
  virtual ~AssessmentRepository();
  /// A body's assessments of the schools among `urns`, in id order.
  virtual std::vector<HeldAssessment> for_schools(const std::vector<std::int64_t>& urns,
                                                  const std::string& body_id) = 0;
  /// The body's latest assessment of each school for the period under the
  /// regime, by URN; with `urn`, that school's only. Decisions are not read.
  virtual std::vector<SchoolAssessment> latest_of_period(const std::string& body_id, const std::string& period,
                                                         const std::string& regime,
                                                         std::optional<std::int64_t> urn) = 0;
  /// The same, handed to `fn` one at a time as read: a country's are never all held (issue 18).
  virtual void each_latest_of_period(const std::string& body_id, const std::string& period, const std::string& regime,
                                     std::optional<std::int64_t> urn,
                                     const std::function<void(SchoolAssessment&&)>& fn) = 0;
  /// The school's latest assessment for the period; with `regime`, under it only.
  virtual std::optional<AssessedLevel> latest_level(const std::string& body_id, std::int64_t urn,
                                                    const std::string& period,
                                                    const std::optional<std::string>& regime) = 0;
  /// Whether the body has any assessment for the period under the regime.
  virtual bool any(const std::string& body_id, const std::string& period, const std::string& regime) = 0;
  /// The regime of the body's latest assessment for the period.
  virtual std::optional<std::string> latest_regime(const std::string& body_id, const std::string& period) = 0;
  /// Each period the school was assessed for, with the latest assessment's id, in no order.
  virtual std::vector<AssessmentPeriod> latest_per_period(const std::string& body_id, std::int64_t urn) = 0;
  /// Every assessment of the school under the regime, in no order.
  virtual std::vector<AssessmentPeriod> of_school(const std::string& body_id, std::int64_t urn,
                                                  const std::string& regime) = 0;
  /// The file of the policy adopted under `adoption_id`, as stored (absolute).
  virtual std::optional<std::string> policy_path(std::int64_t adoption_id) = 0;

  /// Stores `a` (not its decision nor its ratings, which are the ratings'
  /// store's) and returns its id.
  virtual std::int64_t add(const SchoolAssessment& a, const std::string& at) = 0;
  /// Brings a later assessment's previous level up to a decision; one made
  /// across a framework switch (it has a prior regime) keeps its own.
  virtual void set_previous_level(std::int64_t id, const std::string& level) = 0;
  /// Names the audit row of the run that made the assessments `ids`.
  virtual void set_audit(const std::vector<std::int64_t>& ids, std::int64_t audit_id) = 0;
};

}  // namespace trellis
