#include "trellis/text.hpp"
#include "trellis/ratings.hpp"

#include "panel.hpp"

#include <algorithm>

#include "trellis/adoption.hpp"
#include "trellis/policy.hpp"
#include "trellis/assessment.hpp"
#include "trellis/bodies.hpp"
#include "trellis/date.hpp"
#include "trellis/error.hpp"
#include "trellis/people.hpp"
#include "trellis/store/assessment_repository.hpp"
#include "trellis/store/audit.hpp"
#include "trellis/store/body_repository.hpp"
#include "trellis/store/rating_repository.hpp"

namespace trellis {
namespace {

std::string joined(const std::vector<std::string>& items) {
  std::string s;
  for (auto& i : items) s += (s.empty() ? "" : ", ") + i;
  return s;
}

const sdk::Scale* scale_of(const sdk::RegimeDescription& d, const std::string& subject) {
  std::string id = d.overall_scale;
  for (auto& s : d.subject_scales)
    if (s.subject == subject) id = s.scale;
  for (auto& sc : d.scales)
    if (sc.id == id) return &sc;
  return nullptr;
}

/// A rating the regime does not take: exit 3, with nothing written.
[[noreturn]] void refuse(const RatingInput&, const std::string& why, Field field = Field::none) {
  throw StoreError("refused: " + why, field);
}

void check_against_regime(const sdk::RegimeDescription& d, const RatingInput& in) {
  std::vector<std::string> stages, subjects{"overall"}, levels;
  for (auto& s : d.stages) stages.push_back(s.id);
  for (auto& a : d.areas) subjects.push_back(a.id);
  for (auto& i : d.indicators) subjects.push_back(i.id);
  auto has = [](const std::vector<std::string>& v, const std::string& x) {
    return std::find(v.begin(), v.end(), x) != v.end();
  };
  if (!has(stages, in.stage))
    refuse(in, "the " + d.id + " regime has no rating stage \"" + in.stage + "\"; its stages are " + joined(stages));
  if (!has(subjects, in.subject))
    refuse(in, "the " + d.id + " regime rates no subject \"" + in.subject + "\"; use overall, an area or an indicator (" +
                   joined(subjects) + ")");
  const sdk::Scale* scale = scale_of(d, in.subject);
  if (!scale) refuse(in, "the " + d.id + " regime names no scale for " + in.subject);
  for (auto& l : scale->levels) levels.push_back(l.id);
  if (!has(levels, in.level))
    refuse(in, "\"" + in.level + "\" is not on the " + scale->label + " scale that " + in.subject + " is rated on under the " +
                   d.id + " regime; its levels are " + joined(levels),
           Field::level);
}

/// Refuses a rating for a school the regime does not classify (e.g. an academy under an LA's regime).
void check_classified(Database& db, const std::string& regime, const RatingInput& in, const std::string& period) {
  const auto held = db.assessments().latest_level(in.body_id, in.urn, period, regime);
  if (held && !held->classified)
    refuse(in, "the " + regime + " regime does not classify school " + std::to_string(in.urn) + " (its assessment for " +
                   period + " puts it in \"" + held->level + "\"), so it takes no rating");
}

}  // namespace

std::int64_t record_rating(Database& db, PluginHost& host, const Actor& actor, const Clock& clock, const RatingInput& in,
                           OpenedPolicies* opened) {
  require_body(db, in.body_id);
  OpenedPolicies own;
  if (!opened) opened = &own;
  const Period period = Period::parse(in.period);
  const BodyPeriod in_force = body_period(db, in.body_id, period, opened);
  const std::string start = in_force.start();
  if (!db.bodies().is_member_on(in.body_id, in.urn, start))
    throw UsageError("school " + std::to_string(in.urn) + " is not a member of " + in.body_id + " on " + start);
  const auto& adoption = in_force.adoption;
  if (!adoption) throw UsageError("body \"" + in.body_id + "\" has adopted no policy in force on " + start);
  const Policy& policy = opened->open(adoption->policy_path, host);  // the trust's own KPIs and scales
  const auto& regime = policy.description();
  check_against_regime(regime, in);
  // Who may record each stage is the regime's to say (its StageSpec::roles); the kernel enforces it.
  const sdk::StageSpec* stage = nullptr;
  for (const auto& s : regime.stages)
    if (s.id == in.stage) stage = &s;
  if (stage) require_stage(actor, stage->roles, in.body_id, in.urn, in.stage);
  check_classified(db, adoption->regime, in, period.to_string());
  if (!in.on.empty()) {
    const auto on = Date::try_parse(in.on);
    if (!on) throw UsageError("the day it was decided must be a date YYYY-MM-DD, found \"" + in.on + "\"", Field::on);
    const DateRange year = in_force.calendar.span(period.academic_year());
    const Date today = Date::parse(clock.today());
    // A decision on a year can be taken after it ends (a final level recorded in the autumn), never before it.
    if (*on < year.first || today < *on)
      throw UsageError("the day it was decided, " + in.on + ", must be on or after the first day of " +
                           period.academic_year().to_string() + " (" + year.first.to_string() +
                           ") and not after today (" + today.to_string() + ")",
                       Field::on);
  }
  if (in.stage == "computed")
    refuse(in, "the computed stage is the regime's own proposal; a person records a decision at another stage");
  // A stage recorded at a panel meeting (the regime's StagePanel): only by a
  // person present at one held in the year the panel declares.
  if (stage && !stage->panels.empty())
    require_panel(db, *stage, actor, in, in_force.calendar, Date::parse(in.on.empty() ? clock.today() : in.on));

  require_text(in.by, kMaxNameBytes, "the name of who decided", Field::by);
  require_text(in.rationale, kMaxProseBytes, "a rationale", Field::rationale);
  const std::string now = clock.timestamp();
  const std::string by = in.by.find_first_not_of(" \t") == std::string::npos ? actor.name : in.by;
  NewRating r{in.urn, in.body_id, period.to_string(), in.subject, in.level, in.stage, by, now, in.rationale,
              adoption->regime, adoption->id, std::nullopt, in.on.empty() ? now.substr(0, 10) : in.on};
  r.supersedes = db.ratings().latest(in.body_id, in.urn, r.period, in.subject, in.stage, adoption->regime);
  return db.ratings().add(r);
}

std::vector<RatingRecord> ratings_for(Database& db, const std::string& body_id, const std::string& period) {
  return db.ratings().for_period(body_id, period);
}

}  // namespace trellis
