#include "trellis/school_history.hpp"

#include <algorithm>
#include <map>

#include "trellis/adoption.hpp"
#include "trellis/bodies.hpp"
#include "trellis/decision.hpp"
#include "trellis/error.hpp"
#include "trellis/json_optional.hpp"
#include "trellis/policy.hpp"
#include "trellis/store/school_repository.hpp"
#include "trellis/switch_policy.hpp"

namespace trellis {
namespace {

std::string day_of(const std::string& timestamp) { return timestamp.substr(0, 10); }

/// The stages that decide under each regime, from its plugin when it loads.
class DecidingStages {
 public:
  explicit DecidingStages(PluginHost& host) : host_(host) {}
  bool decides(const std::optional<std::string>& regime, const std::string& stage) {
    const std::string id = regime.value_or("");
    auto it = cache_.find(id);
    if (it == cache_.end()) {
      std::vector<std::string> stages = generic_deciding_stages();
      try {
        if (!id.empty()) stages = deciding_stages(host_.description(id));
      } catch (const std::exception&) {  // a regime no longer installed: the generic stages
      }
      it = cache_.emplace(id, std::move(stages)).first;
    }
    return std::find(it->second.begin(), it->second.end(), stage) != it->second.end();
  }

 private:
  PluginHost& host_;
  std::map<std::string, std::vector<std::string>> cache_;
};

void add_memberships(SchoolHistory& h) {
  for (const auto& m : h.memberships) {
    h.events.push_back({m.from, "joined", m.body_id, {}, {}, {}, {}, {}, {}, "joined " + m.body_name, {}});
    if (m.to) h.events.push_back({*m.to, "left", m.body_id, {}, {}, {}, {}, {}, {}, "left " + m.body_name + " (last day)", {}});
  }
}

void add_adoptions(Database& db, SchoolHistory& h) {
  for (const auto& m : h.memberships)
    for (const auto& span : adoption_history(db, m.body_id)) {
      const auto& a = span.adoption;
      if ((m.to && a.from_date > *m.to) || (span.to && *span.to < m.from)) continue;  // not while a member
      AdoptionInForce in{m.body_id, a.regime, a.version, a.policy_path.string(), std::max(a.from_date, m.from),
                         !span.to ? m.to : !m.to ? span.to : std::optional(std::min(*span.to, *m.to))};
      h.events.push_back({in.from, "adopted", m.body_id, a.regime, {}, {}, {}, {}, {},
                          m.body_id + " works under " + a.regime + " policy " + a.version +
                              (in.from == a.from_date ? "" : " (adopted " + a.from_date + ")"),
                          {}});
      h.adoptions.push_back(std::move(in));
    }
}

void add_judgements(Database& db, PluginHost& host, std::int64_t urn, SchoolHistory& h) {
  for (const auto& a : db.timeline().assessments(urn)) {
    std::string summary = a.period + ": " + a.level + " under " + a.regime + " " + a.policy_version;
    if (a.prior_regime)
      summary += "; first assessment under " + a.regime + " (was " + a.prior_level.value_or("?") + " under " +
                 *a.prior_regime + ")";
    else if (a.previous_level && *a.previous_level != a.level)
      summary += " (was " + *a.previous_level + ")";
    if (a.made_on && *a.made_on != day_of(a.assessed_at)) summary += " (stored " + day_of(a.assessed_at) + ")";
    h.events.push_back({a.made_on.value_or(day_of(a.assessed_at)), "assessment", a.body_id, a.regime, a.period, a.level, {}, a.who,
                        a.reasons.empty() ? std::nullopt : std::optional(a.reasons.front()), summary, {}});
  }
  DecidingStages deciding(host);
  for (const auto& r : db.timeline().recorded_ratings(urn)) {
    const bool decision = r.subject == "overall" && deciding.decides(r.regime, r.stage);
    h.events.push_back({r.decided_on.value_or(day_of(r.set_at)), decision ? "decision" : "rating", r.body_id, r.regime,
                        r.period, r.level, r.stage, r.set_by, r.rationale,
                        r.period + ": " + r.subject + " " + r.level + " (" + r.stage + ") by " + r.set_by, {}});
  }
  for (const auto& r : db.timeline().reviews(urn)) {
    std::string summary = "review asked by " + r.requested_by + ": " + r.status;
    if (r.outcome_level) summary += ", " + *r.outcome_level;
    if (r.outcome_by) summary += " by " + *r.outcome_by;
    h.events.push_back({day_of(r.requested_at), "review", r.body_id, {}, r.period, r.outcome_level, r.status,
                        r.requested_by, r.outcome_rationale ? r.outcome_rationale : std::optional(r.reason), summary, {}});
  }
}

void add_activities(Database& db, std::int64_t urn, SchoolHistory& h) {
  for (const auto& a : db.timeline().activities(urn)) {
    std::optional<std::string> why = a.reason;
    if (!why && a.note) why = a.note;
    h.events.push_back({a.done_on.value_or(a.start), "activity", a.body_id, {}, {}, {}, a.status, {}, why,
                        a.type + " " + a.title + ": " + a.status + (a.done_on ? " on " + *a.done_on : ""), {}});
  }
  for (const auto& n : db.timeline().notes(urn))
    h.events.push_back({day_of(n.created_at), "note", n.body_id, {}, {}, {}, n.status, n.author, n.text,
                        "note " + std::to_string(n.id) + " on activity " + std::to_string(n.activity_id) + ": " +
                            n.status,
                        {}});
}

bool membership_fact(const HistoryEvent& e) { return e.kind == "joined" || e.kind == "left" || e.kind == "adopted"; }

/// "before" or "after" the school joined `body` (its newest membership of it), for what was recorded.
void tag_joining(SchoolHistory& h, const std::string& body) {
  std::optional<std::string> joined;
  for (const auto& m : h.memberships)
    if (m.body_id == body && (!joined || *joined < m.from)) joined = m.from;
  h.current_body = body;
  if (!joined) return;
  for (auto& e : h.events)
    if (!membership_fact(e)) e.joining = e.date < *joined ? "before" : "after";
}

/// The body's own records, the membership facts, and (where its policy allows) other bodies' earlier judgements.
void keep_what_body_sees(Database& db, SchoolHistory& h, const HistoryViewer& viewer) {
  bool earlier = false;
  if (auto a = adoption_on(db, viewer.body_id, viewer.today))
    earlier = Policy::load(a->policy_path).view().flag("history.earlier_bodies").value_or(false);
  const auto judgement = [](const HistoryEvent& e) {
    return e.kind == "assessment" || e.kind == "decision" || e.kind == "rating" || e.kind == "review";
  };
  std::erase_if(h.events, [&](const HistoryEvent& e) {
    if (membership_fact(e) || e.body_id == viewer.body_id) return false;
    return !(earlier && judgement(e) && e.joining == "before");
  });
}

}  // namespace

SchoolHistory school_history(Database& db, PluginHost& host, std::int64_t urn,
                             const std::optional<HistoryViewer>& viewer) {
  if (viewer) require_body(db, viewer->body_id);
  auto school = db.schools().find(urn);
  if (!school)
    throw UsageError("school URN " + std::to_string(urn) + " is not in the register", Field::school,
                     Remedy::see_schools());
  SchoolHistory h;
  h.school = *school;
  h.memberships = db.timeline().memberships(urn);
  add_memberships(h);
  add_adoptions(db, h);
  add_judgements(db, host, urn, h);
  add_activities(db, urn, h);
  if (viewer) {
    tag_joining(h, viewer->body_id);
    keep_what_body_sees(db, h, *viewer);
  } else if (!h.memberships.empty()) {
    const auto newest = std::max_element(h.memberships.begin(), h.memberships.end(),
                                         [](const auto& a, const auto& b) { return a.from < b.from; });
    tag_joining(h, newest->body_id);
  }
  std::stable_sort(h.events.begin(), h.events.end(), [](const auto& a, const auto& b) { return a.date < b.date; });
  return h;
}

nlohmann::json to_json(const SchoolHistory& h) {
  auto memberships = nlohmann::json::array();
  for (const auto& m : h.memberships)
    memberships.push_back({{"body", m.body_id}, {"name", m.body_name}, {"from", m.from}, {"to", or_null(m.to)}});
  auto adoptions = nlohmann::json::array();
  for (const auto& a : h.adoptions)
    adoptions.push_back({{"body", a.body_id}, {"regime", a.regime}, {"version", a.version}, {"policy", a.policy_path},
                         {"from", a.from}, {"to", or_null(a.to)}});
  auto events = nlohmann::json::array();
  for (const auto& e : h.events)
    events.push_back({{"date", e.date}, {"kind", e.kind}, {"body", e.body_id}, {"regime", or_null(e.regime)},
                      {"period", or_null(e.period)}, {"level", or_null(e.level)}, {"status", or_null(e.status)},
                      {"who", or_null(e.who)}, {"why", or_null(e.why)}, {"summary", e.summary},
                      {"joining", or_null(e.joining)}});
  return {{"urn", h.school.urn},     {"name", h.school.name},       {"memberships", memberships},
          {"adoptions", adoptions},  {"current_body", or_null(h.current_body)}, {"events", events}};
}

}  // namespace trellis
