// The year's calendar from the adopted policy, before any assessment (see
// trellis/plan_year.hpp): what each member school's regime plans for a school
// not yet assessed, and the body's own meetings, stored as one re-plan.
#include "trellis/plan_year.hpp"

#include <nlohmann/json.hpp>

#include "trellis/adoption.hpp"
#include "trellis/bodies.hpp"
#include "trellis/calendar.hpp"
#include "trellis/decision.hpp"
#include "trellis/error.hpp"
#include "trellis/people.hpp"
#include "trellis/planning.hpp"
#include "trellis/policy/kernel_sections.hpp"
#include "trellis/schedule/activity_json.hpp"
#include "trellis/schedule/plan.hpp"
#include "trellis/school_evidence.hpp"
#include "trellis/store/assessment_repository.hpp"
#include "trellis/store/audit.hpp"

namespace trellis {

YearPlanRun plan_adopted_year(Database& db, PluginHost& host, const Actor& by, const Clock& clock,
                              const YearPlanOptions& opt) {
  require_officer(by, opt.body_id, "plan the year of " + opt.body_id);
  require_body(db, opt.body_id);
  if (opt.year.academic_year().to_string() != opt.year.to_string())
    throw UsageError("expected an academic year like 2019-20 to plan, found " + opt.year.to_string(), Field::period);
  const BodyPeriod in_force = body_period(db, opt.body_id, opt.year);
  if (!in_force.adoption)
    throw UsageError("body \"" + opt.body_id + "\" has adopted no policy in force on " + in_force.start(),
                     Remedy::adopt_policy(opt.body_id));
  // Once a period of the year is assessed, its assessment plans the year (with the level that counts);
  // a plan for schools not yet assessed would undo what follows from that level.
  std::vector<std::string> periods{opt.year.to_string()};
  for (const char* term : {"autumn", "spring", "summer"}) {
    periods.push_back(opt.year.to_string() + "/" + term);
    for (const char* half : {"-1", "-2"}) periods.push_back(opt.year.to_string() + "/" + term + half);
  }
  for (const auto& p : periods)
    if (db.assessments().latest_regime(opt.body_id, p))
      throw UsageError(opt.body_id + " is already assessed for " + p + ", and the assessment plans the year; `plan` "
                           "is for the calendar before any assessment",
                       Field::period);
  Policy policy = open_policy(in_force.adoption->policy_path, host);
  const RegimeHandle regime = host.open(policy.regime());
  const KernelSections sections = read_kernel_sections(policy.view());
  const AcademicCalendar cal = calendar_from_policy(policy.view(), policy.path().string());
  const std::string start = cal.first_school_day(opt.year).to_string();
  const auto urns = members_on(db, opt.body_id, start);
  if (urns.empty()) throw UsageError("body \"" + opt.body_id + "\" has no member schools on " + start);
  const Date today = Date::parse(clock.today());
  const Date made_on = opt.on ? *opt.on : today;
  if (opt.on && (!cal.span(opt.year).contains(*opt.on) || today < *opt.on))
    throw UsageError("the day the plan is made, " + opt.on->to_string() + ", must be a day of " + opt.year.to_string() +
                         " (" + cal.span(opt.year).first.to_string() + " to " + cal.span(opt.year).last.to_string() +
                         ") and not after today (" + today.to_string() + ")",
                     Field::on);
  const Date from = planning::plan_from(cal, opt.year, made_on);

  // A school not yet assessed: classified, with no level; the regime plans what follows for it.
  const auto stages = deciding_stages(policy.description());
  EvidenceStore evidence(db, EvidenceStore::ByWindow{}, opt.body_id, cal, {policy.regime(), stages, &policy.view()},
                         sections);  // a window of the schools at a time (issue 18)
  RuleSets rule_sets;  // each distinct rule held once
  const sdk::AssessmentOut unassessed;
  // A discussion already stored for the year stands, as it does when the year is assessed.
  const auto discussion_days = planning::discussion_days(db, sections, opt.body_id, opt.year.to_string());
  for (std::size_t i = 0; i < urns.size(); ++i) {
    const std::int64_t urn = urns[i];
    evidence.hold_window_at(urns, i);
    auto view = evidence.view(urn, opt.year);
    auto discussed = discussion_days.find(urn);
    rule_sets.add(planning::school_rules(
        regime, policy, sections, cal, *view, unassessed, from,
        discussed == discussion_days.end() ? std::nullopt : std::optional(discussed->second)));
  }
  if (auto body = planning::body_rules(regime, policy, school_infos(db, urns)); !body.rules.empty()) rule_sets.add(body);
  rule_sets.plan_from(from);

  YearPlanRun run;
  run.regime = policy.regime();
  run.policy_version = policy.version();
  run.schools = urns.size();
  run.planned_from = from.to_string();
  Transaction tx(db);
  PlanOptions stored = stored_plan_options(db, opt.body_id, opt.year.to_string());
  stored.workload = planning::workload(sections, urns);
  std::vector<std::string> unmet;
  const auto plan = plan_year_compact(cal, opt.body_id, opt.year, rule_sets, stored, &unmet);
  run.warnings = planning::workload_warnings(unmet);
  run.activities_planned = plan.size();
  run.replan = replan(db, clock, opt.body_id, opt.year.to_string(), plan,
                      {std::nullopt, from, "the year planned from the adopted " + policy.regime() + " policy " +
                                               policy.version() + " on " + from.to_string(),
                       sections.met_when_dropped});
  record_audit(db, by, clock,
               {"plan", opt.body_id + " " + opt.year.to_string() + ": the year planned from " + policy.regime() + " " +
                            policy.version() + " before any assessment",
                policy.hash(), opt.body_id, std::nullopt,
                nlohmann::json{{"year", opt.year.to_string()},
                               {"schools", run.schools},
                               {"activities_planned", run.activities_planned},
                               {"planned_from", run.planned_from},
                               {"replan", to_json(run.replan)}}
                    .dump()});
  tx.commit();
  return run;
}

}  // namespace trellis
