#include "trellis/assessment.hpp"
#include "trellis/assessment_each.hpp"

#include "assessment_ratings.hpp"
#include "school_judgement.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <stdexcept>
#include <nlohmann/json.hpp>

#include "trellis/planning.hpp"
#include "trellis/adoption.hpp"
#include "trellis/bodies.hpp"
#include "trellis/calendar.hpp"
#include "trellis/error.hpp"
#include "trellis/letter_context.hpp"
#include "trellis/letters.hpp"
#include "trellis/policy.hpp"
#include "trellis/schedule/activity_json.hpp"
#include "trellis/schedule/plan.hpp"
#include "trellis/schedule/store.hpp"
#include "trellis/school_evidence.hpp"
#include "trellis/people.hpp"
#include "trellis/store/assessment_repository.hpp"
#include "trellis/store/audit.hpp"
#include "trellis/store/rating_repository.hpp"

namespace trellis {

void count_decision(SchoolAssessment& a, std::optional<Decision> decision) {
  a.decision = std::move(decision);
  a.level = a.decision && a.classified ? a.decision->level : a.computed_level;
}

namespace {

/// What a stored run changed, counted as each school is stored (the audit row's hash covers it).
struct ChangeCounts {
  std::size_t schools = 0;
  std::int64_t levels_changed = 0, decided = 0, insufficient = 0, unclassified = 0;

  void count(const SchoolAssessment& a) {
    ++schools;
    levels_changed += a.changed();
    decided += a.decision.has_value();
    insufficient += a.insufficient();
    unclassified += !a.classified;
  }
};

/// What a stored run changed: how many schools, how many changed band, were
/// decided or are unclassified, and what re-planning did.
nlohmann::json assess_changes(const AssessRun& run, const ChangeCounts& counts, const std::string& period) {
  return {{"period", period},
          {"regime", run.regime},
          {"version", run.policy_version},
          {"schools", counts.schools},
          {"levels_changed", counts.levels_changed},
          {"decided", counts.decided},
          {"insufficient", counts.insufficient},
          {"unclassified", counts.unclassified},
          {"replan", to_json(run.replan)},
          {"activities_planned", run.activities_planned},
          {"planned_from", run.planned_from},
          {"letters", run.letters.size()}};
}

/// A letter letter_due chose as its school was stored. Its words name the
/// school's next steps, which exist only once the year is re-planned after
/// the last school, so its assessment is held until then: only the schools
/// that get a letter are (issue 18).
struct DueLetter {
  SchoolAssessment school;
  Letter letter;
};

/// Stores each school's assessment and the ratings the regime proposed, each
/// citing its evidence. Its proposals are kept from one school to the next, so
/// that their texts are written into the room the last school's took (issue 18).
class SchoolStore {
 public:
  /// `by` sets each rating: "trellis (REGIME policy VERSION)", the same for every school of a run.
  SchoolStore(Database& db, std::string by) : db_(db), by_(std::move(by)) {}

  void store(SchoolAssessment& a, const std::string& now) {
    a.id = db_.assessments().add(a, now);
    proposals_.resize(a.ratings.size());
    for (std::size_t i = 0; i < a.ratings.size(); ++i) {
      const sdk::RatingOut& r = a.ratings[i];
      NewRating& n = proposals_[i].rating;
      n.urn = a.urn;
      n.body_id = a.body;
      n.period = a.period;
      n.subject = r.subject;
      n.level = r.level;
      n.stage = r.stage;
      n.set_by = by_;
      n.set_at = now;
      assessment_ratings::write_rationale(r, n.rationale);
      n.regime = a.regime;
      n.adoption_id = a.adoption_id;
      proposals_[i].evidence = r.evidence;
    }
    db_.ratings().add_proposals(proposals_);
  }

 private:
  Database& db_;
  const std::string by_;
  std::vector<Proposal> proposals_;  ///< supersedes and decided_on never set: a proposal has neither
};

}  // namespace

namespace {

/// assess_body, and with `each` a run that hands each school to it rather than keeping it (assess_each).
AssessRun assess(Database& db, PluginHost& host, const Actor& by, const Clock& clock, const AssessOptions& opt,
                 const SchoolSink& each) {
  if (!opt.dry_run) require_officer(by, opt.body_id, "assess the schools of " + opt.body_id);
  std::optional<ReadSnapshot> reading;  // a dry run reads one state of the store (a stored run: its transaction, below)
  if (opt.dry_run) reading.emplace(db);
  require_body(db, opt.body_id);
  const BodyPeriod in_force = body_period(db, opt.body_id, opt.period);
  std::string start = in_force.start();
  std::filesystem::path policy_file;
  std::optional<Adoption> adoption;
  if (opt.draft_policy) {
    policy_file = *opt.draft_policy;
  } else if ((adoption = in_force.adoption)) {
    policy_file = adoption->policy_path;
  } else {
    throw UsageError("body \"" + opt.body_id + "\" has adopted no policy in force on " + start,
                     Remedy::adopt_policy(opt.body_id));
  }
  Policy policy = Policy::load(policy_file);
  require_valid(policy, host);
  // Through a handle, so a plugin's failure names the plugin and its file.
  const RegimeHandle regime = host.open(policy.regime());
  const auto& description = policy.description();  // with the trust's own parts (require_valid declared them)
  const auto stages = deciding_stages(description);
  const KernelSections sections = read_kernel_sections(policy.view());
  auto thresholds = make_threshold_runner(policy, description);

  AssessRun run;
  run.regime = policy.regime();
  run.policy_path = policy_file.string();
  run.policy_version = policy.version();
  if (auto w = policy.review_warning(clock.today())) run.warnings.push_back(*w);

  // One calendar for everything below: the policy's (a draft's own, when trying one).
  const AcademicCalendar cal = calendar_from_policy(policy.view(), policy.path().string());
  start = cal.first_school_day(opt.period).to_string();
  const auto urns = members_on(db, opt.body_id, start);
  if (urns.empty()) throw UsageError("body \"" + opt.body_id + "\" has no member schools on " + start);
  const auto decided = decisions_for(db, opt.body_id, policy.regime(), opt.period.to_string(), stages);

  // Optional so that it can be freed once the schools are judged: planning needs the room.
  std::optional<EvidenceStore> evidence;
  evidence.emplace(db, EvidenceStore::ByWindow{}, opt.body_id, cal, HistoryRules{policy.regime(), stages, &policy.view()},
                   sections);  // judge_schools holds a window of the schools at a time
  const Period year = opt.period.academic_year();
  // Nothing is planned in the past: from today when assessing the current
  // year, else from the period's first day. A year assessed on a day after it
  // ends (a report on the year just ended, validated the next autumn) plans
  // nothing; only a day given with --on can be after it.
  const Date today = Date::parse(clock.today());
  const Date made_on = opt.on ? *opt.on : today;
  if (opt.on && (*opt.on < cal.span(year).first || today < *opt.on))
    throw UsageError("the day of the assessment, " + opt.on->to_string() + ", must be on or after the first day of " +
                         year.to_string() + " (" + cal.span(year).first.to_string() + ") and not after today (" +
                         today.to_string() + ")",
                     Field::on);
  const bool plans = opt.plan_preview || !(opt.on && cal.span(year).last < *opt.on);
  const bool plans_schools = (!opt.dry_run && plans) || opt.plan_preview;  // each school's rules are made as it is judged
  // A preview plans the whole period; a stored run from the day it is made, and
  // never before the adoption's first day (a switch's new plan starts there).
  Date from = opt.plan_preview ? cal.span(opt.period).first : planning::plan_from(cal, opt.period, made_on);
  if (adoption && !opt.plan_preview)
    if (const Date first = Date::parse(adoption->from_date); from < first && cal.span(year).contains(first)) from = first;
  std::vector<std::string> failures;
  RuleSets rule_sets;  // planned now, while each school's evidence is at hand; each distinct rule held once
  const auto discussion_days = planning::discussion_days(db, sections, opt.body_id, year.to_string());
  const auto due_days = planning::due_days(db, opt.body_id, year.to_string());
  // A stored run stores each school as it is judged, in one transaction with
  // the rest: a failure rolls it all back, and a country's judged schools are
  // never all held (issue 18).
  std::optional<Transaction> tx;
  if (!opt.dry_run) tx.emplace(db);
  ChangeCounts changes;
  std::vector<std::int64_t> assessment_ids;  // for the audit row, once it is made
  // What each head was last told, read once: a school's letter is chosen as it is stored.
  const auto told = opt.dry_run ? std::map<std::int64_t, std::string>{}
                                : last_letter_levels(db, opt.body_id, opt.period.to_string());
  std::vector<DueLetter> letters;
  // Each school's rules are made on the thread that judged it, as the level that counts (a decision's) plans them.
  const auto school_rules = [&](const SchoolJudgement& judged, const RegimeHandle& judging,
                                const AcademicCalendar& calendar) {
    sdk::AssessmentOut counted = judged.out;
    const auto d = decided.find(judged.urn);
    if (d != decided.end() && counted.classified) counted.level = d->second.level;  // as count_decision counts it
    const auto discussed = discussion_days.find(judged.urn);
    return planning::school_rules(judging, policy, sections, calendar, *judged.view, counted, from,
                                  discussed == discussion_days.end() ? std::nullopt : std::optional(discussed->second));
  };
  SchoolStore stored(db, "trellis (" + policy.regime() + " policy " + policy.version() + ")");
  JudgementSetup setup{regime, policy, description, sections, *evidence, opt.period, made_on.to_string(), due_days};
  if (plans_schools) setup.plan = school_rules;
  judge_schools(setup, urns, *thresholds, opt.threads, [&](SchoolJudgement& judged) {
    const std::int64_t urn = judged.urn;
    const auto& view = judged.view;
    const sdk::AssessmentOut& out = judged.out;
    if (!judged.status) {
      // The first failure ends the run: a script that recurses or loops would
      // spend its whole budget again on every other school (issue 19).
      failures.push_back(view->school().name + " (" + std::to_string(urn) + "): " + judged.status.message);
      return;
    }
    SchoolAssessment a;
    a.urn = urn;
    a.name = view->school().name;
    a.body = opt.body_id;
    a.regime = policy.regime();
    a.period = opt.period.to_string();
    a.computed_level = out.level;
    a.classified = out.classified;
    const PriorStanding& prior = judged.prior;
    a.previous_level = prior.previous_level;
    if (a.classified) {
      a.prior_regime = prior.other_regime;
      a.prior_level = prior.other_level;
    }
    // Moved rather than copied (the school is planned already): a country's reasons are many.
    a.reasons = std::move(judged.out.reasons);
    for (const auto& r : a.reasons)
      if (std::any_of(sections.warn_reasons.begin(), sections.warn_reasons.end(),
                      [&](const std::string& w) { return !w.empty() && r.rfind(w, 0) == 0; }))
        run.warnings.push_back(a.name + " (" + std::to_string(urn) + "): " + r);
    a.ratings = std::move(judged.out.ratings);
    a.recorded = std::move(judged.recorded);
    a.policy_version = policy.version();
    a.policy_hash = policy.hash();
    if (adoption) a.adoption_id = adoption->id;
    auto d = decided.find(urn);
    count_decision(a, d == decided.end() ? std::nullopt : std::optional(d->second));
    if (tx) {
      stored.store(a, clock.timestamp());  // stamped as it is stored
      changes.count(a);
      assessment_ids.push_back(a.id);
    }
    if (plans_schools) {
      rule_sets.add(std::move(judged.rules));
      if (tx) rule_sets.set_assessment(rule_sets.size() - 1, a.id);
    }
    std::optional<Letter> letter;
    if (tx && !(sections.letters == LetterPolicy::on_decision && !a.decision)) {
      const auto last = told.find(urn);
      letter = letter_due(a, last == told.end() ? std::nullopt : std::optional(last->second), !a.decision);
    }
    if (each) each(run, a);
    if (each && letter) letters.push_back({std::move(a), std::move(*letter)});
    else if (letter) letters.push_back({a, std::move(*letter)});
    if (!each) {
      run.schools.push_back(std::move(a));
    } else if (!letter) {
      // Given back, for judge_schools to free on the thread that judged it:
      // memory one thread allocated, freed by another as it allocates, makes them wait on each other.
      judged.out.reasons = std::move(a.reasons);
      judged.out.ratings = std::move(a.ratings);
      judged.recorded = std::move(a.recorded);
    }
  });
  evidence.reset();  // every view of it is gone with its block of schools
  if (!failures.empty()) {
    std::string msg = "the " + policy.regime() + " regime could not assess a school, so it stopped there; nothing was stored:";
    for (auto& f : failures) msg += "\n  " + f;
    throw InputError(Location{policy_file.string()}, msg);
  }
  if (opt.dry_run) {
    if (opt.plan_preview) {
      if (auto body = planning::body_rules(regime, policy, school_infos(db, urns)); !body.rules.empty()) rule_sets.add(body);
      rule_sets.plan_from(from);
      PlanOptions options;
      options.workload = planning::workload(sections, urns);
      std::vector<std::string> unmet;
      run.preview = plan_year_compact(cal, opt.body_id, year, rule_sets, options, &unmet).activities();
      for (auto& w : planning::workload_warnings(unmet)) run.warnings.push_back(std::move(w));
      run.planned_from = from.to_string();
    }
    return run;
  }

  if (plans) {
    if (auto body = planning::body_rules(regime, policy, school_infos(db, urns)); !body.rules.empty()) rule_sets.add(body);
    rule_sets.plan_from(from);
    // What is anchored on a done or moved activity is dated from when it was held, or is now to be held.
    PlanOptions stored = stored_plan_options(db, opt.body_id, year.to_string());
    stored.workload = planning::workload(sections, urns);
    std::vector<std::string> unmet;
    const auto plan = plan_year_compact(cal, opt.body_id, year, rule_sets, stored, &unmet);
    // What is stored next needs the room.
    rule_sets = RuleSets{};
    stored = PlanOptions{};
    for (auto& w : planning::workload_warnings(unmet)) run.warnings.push_back(std::move(w));
    run.replan = replan(db, clock, opt.body_id, year.to_string(), plan,
                        {std::nullopt, from, "re-assessed for " + opt.period.to_string() + " on " + from.to_string() +
                                                " under " + policy.regime() + " policy " + policy.version(),
                         sections.met_when_dropped});
    run.activities_planned = plan.size();
    run.planned_from = from.to_string();
  }

  // Letters to heads, in the outbox with the assessments; written out only on request (`trellis letters`).
  LetterContext context =
      letter_context(find_body(db, opt.body_id)->name, policy.view(), made_on.to_string(), description);
  for (auto& [a, l] : letters) {
    // A decided school's letter is dated with its decision.
    context.today = a.decision && !a.decision->on.empty() ? a.decision->on : made_on.to_string();
    context.steps = letter_steps(db, context, sections, a);
    l.text = letter_text(a, l, context);
    run.letters.push_back(store_letter(db, clock, std::move(l)));
  }
  letters.clear();
  // The audit row comes last, so that what the run changed (re-plan, letters) is in the row's hash;
  // the assessments then name the row.
  const auto audit = record_audit(db, by, clock,
                                  {"assess",
                                   opt.body_id + " " + opt.period.to_string() + ": " +
                                       std::to_string(changes.schools) + " schools under " + policy.regime() + " " +
                                       policy.version(),
                                   policy.hash(), opt.body_id, std::nullopt,
                                   assess_changes(run, changes, opt.period.to_string()).dump()});
  db.assessments().set_audit(assessment_ids, audit);
  tx->commit();
  return run;
}

}  // namespace

AssessRun assess_body(Database& db, PluginHost& host, const Actor& by, const Clock& clock, const AssessOptions& opt) {
  return assess(db, host, by, clock, opt, {});
}

AssessRun assess_each(Database& db, PluginHost& host, const Actor& by, const Clock& clock, const AssessOptions& opt,
                      const SchoolSink& each) {
  if (opt.plan_preview || !each)
    throw std::invalid_argument("assess_each: a run without a plan preview, handing each school somewhere");
  return assess(db, host, by, clock, opt, each);
}

}  // namespace trellis
