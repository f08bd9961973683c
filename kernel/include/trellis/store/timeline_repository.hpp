#pragma once
/// One school's record across every body that has held it: what `trellis
/// history` reads. Read-only; each list is in time order.
///
///     for (auto& a : db.timeline().assessments(123456)) std::cout << a.body_id << " " << a.level << "\n";
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace trellis {

/// A membership of the school in a body.
struct MembershipLine {
  std::string body_id, body_name, from;
  std::optional<std::string> to;  ///< none: still a member
};

struct AssessmentLine {
  std::int64_t id = 0;
  std::string body_id, period, regime, level, policy_version, assessed_at;
  std::optional<std::string> previous_level, prior_regime, prior_level;
  std::optional<std::string> who;      ///< the person behind the run, from its audit row
  std::optional<std::string> made_on;  ///< the day the run was made for (its plan's first day), from its audit row
  std::vector<std::string> reasons;
};

/// A rating someone recorded (every stage but the regime's computed one).
struct RatingLine {
  std::int64_t id = 0;
  std::string body_id, period, subject, level, stage, set_by, set_at;
  std::optional<std::string> regime, rationale, decided_on;
};

struct ReviewLine {
  std::int64_t id = 0;
  std::string body_id, requested_by, requested_at, reason, status;
  std::optional<std::string> period, outcome_level, outcome_rationale, outcome_on, outcome_by;
};

/// An activity that happened, or was meant to: every status.
struct ActivityHistoryLine {
  std::int64_t id = 0;
  std::string body_id, type, title, start, status;
  std::optional<std::string> done_on, reason, note;
};

struct NoteLine {
  std::int64_t id = 0, activity_id = 0;
  std::string body_id, author, status, created_at;
  std::optional<std::string> text;
};

class TimelineRepository {
 public:
  virtual ~TimelineRepository();
  virtual std::vector<MembershipLine> memberships(std::int64_t urn) = 0;
  virtual std::vector<AssessmentLine> assessments(std::int64_t urn) = 0;
  virtual std::vector<RatingLine> recorded_ratings(std::int64_t urn) = 0;
  virtual std::vector<ReviewLine> reviews(std::int64_t urn) = 0;
  virtual std::vector<ActivityHistoryLine> activities(std::int64_t urn) = 0;
  virtual std::vector<NoteLine> notes(std::int64_t urn) = 0;
};

}  // namespace trellis
