// What each person may read (views.hpp): the role rules, and the reads that apply them.
#include "trellis/views.hpp"

#include <algorithm>
#include <map>
#include <filesystem>
#include <set>

#include <nlohmann/json.hpp>

#include "trellis/bodies.hpp"
#include "trellis/error.hpp"
#include "trellis/people.hpp"
#include "trellis/schedule/store.hpp"
#include "trellis/store/assessment_repository.hpp"
#include "trellis/store/audit.hpp"
#include "trellis/store/body_repository.hpp"

namespace trellis {
namespace {

bool of_body(const Actor& a, const std::string& body) { return a.body.empty() || a.body == body; }

/// A board member's report: the reported stage only. Other stages' columns go,
/// and with them every comparison of one stage with another.
void keep_reported_stage(Report& r) {
  r.differences.clear();
  for (auto& area : r.areas) {
    const auto at = std::find(area.stages.begin(), area.stages.end(), r.reported_stage);
    if (at == area.stages.end()) {
      area.stages.clear();
      area.stage_labels.clear();
      for (auto& s : area.schools) s.ratings.clear();
      continue;
    }
    const auto i = static_cast<std::size_t>(at - area.stages.begin());
    area.stages = {area.stages[i]};
    area.stage_labels = {area.stage_labels[i]};
    for (auto& s : area.schools)
      for (auto& rt : s.ratings) {
        rt.levels = {rt.levels.size() > i ? rt.levels[i] : SharedText()};
        rt.against_self = AgainstSelf::none;
      }
  }
  r.self_stage.clear();
  for (auto& s : r.schools) s.assessment.recorded.clear();
}

/// The same for a comparison: each policy's recorded and own ratings at its regime's reported stage only.
void keep_reported_stage(CompareRun& run, PluginHost& host) {
  for (auto& p : run.policies) {
    std::string reported;
    try {
      reported = host.description(p.regime).reported_stage;
    } catch (const std::exception&) {
      // No plugin for it: no stage is known to be the reported one, so none is kept.
    }
    const auto other_stage = [&](const sdk::RatingOut& rt) { return reported.empty() || rt.stage != reported; };
    for (auto& s : p.run.schools) {
      std::erase_if(s.recorded, other_stage);
      std::erase_if(s.ratings, other_stage);
    }
  }
}

}  // namespace

bool may_read_body(const Actor& a, const std::string& body) {
  switch (a.role) {
    case Role::admin: return true;
    case Role::officer: case Role::board: case Role::verifier: case Role::viewer: return of_body(a, body);
    case Role::head: return false;
  }
  return false;
}

bool may_read_school(const Actor& a, const std::string& body, std::int64_t urn) {
  if (a.role == Role::head) return a.school == urn;
  return may_read_body(a, body);
}

bool reported_stage_only(const Actor& a) { return a.role == Role::board; }

void refuse_read(Database& db, const Actor& a, const Clock& clock, const std::string& body,
                 std::optional<std::int64_t> urn, const std::string& what) {
  {
    Transaction tx(db);
    record_audit(db, a, clock,
                 {"read refused", describe(a) + " asked to " + what, "", body, urn,
                  nlohmann::json{{"refused", what}}.dump()});
    tx.commit();
  }
  const std::string who_may = a.role == Role::head ? "a head reads their own school only"
                                                   : "an admin, or a person of " + body + ", may";
  throw NotPermitted(describe(a) + ", acting as \"" + a.id + "\", may not " + what + "; " + who_may);
}

void require_read(Database& db, const Actor& a, const Clock& clock, const std::string& body,
                  std::optional<std::int64_t> urn, const std::string& doing) {
  if (urn ? may_read_school(a, body, *urn) : may_read_body(a, body)) return;
  refuse_read(db, a, clock, body, urn,
              doing + " " + (urn ? "school " + std::to_string(*urn) + " of " : std::string()) + body);
}

std::vector<std::string> readable_bodies(Database& db, const Actor& a, const std::string& today) {
  std::vector<std::string> out;
  for (const auto& b : list_bodies(db, today))
    if (may_read_body(a, b.body.id) || (a.role == Role::head && a.school && db.bodies().ever_member(b.body.id, *a.school)))
      out.push_back(b.body.id);
  return out;
}

std::vector<Period> assessed_periods(Database& db, const std::string& body, const std::string& today) {
  std::set<Period> periods;
  for (const auto& a : db.assessments().for_schools(db.bodies().members_on(body, today), body))
    if (auto p = Period::try_parse(a.period)) periods.insert(*p);
  return {periods.begin(), periods.end()};
}

Report read_body_report(Database& db, PluginHost& host, const Actor& a, const Clock& clock, const std::string& body,
                        const Period& period, std::optional<Date> today) {
  require_body(db, body);
  if (!may_read_body(a, body)) refuse_read(db, a, clock, body, std::nullopt, "read the report of " + body);
  Report r = build_report(db, host, body, period, today);
  if (reported_stage_only(a)) keep_reported_stage(r);
  return r;
}

SchoolView read_school(Database& db, PluginHost& host, const Actor& a, const Clock& clock, std::int64_t urn,
                       const std::optional<std::string>& body, const std::optional<Period>& period, Date today) {
  const auto school = find_school(db, urn);
  if (!school)
    throw UsageError("school URN " + std::to_string(urn) + " is not in the register", Field::school,
                     Remedy::see_schools());
  SchoolView v;
  v.school = *school;
  v.history = school_history(db, host, urn);
  // Read as: the body asked for, else the person's own, else the school's newest.
  if (body) v.body = *body;
  else if (!a.body.empty() && db.bodies().ever_member(a.body, urn)) v.body = a.body;
  else if (v.history.current_body) v.body = *v.history.current_body;
  if (v.body.empty() || !db.bodies().ever_member(v.body, urn)) {
    if (!may_read_school(a, v.body, urn)) refuse_read(db, a, clock, v.body, urn, "read school " + std::to_string(urn));
    throw UsageError("school " + std::to_string(urn) + " has never been a member of " +
                         (v.body.empty() ? std::string("any body") : v.body),
                     Field::school);
  }
  if (!may_read_school(a, v.body, urn))
    refuse_read(db, a, clock, v.body, urn, "read school " + std::to_string(urn) + " of " + v.body);
  const std::string date = today.to_string();
  v.history = school_history(db, host, urn, HistoryViewer{v.body, date});
  for (const auto& p : db.assessments().latest_per_period(v.body, urn))
    if (auto parsed = Period::try_parse(p.period)) v.periods.push_back(*parsed);
  std::sort(v.periods.begin(), v.periods.end());
  v.period = period ? *period : v.periods.empty() ? Period::year(today.year() - (today.month() < 9 ? 1 : 0))
                                                  : v.periods.back();
  const bool board = reported_stage_only(a);
  if (std::find(v.periods.begin(), v.periods.end(), v.period) != v.periods.end()) {
    Report r = build_report(db, host, v.body, v.period, today);
    if (board) keep_reported_stage(r);
    v.reported_stage = r.reported_stage;
    v.words = r.words;
    for (auto& s : r.schools)
      if (s.assessment.urn == urn) v.line = s;
    r.activities.each([&](const ReportActivity& act) {
      if (act.urn == urn) v.activities.push_back(act);
    });
    // The newest of each subject at each stage (a later one supersedes it), in the order first recorded.
    std::map<std::pair<std::string, std::string>, std::size_t> at;
    for (auto& rt : ratings_for(db, v.body, r.assessed_period)) {
      if (rt.urn != urn || (board && rt.stage != r.reported_stage)) continue;
      const auto [it, added] = at.try_emplace({rt.subject, rt.stage}, v.ratings.size());
      if (added) v.ratings.push_back(rt);
      else v.ratings[it->second] = rt;
    }
  }
  v.evidence = evidence_for(db, urn, {.period = std::nullopt, .include_superseded = false});
  v.notes = list_notes(db, {.body = v.body, .urn = urn});
  if (board)  // the board sees judgements at its stage: other stages' ratings leave the history too
    std::erase_if(v.history.events, [](const HistoryEvent& e) { return e.kind == "rating"; });
  return v;
}

std::vector<Activity> read_calendar(Database& db, const Actor& a, const Clock& clock, const std::string& body,
                                   const std::string& year, std::optional<std::int64_t> urn) {
  require_body(db, body);
  require_read(db, a, clock, body, urn, "read the calendar of");
  auto activities = load_activities(db, body, year);
  if (urn) std::erase_if(activities, [&](const Activity& act) { return act.urn != urn; });
  return activities;
}

std::vector<Adoption> comparable_policies(Database& db, const std::string& body, const Period& period,
                                          const std::string& today) {
  const BodyPeriod in_force = body_period(db, body, period);
  std::set<std::filesystem::path> seen;
  if (in_force.adoption) seen.insert(in_force.adoption->policy_path);
  std::vector<Adoption> out;
  const auto add = [&](const std::string& id) {
    for (auto& a : db.bodies().adoptions(id))
      if (seen.insert(a.policy_path).second) out.push_back(std::move(a));
  };
  add(body);
  for (const auto& b : list_bodies(db, today))
    if (b.body.id != body) add(b.body.id);
  return out;
}

CompareRun read_compare(Database& db, PluginHost& host, const Actor& a, const Clock& clock,
                        const CompareOptions& options) {
  require_body(db, options.body_id);
  require_read(db, a, clock, options.body_id, options.only, "compare frameworks for");
  CompareRun run = compare_policies(db, host, clock, options);
  if (reported_stage_only(a)) keep_reported_stage(run, host);
  return run;
}

}  // namespace trellis
