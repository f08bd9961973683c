// The assessments a body stored for a period, as reports and decisions read them.
#include "trellis/assessment.hpp"

#include "assessment_ratings.hpp"

#include "trellis/adoption.hpp"
#include "trellis/calendar.hpp"
#include "trellis/decision.hpp"
#include "trellis/store/assessment_repository.hpp"

namespace trellis {
namespace {

/// The stages that decide under `regime`, from its plugin when it loads.
std::vector<std::string> stages_of(PluginHost& host, const std::string& regime) {
  try {
    return deciding_stages(host.description(regime));
  } catch (const std::exception&) {
    return generic_deciding_stages();
  }
}

/// The regime whose assessments count for the body and period: the adopted one, else the latest assessed.
std::optional<std::string> regime_in_force(Database& db, const std::string& body_id, const Period& period) {
  // The default pattern's first school day: a report reads what was stored even when the policy file has gone.
  if (auto a = adoption_on(db, body_id, AcademicCalendar().first_school_day(period).to_string())) return a->regime;
  return std::nullopt;
}

/// Each stored assessment with its decision and the level that counts; with
/// `recorded`, the ratings people recorded for it too (a query per school).
std::size_t each_stored(Database& db, PluginHost& host, const std::string& body_id, const Period& period,
                        std::optional<std::int64_t> only, bool recorded,
                        const std::function<void(SchoolAssessment&&)>& fn) {
  auto regime = regime_in_force(db, body_id, period);
  if (regime && !db.assessments().any(body_id, period.to_string(), *regime)) regime.reset();
  if (!regime) regime = db.assessments().latest_regime(body_id, period.to_string());
  if (!regime) return 0;
  std::map<std::int64_t, Decision> decided;
  const auto stages = stages_of(host, *regime);
  if (only) {
    if (auto d = decision_for(db, body_id, *regime, *only, period.to_string(), stages)) decided.emplace(*only, *d);
  } else {
    decided = decisions_for(db, body_id, *regime, period.to_string(), stages);
  }
  std::size_t n = 0;
  db.assessments().each_latest_of_period(body_id, period.to_string(), *regime, only, [&](SchoolAssessment&& a) {
    if (recorded) a.recorded = assessment_ratings::recorded(db, a.body, a.regime, a.urn, a.period);
    auto d = decided.find(a.urn);
    count_decision(a, d == decided.end() ? std::nullopt : std::optional(d->second));
    ++n;
    fn(std::move(a));
  });
  return n;
}

}  // namespace

std::vector<SchoolAssessment> stored_assessments(Database& db, PluginHost& host, const std::string& body_id,
                                                 const Period& period, std::optional<std::int64_t> only) {
  std::vector<SchoolAssessment> out;
  each_stored(db, host, body_id, period, only, true, [&](SchoolAssessment&& a) { out.push_back(std::move(a)); });
  return out;
}

std::size_t each_stored_assessment(Database& db, PluginHost& host, const std::string& body_id, const Period& period,
                                   const std::function<void(SchoolAssessment&&)>& fn) {
  return each_stored(db, host, body_id, period, std::nullopt, false, fn);
}

}  // namespace trellis
