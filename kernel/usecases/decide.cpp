#include "trellis/decide.hpp"

#include <algorithm>
#include <set>

#include "rating_changes.hpp"
#include "trellis/planning.hpp"
#include "trellis/adoption.hpp"
#include "trellis/audit_changes.hpp"
#include "trellis/bodies.hpp"
#include "trellis/letter_context.hpp"
#include "trellis/letters.hpp"
#include "trellis/schedule/activity_json.hpp"
#include "trellis/school_evidence.hpp"
#include "trellis/store/assessment_repository.hpp"
#include "trellis/store/activity_repository.hpp"
#include "trellis/store/audit.hpp"

namespace trellis {
namespace {

bool at_deciding_stage(const sdk::RegimeDescription& d, const RatingInput& in) {
  const auto stages = deciding_stages(d);
  return std::find(stages.begin(), stages.end(), in.stage) != stages.end();
}

bool decides(const sdk::RegimeDescription& d, const RatingInput& in) {
  return in.subject == "overall" && at_deciding_stage(d, in);
}

/// A decision on a subject the policy says stands until replaced ([decisions] standing).
bool stands(const sdk::RegimeDescription& d, const Policy& policy, const RatingInput& in) {
  if (in.subject == "overall" || !at_deciding_stage(d, in)) return false;
  const auto standing = read_kernel_sections(policy.view()).standing_decisions;
  return std::find(standing.begin(), standing.end(), in.subject) != standing.end();
}

/// The rules of the school's activities still planned from `from`.
std::set<std::string> planned_rules(Database& db, const std::string& body, const std::string& year, std::int64_t urn,
                                    Date from) {
  std::set<std::string> out;
  for (const Activity& x : db.activities().in_scope(body, year, urn))
    if (x.status == ActivityStatus::planned && from <= x.start) out.insert(x.rule);
  return out;
}

/// What a standing decision changed in the school's plan: each activity of a
/// rule it brought and each rule it ended, one line each; and the documents and
/// support the activities it brought carry, each once.
void plan_changes(Database& db, const SchoolAssessment& a, Date from, const std::set<std::string>& before,
                  StandingDecision& out) {
  const std::string year = Period::parse(a.period).academic_year().to_string();
  const auto after = planned_rules(db, a.body, year, a.urn, from);
  auto school = db.activities().in_scope(a.body, year, a.urn);
  std::stable_sort(school.begin(), school.end(), [](const Activity& x, const Activity& y) { return x.start < y.start; });
  for (const Activity& x : school)
    if (x.status == ActivityStatus::planned && from <= x.start && !before.count(x.rule)) {
      out.activities.push_back(x.title + ": " + x.start.to_string());
      for (const auto& d : x.documents)
        if (std::find(out.papers.begin(), out.papers.end(), d) == out.papers.end()) out.papers.push_back(d);
    }
  std::set<std::string> ended;
  for (const Activity& x : school)
    if (before.count(x.rule) && !after.count(x.rule) && ended.insert(x.rule).second)
      out.activities.push_back(x.title + ": no longer held from " + from.to_string());
}

std::optional<SchoolAssessment> stored_for(Database& db, PluginHost& host, const RatingInput& in) {
  const auto period = Period::try_parse(in.period);
  if (!period) return std::nullopt;  // not yet checked when read before the rating is recorded
  auto one = stored_assessments(db, host, in.body_id, *period, in.urn);
  if (one.empty()) return std::nullopt;
  return one.front();
}

/// The school's activities for the year re-made from `from` for the level that now counts.
ReplanSummary replan_school(Database& db, const Clock& clock, PluginHost& host, const Policy& policy, const SchoolAssessment& a,
                            Date from, const std::string& reason) {
  const RegimeHandle regime = host.open(policy.regime());
  const auto& description = policy.description();
  const KernelSections sections = read_kernel_sections(policy.view());
  const AcademicCalendar cal = calendar_from_policy(policy.view(), policy.path().string());
  const Period period = Period::parse(a.period);
  const Period year = period.academic_year();
  EvidenceStore evidence(db, {a.urn}, a.body, cal, {policy.regime(), deciding_stages(description), &policy.view()}, sections);
  auto view = evidence.view(a.urn, period);
  sdk::AssessmentOut counted{a.level, a.classified, a.reasons, a.ratings};
  const auto days = planning::discussion_days(db, sections, a.body, year.to_string());
  const auto it = days.find(a.urn);
  const std::optional<Date> discussed = it == days.end() ? std::nullopt : std::optional(it->second);
  std::vector<RuleSet> sets{planning::school_rules(regime, policy, sections, cal, *view, counted, from, discussed)};
  sets.front().assessment_id = a.id;
  sets.front().from = from;
  // The body's rules too, for the school's rules anchored on them; only the school's activities are stored.
  const auto members = members_on(db, a.body, cal.first_school_day(year).to_string());
  if (auto body = planning::body_rules(regime, policy, school_infos(db, members)); !body.rules.empty())
    sets.push_back(std::move(body));
  PlanOptions stored = stored_plan_options(db, a.body, year.to_string());
  // The school's officer keeps to the daily limit around the other schools' stored activities.
  stored.workload = planning::workload(sections, members);
  planning::book_stored(stored.workload, load_activities(db, a.body, year.to_string()), a.urn);
  auto plan = plan_year(cal, a.body, year, sets, stored);
  plan.erase(std::remove_if(plan.begin(), plan.end(), [&](const Activity& x) { return x.urn != a.urn; }), plan.end());
  return replan(db, clock, a.body, year.to_string(), plan, {a.urn, from, reason, sections.met_when_dropped});
}

/// Later assessments of the school under the same regime stood on the level
/// that counted for `a`'s period when they were made: they now stand on the
/// decision (their previous level is a snapshot, so it is brought up to date).
void update_later_previous_levels(Database& db, const SchoolAssessment& a) {
  const Period decided = Period::parse(a.period);
  std::vector<std::pair<std::int64_t, Period>> all;
  for (const auto& [id, text] : db.assessments().of_school(a.body, a.urn, a.regime))
    if (auto p = Period::try_parse(text)) all.emplace_back(id, *p);
  for (const auto& [id, later] : all) {
    if (!(decided < later) || later.contains(decided) || decided.contains(later)) continue;
    // The most recent earlier period of `later`, as prior_standing picks it.
    std::optional<Period> best;
    for (const auto& [other, p] : all)
      if (p < later && !later.contains(p) && (!best || *best <= p)) best = p;
    // A decision on a year counts in its terms' assessments too.
    if (best && (*best == decided || decided.contains(*best))) db.assessments().set_previous_level(id, a.level);
  }
}

}  // namespace

DecisionRun apply_decision(Database& db, PluginHost& host, const Actor& actor, const Clock& clock, const RatingInput& in,
                           std::vector<Letter>& letters, bool letter, OpenedPolicies* opened) {
  DecisionRun run;
  // Read before the rating is recorded: afterwards the stored assessment counts it.
  if (in.subject == "overall")
    if (auto before = stored_for(db, host, in)) run.level_before = before->level;
  OpenedPolicies own;  // one opening of the policy for the rating and what follows it
  if (!opened) opened = &own;
  run.rating_id = record_rating(db, host, actor, clock, in, opened);
  const std::string on = in.on.empty() ? clock.today() : in.on;
  const auto adoption = body_period(db, in.body_id, Period::parse(in.period), opened).adoption;
  if (!adoption) return run;
  const auto& description = host.description(adoption->regime);
  const bool standing = !decides(description, in) && stands(description, opened->open(adoption->policy_path, host), in);
  if (decides(description, in) || standing) run.school = stored_for(db, host, in);
  if (!run.school) return run;
  auto& a = *run.school;
  const std::string by = in.by.empty() ? actor.name : in.by;
  const std::string reason = standing ? in.subject + " decided as " + in.level + " on " + on + " by " + by
                                      : "level decided as " + a.level + " (computed " + a.computed_level + ") on " + on +
                                            " by " + by;
  const Policy& policy = opened->open(adoption->policy_path, host);
  const Date from = Date::parse(on);
  const std::string year = Period::parse(a.period).academic_year().to_string();
  const auto before = standing ? planned_rules(db, a.body, year, a.urn, from) : std::set<std::string>{};
  run.replan = replan_school(db, clock, host, policy, a, from, reason);
  if (!standing) update_later_previous_levels(db, a);
  if (!letter) return run;
  LetterContext context = letter_context(find_body(db, in.body_id)->name, policy.view(), on, policy.description());
  if (standing) {
    if (auto notice = decision_notice(policy.view(), in.subject, in.level)) {
      StandingDecision decision{in.subject, in.level, in.stage, by, on, in.rationale, {}, {}};
      plan_changes(db, a, from, before, decision);
      letters.push_back(store_letter(db, clock, notice_letter(a, *notice, decision, context)));
    }
    return run;
  }
  context.steps = letter_steps(db, context, read_kernel_sections(policy.view()), a);
  if (auto l = change_letter(db, a, false, context)) letters.push_back(store_letter(db, clock, std::move(*l)));
  return run;
}

bool may_decide(const sdk::RegimeDescription& regime, const Policy& policy, const RatingInput& in) {
  return decides(regime, in) || stands(regime, policy, in);
}

nlohmann::json rating_changes(const RatingInput& in, const DecisionRun& run) {
  nlohmann::json j{{"rating", run.rating_id}, {"urn", in.urn},     {"period", in.period},
                   {"subject", in.subject},  {"stage", in.stage}, {"level", in.level}};
  if (run.school) j["counted_level"] = from_to(run.level_before, run.school->level);
  if (run.replan) j["replan"] = to_json(*run.replan);
  return j;
}

DecisionRun record_decision(Database& db, PluginHost& host, const Actor& actor, const Clock& clock, const RatingInput& in) {
  Transaction tx(db);
  std::vector<Letter> letters;
  DecisionRun run = apply_decision(db, host, actor, clock, in, letters, true);
  record_audit(db, actor, clock,
               {"rate",
                std::to_string(in.urn) + " " + in.subject + " = " + in.level + " (" + in.stage + ", " + in.period + ")" +
                    (run.replan ? "; re-planned from " + (in.on.empty() ? clock.today() : in.on) : ""),
                "", in.body_id, in.urn, rating_changes(in, run).dump()});
  tx.commit();
  run.letters = std::move(letters);
  return run;
}

}  // namespace trellis
