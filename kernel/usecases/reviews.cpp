#include "trellis/text.hpp"
#include "trellis/decide.hpp"
#include "trellis/review_letter.hpp"
#include "trellis/reviews.hpp"

#include <algorithm>

#include "trellis/adoption.hpp"
#include "trellis/assessment.hpp"
#include "trellis/audit_changes.hpp"
#include "trellis/bodies.hpp"
#include "trellis/date.hpp"
#include "trellis/error.hpp"
#include "trellis/ratings.hpp"
#include "trellis/people.hpp"
#include "trellis/schedule/activity_json.hpp"
#include "trellis/store/assessment_repository.hpp"
#include "trellis/store/audit.hpp"
#include "trellis/store/rating_repository.hpp"
#include "trellis/store/school_repository.hpp"

namespace trellis {
namespace {

bool blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }


std::string joined(const std::vector<std::string>& items) {
  std::string s;
  for (auto& i : items) {
    if (!s.empty()) s += ", ";
    s += i;
  }
  return s;
}

/// The period of the school's latest stored assessment under the body: the
/// one that starts last, and of those the one assessed last.
std::optional<std::string> latest_assessed_period(Database& db, const std::string& body_id, std::int64_t urn) {
  std::optional<std::string> best;
  std::string best_start;
  std::int64_t best_id = 0;
  for (const auto& [id, text] : db.assessments().latest_per_period(body_id, urn)) {
    auto period = Period::try_parse(text);
    if (!period) continue;
    const std::string start = AcademicCalendar().first_school_day(*period).to_string();
    if (!best || start > best_start || (start == best_start && id > best_id)) {
      best = period->to_string();
      best_start = start;
      best_id = id;
    }
  }
  return best;
}

std::string status_refusal(const Review& r, const std::string& wanted) {
  std::string msg = "review " + std::to_string(r.id) + " is " + to_string(r.status);
  if (r.status == ReviewStatus::confirmed || r.status == ReviewStatus::changed) {
    msg += " (";
    msg += r.outcome_level.value_or("?");
    msg += ", on ";
    msg += r.outcome_on.value_or("?");
    msg += " by ";
    msg += r.outcome_by.value_or("?");
    msg += ")";
  }
  msg += "; " + wanted;
  return msg;
}

Review must_find(Database& db, std::int64_t id) {
  auto r = find_review(db, id);
  if (!r) throw UsageError("no review request " + std::to_string(id), Remedy::see_reviews());
  return *r;
}

const sdk::Scale* overall_scale(const sdk::RegimeDescription& d) {
  for (auto& scale : d.scales)
    if (scale.id == d.overall_scale) return &scale;
  return nullptr;
}

/// A review's audit changes: its id, the school and period, and its status from and to.
nlohmann::json review_changes(std::int64_t id, std::int64_t urn, const std::optional<std::string>& period,
                              const std::optional<ReviewStatus>& from, ReviewStatus to) {
  return {{"review", id},
          {"urn", urn},
          {"period", or_null(period)},
          {"status", from_to(from ? nlohmann::json(to_string(*from)) : nlohmann::json(), to_string(to))}};
}

/// The school's level for the period as it stands: the newest overall rating
/// at the deciding stage, else its latest stored (classified) assessment.
std::optional<std::string> current_level(Database& db, const Review& r, const std::string& period,
                                         const std::optional<std::string>& stage) {
  if (stage)
    if (auto decided = db.ratings().overall_level(r.body_id, r.urn, period, *stage)) return decided;
  const auto held = db.assessments().latest_level(r.body_id, r.urn, period, std::nullopt);
  if (held && held->classified) return held->level;
  return std::nullopt;
}

}  // namespace

Review request_review(Database& db, const Actor& actor, const Clock& clock, const ReviewRequest& in) {
  require_body(db, in.body_id);
  if (blank(in.reason)) throw UsageError("a review request needs a reason", Field::reason);
  require_text(in.reason, kMaxProseBytes, "a reason", Field::reason);
  require_text(in.by, kMaxNameBytes, "the name of who asks", Field::by);
  require_school_voice(actor, in.body_id, in.urn, "ask for a review of school " + std::to_string(in.urn));
  const std::string by = blank(in.by) ? actor.name : in.by;
  std::optional<std::string> period;
  if (in.period) period = Period::parse(*in.period).to_string();

  Transaction tx(db);
  const auto school = db.schools().find(in.urn);
  if (!school)
    throw StoreError("no school with URN " + std::to_string(in.urn) + " is in the register; nothing was recorded",
                     Field::school, Remedy::see_schools());
  const std::string name = school->name;
  if (!period) period = latest_assessed_period(db, in.body_id, in.urn);
  const std::string on = period ? body_period(db, in.body_id, Period::parse(*period)).start() : clock.today();
  auto members = members_on(db, in.body_id, on);
  if (!std::binary_search(members.begin(), members.end(), in.urn))
    throw StoreError(name + " (" + std::to_string(in.urn) + ") is not a member of " + in.body_id + " on " + on +
                     ", so " + in.body_id + " cannot review its classification; nothing was recorded");

  Review request;
  request.urn = in.urn;
  request.body_id = in.body_id;
  request.period = period;
  request.requested_by = by;
  request.requested_at = clock.timestamp();
  request.reason = in.reason;
  const std::int64_t id = db.ratings().add_review(request);
  record_audit(db, actor, clock,
               {"review", std::to_string(in.urn) + " (" + in.body_id + ", " + period.value_or("no period") + "): " + in.reason,
                "", in.body_id, in.urn,
                review_changes(id, in.urn, period, std::nullopt, ReviewStatus::requested).dump()});
  tx.commit();
  return must_find(db, id);
}

Review start_review(Database& db, const Actor& actor, const Clock& clock, std::int64_t id) {
  Transaction tx(db);
  Review r = must_find(db, id);
  require_officer(actor, r.body_id, "take up review " + std::to_string(id));
  if (r.status != ReviewStatus::requested)
    throw StoreError(status_refusal(r, "only a requested review can be started; nothing was changed"));
  db.ratings().start_review(id, clock.timestamp());
  record_audit(db, actor, clock,
               {"review start",
                "review " + std::to_string(id) + " of " + std::to_string(r.urn) + " (" + r.body_id + ", " +
                    r.period.value_or("no period") + "): under review",
                "", r.body_id, r.urn,
                review_changes(id, r.urn, r.period, r.status, ReviewStatus::under_review).dump()});
  tx.commit();
  return must_find(db, id);
}

ReviewDecision decide_review(Database& db, PluginHost& host, const Actor& actor, const Clock& clock,
                             const ReviewOutcome& in) {
  if (in.outcome != ReviewStatus::confirmed && in.outcome != ReviewStatus::changed)
    throw UsageError("a review's outcome is confirmed or changed");
  if (blank(in.rationale)) throw UsageError("a review's outcome needs a rationale: the head is told it", Field::rationale);
  require_text(in.rationale, kMaxProseBytes, "a rationale", Field::rationale);
  require_text(in.by, kMaxNameBytes, "the name of who decided", Field::by);
  if (in.outcome == ReviewStatus::changed && (!in.level || blank(*in.level)))
    throw UsageError("a changed outcome needs the new level", Field::level);
  const std::string on = in.on ? Date::parse(*in.on).to_string() : clock.today();
  const std::string by = blank(in.by) ? actor.name : in.by;

  Transaction tx(db);
  Review r = must_find(db, in.id);
  require_officer(actor, r.body_id, "decide review " + std::to_string(r.id));
  if (r.status != ReviewStatus::under_review) {
    if (r.status == ReviewStatus::requested)
      throw StoreError(status_refusal(r, "only a review under review can be decided, and it has not been started; "
                                         "nothing was changed"),
                       Remedy::start_review(r.id));
    throw StoreError(status_refusal(r, "only a review under review can be decided; it has been decided already; "
                                       "nothing was changed"));
  }
  if (on < r.requested_at.substr(0, 10))
    throw UsageError("the outcome's date " + on + " is before the request was made (" + r.requested_at.substr(0, 10) + ")");
  std::optional<std::string> period = r.period;
  if (!period) period = latest_assessed_period(db, r.body_id, r.urn);
  if (!period)
    throw StoreError("review " + std::to_string(r.id) + " names no period, and " + std::to_string(r.urn) +
                     " has no stored assessment under " + r.body_id + "; nothing was changed");
  const BodyPeriod in_force = body_period(db, r.body_id, Period::parse(*period));
  const std::string start = in_force.start();
  const auto& adoption = in_force.adoption;
  const sdk::RegimeDescription* regime = adoption ? &host.description(adoption->regime) : nullptr;
  const std::optional<std::string> stage = regime ? deciding_stage(*regime) : std::nullopt;

  ReviewDecision out;
  out.level_before = current_level(db, r, *period, stage);
  std::string level;
  if (in.outcome == ReviewStatus::confirmed) {
    if (!out.level_before)
      throw StoreError(std::to_string(r.urn) + " has no level for " + *period + " under " + r.body_id + " to confirm",
                       Remedy::decide_changed());
    if (in.level && *in.level != *out.level_before)
      throw UsageError("a confirmed outcome keeps the current level " + *out.level_before + ", not " + *in.level,
                       Field::level, Remedy::decide_changed(*in.level));
    level = *out.level_before;
  } else {
    level = *in.level;
    if (!regime)
      throw StoreError(r.body_id + " has adopted no policy in force on " + start + ", so no level can be decided for " +
                       *period);
    const sdk::Scale* scale = overall_scale(*regime);
    std::vector<std::string> levels;
    if (scale)
      for (auto& l : scale->levels) levels.push_back(l.id);
    if (std::find(levels.begin(), levels.end(), level) == levels.end())
      throw UsageError("\"" + level + "\" is not on the " + regime->id + " regime's overall scale; its levels are " +
                       joined(levels));
    if (out.level_before && *out.level_before == level)
      throw UsageError(std::to_string(r.urn) + " is already " + level + " for " + *period, Field::level,
                       Remedy::decide_confirmed());
    if (!stage)
      throw StoreError("the " + regime->id + " regime has no stage at which a person decides a level (final, validated "
                       "or moderated), so a review cannot change it");
    // The body's decision: it counts from the day decided, and re-plans the school (the review letter tells the head).
    std::vector<Letter> none;
    const DecisionRun decided =
        apply_decision(db, host, actor, clock, {r.urn, r.body_id, *period, "overall", level, *stage, by, in.rationale, on},
                       none, false);
    out.rating_id = decided.rating_id;
    out.replan = decided.replan;
  }

  Review decided = r;
  decided.status = in.outcome;
  decided.outcome_level = level;
  decided.outcome_rationale = in.rationale;
  decided.outcome_on = on;
  decided.outcome_by = by;
  decided.updated_at = clock.timestamp();
  decided.period = *period;  // stored only where the request named none
  db.ratings().decide_review(decided);
  std::string what = in.outcome == ReviewStatus::confirmed
                         ? "confirmed at " + level
                         : "changed from " + out.level_before.value_or("no level") + " to " + level + " (" + *stage +
                               " rating " + std::to_string(*out.rating_id) + ")";
  nlohmann::json changes = review_changes(r.id, r.urn, period, r.status, in.outcome);
  changes["level"] = from_to(out.level_before, level);
  changes["rating"] = or_null(out.rating_id);
  if (out.replan) changes["replan"] = to_json(*out.replan);
  record_audit(db, actor, clock,
               {"review decide",
                "review " + std::to_string(r.id) + " of " + std::to_string(r.urn) + " (" + r.body_id + ", " + *period +
                    "): " + what + ": " + in.rationale,
                "", r.body_id, r.urn, changes.dump()});
  out.review = must_find(db, r.id);
  Letter letter;
  letter.body_id = r.body_id;
  letter.urn = r.urn;
  letter.period = *period;
  letter.regime = adoption ? adoption->regime : "";
  letter.kind = "review";
  letter.from_level = out.level_before;
  letter.to_level = level;
  letter.file = review_letter_file(out.review);
  letter.text = review_letter_text(out);
  out.letter = store_letter(db, clock, std::move(letter));
  tx.commit();
  return out;
}

}  // namespace trellis
