#include "trellis/assessment.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "trellis/adoption.hpp"
#include "trellis/bodies.hpp"
#include "trellis/error.hpp"
#include "trellis/calendar.hpp"
#include "trellis/policy.hpp"
#include "trellis/schedule/plan.hpp"
#include "trellis/schedule/store.hpp"
#include "trellis/report.hpp"
#include "trellis/school_evidence.hpp"
#include "trellis/store/audit.hpp"

namespace trellis {

// Deprecated: the default England calendar's span of the period, whatever
// the body's policy says. Call sites are to move to the body's calendar
// (AcademicCalendar::first_school_day for membership and adoption, span for
// what happens during a period).
static const AcademicCalendar& england_calendar() {
  thread_local const AcademicCalendar england;  // builds its years as asked: one per thread
  return england;
}

std::string period_start_date(const Period& p) { return england_calendar().span(p).first.to_string(); }

std::string period_end_date(const Period& p) { return england_calendar().span(p).last.to_string(); }

std::vector<SchoolAssessment> stored_assessments(Database& db, const std::string& body_id, const Period& period) {
  Statement s(db, R"(SELECT a.id, a.urn, COALESCE(s.name, ''), a.body_id, a.regime, a.period, a.level, a.classified,
        a.previous_level, a.reasons, a.ratings, a.policy_version, a.policy_hash
      FROM assessments a LEFT JOIN schools s ON s.urn = a.urn
      WHERE a.body_id = ? AND a.period = ?
        AND a.id = (SELECT MAX(b.id) FROM assessments b WHERE b.body_id = a.body_id AND b.period = a.period AND b.urn = a.urn)
      ORDER BY a.urn)");
  s.bind(1, body_id).bind(2, period.to_string());
  std::vector<SchoolAssessment> out;
  while (s.step()) {
    SchoolAssessment a;
    a.id = s.integer(0);
    a.urn = s.integer(1);
    a.name = s.text(2);
    a.body = s.text(3);
    a.regime = s.text(4);
    a.period = s.text(5);
    a.level = s.text(6);
    a.classified = s.integer(7) != 0;
    a.previous_level = s.opt_text(8);
    a.reasons = nlohmann::json::parse(s.text(9)).get<std::vector<std::string>>();
    for (auto& r : nlohmann::json::parse(s.text(10)))
      a.ratings.push_back({r.at("subject"), r.at("level"), r.at("stage"), "", {}});
    a.policy_version = s.text(11);
    a.policy_hash = s.text(12);
    out.push_back(std::move(a));
  }
  return out;
}

namespace {

bool on_scale(const sdk::RegimeDescription& d, const std::string& level) {
  for (auto& scale : d.scales)
    if (scale.id == d.overall_scale)
      for (auto& l : scale.levels)
        if (l.id == level) return true;
  return false;
}

void store(Database& db, SchoolAssessment& a, std::int64_t audit_id) {
  auto ratings = nlohmann::json::array();
  for (auto& r : a.ratings) ratings.push_back({{"subject", r.subject}, {"level", r.level}, {"stage", r.stage}});
  Statement ins(db, R"(INSERT INTO assessments(urn, body_id, regime, period, level, classified, previous_level,
      reasons, ratings, policy_version, policy_hash, assessed_at, audit_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?))");
  ins.bind(1, a.urn).bind(2, a.body).bind(3, a.regime).bind(4, a.period).bind(5, a.level)
      .bind(6, a.classified ? 1 : 0).bind(7, a.previous_level).bind(8, nlohmann::json(a.reasons).dump())
      .bind(9, ratings.dump()).bind(10, a.policy_version).bind(11, a.policy_hash).bind(12, now_timestamp())
      .bind(13, audit_id).run();
  a.id = db.last_insert_id();
  Statement rate(db, R"(INSERT INTO ratings(urn, body_id, period, subject, level, stage, set_by, set_at, rationale)
                        VALUES (?,?,?,?,?,?,?,?,?))");
  Statement cite(db, "INSERT OR IGNORE INTO rating_evidence(rating_id, evidence_id) VALUES (?, ?)");
  for (auto& r : a.ratings) {
    rate.bind(1, a.urn).bind(2, a.body).bind(3, a.period).bind(4, r.subject).bind(5, r.level).bind(6, r.stage)
        .bind(7, "trellis (" + a.regime + " policy " + a.policy_version + ")").bind(8, now_timestamp())
        .bind(9, r.rationale).run();
    const auto rating_id = db.last_insert_id();
    for (auto e : r.evidence) cite.bind(1, rating_id).bind(2, e).run();
  }
}

/// The school's activity rules from its assessment. "Within D days" of the
/// assessment counts from `assessed_on`.
RuleSet school_rules(const RegimeHandle& regime, const Policy& policy, const sdk::EvidenceView& view,
                     const sdk::AssessmentOut& out, const std::string& assessed_on) {
  RuleSet set{view.school().urn, std::nullopt, {}};
  if (auto st = regime.plan(view, out, policy.view(), set.rules); !st)
    throw InputError(Location{policy.path().string()}, "the " + policy.regime() + " regime could not plan activities for " +
                                                          view.school().name + ": " + st.message);
  for (auto& r : set.rules)
    if (r.cadence == sdk::Cadence::within && r.anchor.empty() && r.anchor_date.empty()) r.anchor_date = assessed_on;
  return set;
}

/// Adds the body's own rules and re-plans the academic year: done activities
/// stay, planned ones are replaced.
std::size_t plan_activities(Database& db, const RegimeHandle& regime, const Policy& policy, const AcademicCalendar& cal,
                            const std::string& body, const Period& year, std::vector<RuleSet> sets) {
  RuleSet body_set;
  if (auto st = regime.plan_body(policy.view(), body_set.rules); !st)
    throw InputError(Location{policy.path().string()},
                     "the " + policy.regime() + " regime could not plan the body's activities: " + st.message);
  if (!body_set.rules.empty()) sets.push_back(std::move(body_set));
  auto plan = plan_year(cal, body, year, sets);
  replan(db, body, year.to_string(), plan);
  return plan.size();
}

}  // namespace

AssessRun assess_body(Database& db, PluginHost& host, const AssessOptions& opt) {
  if (!find_body(db, opt.body_id)) throw UsageError("unknown body \"" + opt.body_id + "\"; see `trellis body list`");
  const std::string start = period_start_date(opt.period);
  std::filesystem::path policy_file;
  if (opt.draft_policy) {
    policy_file = *opt.draft_policy;
  } else if (auto a = adoption_on(db, opt.body_id, start)) {
    policy_file = a->policy_path;
  } else {
    throw UsageError("body \"" + opt.body_id + "\" has adopted no policy in force on " + start +
                     "; use `trellis body adopt` or try a draft with --policy");
  }
  Policy policy = Policy::load(policy_file);
  require_valid(policy, host);
  // Through a handle, so a plugin's failure names the plugin and its file.
  const RegimeHandle regime = host.open(policy.regime());
  const auto& description = host.description(policy.regime());
  auto thresholds = make_threshold_runner(policy, description);

  AssessRun run;
  run.regime = policy.regime();
  run.policy_path = policy_file.string();
  run.policy_version = policy.version();
  if (auto w = policy.review_warning(now_timestamp().substr(0, 10))) run.warnings.push_back(*w);

  const auto urns = members_on(db, opt.body_id, start);
  if (urns.empty()) throw UsageError("body \"" + opt.body_id + "\" has no member schools on " + start);
  const AcademicCalendar cal = calendar_from_policy(policy.view(), policy.path().string());
  EvidenceStore evidence(db, urns, opt.body_id, cal);
  const Period year = opt.period.academic_year();
  // "Within D days" of the assessment: today, or the period's first day when
  // assessing a period that is not the current one.
  const Date today = Date::parse(now_timestamp().substr(0, 10));
  const std::string assessed_on = cal.year(year.start_year()).span().contains(today)
                                      ? today.to_string()
                                      : cal.ranges(opt.period).front().first.to_string();
  std::vector<std::string> failures;
  std::vector<RuleSet> rule_sets;  // planned now, while each school's evidence is at hand
  for (auto urn : urns) {
    auto view = evidence.view(urn, opt.period);
    sdk::AssessmentOut out;
    sdk::Status status = regime.assess({*view, policy.view(), *thresholds}, out);
    if (status && out.classified && !on_scale(description, out.level))
      status = sdk::Status::failure("level \"" + out.level + "\" is not on the " + description.overall_scale + " scale");
    if (!status) {
      failures.push_back(view->school().name + " (" + std::to_string(urn) + "): " + status.message);
      continue;
    }
    SchoolAssessment a;
    a.urn = urn;
    a.name = view->school().name;
    a.body = opt.body_id;
    a.regime = policy.regime();
    a.period = opt.period.to_string();
    a.level = out.level;
    a.classified = out.classified;
    a.previous_level = view->previous_level();
    a.reasons = out.reasons;
    a.ratings = out.ratings;
    a.policy_version = policy.version();
    a.policy_hash = policy.hash();
    run.schools.push_back(std::move(a));
    if (!opt.dry_run) rule_sets.push_back(school_rules(regime, policy, *view, out, assessed_on));
  }
  if (!failures.empty()) {
    std::string msg = "the " + policy.regime() + " regime could not assess " + std::to_string(failures.size()) +
                      " school(s); nothing was stored:";
    for (auto& f : failures) msg += "\n  " + f;
    throw InputError(Location{policy_file.string()}, msg);
  }
  if (opt.dry_run) return run;

  Transaction tx(db);
  auto audit = record_audit(db, current_user(), "assess",
                            opt.body_id + " " + run.schools.front().period + ": " + std::to_string(run.schools.size()) +
                                " schools under " + policy.regime() + " " + policy.version(),
                            policy.hash());
  for (std::size_t i = 0; i < run.schools.size(); ++i) {
    store(db, run.schools[i], audit);
    rule_sets[i].assessment_id = run.schools[i].id;
  }
  run.activities_planned = plan_activities(db, regime, policy, cal, opt.body_id, year, std::move(rule_sets));
  tx.commit();

  // Letters go out only once the assessments they report are stored.
  std::vector<SchoolAssessment> changed;
  for (auto& a : run.schools)
    if (a.changed()) changed.push_back(a);
  std::string folder_name = opt.period.to_string();
  std::replace(folder_name.begin(), folder_name.end(), '/', '_');
  run.letters = write_change_letters(changed, find_body(db, opt.body_id)->name,
                                     policy.view().text("notification.offer").value_or(""),
                                     letters_folder(db.file()) / opt.body_id / folder_name);
  return run;
}

}  // namespace trellis
