// One school's record across bodies, for `trellis history`: read-only.
#include <nlohmann/json.hpp>

#include "repositories.hpp"
#include "trellis/store/timeline_repository.hpp"

namespace trellis::sqlite {
namespace {

class Timeline final : public TimelineRepository {
 public:
  explicit Timeline(Connection& c) : c_(c) {}

  std::vector<MembershipLine> memberships(std::int64_t urn) override {
    Statement s(c_, R"(SELECT m.body_id, b.name, m.from_date, m.to_date FROM memberships m
                       JOIN bodies b ON b.id = m.body_id WHERE m.urn = ? ORDER BY m.from_date, m.id)");
    s.bind(1, urn);
    std::vector<MembershipLine> out;
    while (s.step()) out.push_back({s.text(0), s.text(1), s.text(2), s.opt_text(3)});
    return out;
  }

  std::vector<AssessmentLine> assessments(std::int64_t urn) override {
    Statement s(c_, R"(SELECT a.id, a.body_id, a.period, a.regime, a.level, a.policy_version, a.assessed_at,
                              a.previous_level, a.prior_regime, a.prior_level, u.who, a.reasons, u.changes
                       FROM assessments a LEFT JOIN audit u ON u.id = a.audit_id
                       WHERE a.urn = ? ORDER BY a.assessed_at, a.id)");
    s.bind(1, urn);
    std::vector<AssessmentLine> out;
    while (s.step()) {
      AssessmentLine a{s.integer(0), s.text(1), s.text(2), s.text(3), s.text(4), s.text(5), s.text(6),
                       s.opt_text(7), s.opt_text(8), s.opt_text(9), s.opt_text(10), {}, {}};
      for (auto& r : nlohmann::json::parse(s.text(11))) a.reasons.push_back(r.get<std::string>());
      // The run's audit row says from which day it planned: the day it was made (`assess --on`).
      if (auto changes = s.opt_text(12)) {
        const auto j = nlohmann::json::parse(*changes, nullptr, false);
        if (j.is_object() && j.contains("planned_from") && j["planned_from"].is_string())
          a.made_on = j["planned_from"].get<std::string>();
      }
      out.push_back(std::move(a));
    }
    return out;
  }

  std::vector<RatingLine> recorded_ratings(std::int64_t urn) override {
    Statement s(c_, R"(SELECT id, body_id, period, subject, level, stage, set_by, set_at, regime, rationale, decided_on
                       FROM ratings WHERE urn = ? AND stage <> 'computed' ORDER BY set_at, id)");
    s.bind(1, urn);
    std::vector<RatingLine> out;
    while (s.step())
      out.push_back({s.integer(0), s.text(1), s.text(2), s.text(3), s.text(4), s.text(5), s.text(6), s.text(7),
                     s.opt_text(8), s.opt_text(9), s.opt_text(10)});
    return out;
  }

  std::vector<ReviewLine> reviews(std::int64_t urn) override {
    Statement s(c_, R"(SELECT id, body_id, requested_by, requested_at, reason, status, period, outcome_level,
                              outcome_rationale, outcome_on, outcome_by
                       FROM review_requests WHERE urn = ? ORDER BY requested_at, id)");
    s.bind(1, urn);
    std::vector<ReviewLine> out;
    while (s.step())
      out.push_back({s.integer(0), s.text(1), s.text(2), s.text(3), s.text(4), s.text(5), s.opt_text(6),
                     s.opt_text(7), s.opt_text(8), s.opt_text(9), s.opt_text(10)});
    return out;
  }

  std::vector<ActivityHistoryLine> activities(std::int64_t urn) override {
    Statement s(c_, R"(SELECT id, body_id, type, title, start_date, status, done_on, reason, note
                       FROM activities WHERE urn = ? ORDER BY start_date, id)");
    s.bind(1, urn);
    std::vector<ActivityHistoryLine> out;
    while (s.step())
      out.push_back({s.integer(0), s.text(1), s.text(2), s.text(3), s.text(4), s.text(5), s.opt_text(6),
                     s.opt_text(7), s.opt_text(8)});
    return out;
  }

  std::vector<NoteLine> notes(std::int64_t urn) override {
    Statement s(c_, R"(SELECT id, activity_id, body_id, author, status, created_at, COALESCE(text, file)
                       FROM notes WHERE urn = ? ORDER BY created_at, id)");
    s.bind(1, urn);
    std::vector<NoteLine> out;
    while (s.step())
      out.push_back({s.integer(0), s.integer(1), s.text(2), s.text(3), s.text(4), s.text(5), s.opt_text(6)});
    return out;
  }

 private:
  Connection& c_;
};

}  // namespace

std::unique_ptr<TimelineRepository> make_timeline(Connection& c) { return std::make_unique<Timeline>(c); }

}  // namespace trellis::sqlite
