// The activities' domain rules: re-planning, the lifecycle and lateness. The
// store (db.activities()) keeps them and raises their SEQUENCE.
#include "trellis/schedule/store.hpp"

#include <algorithm>
#include <functional>
#include <set>
#include <stdexcept>
#include <string_view>
#include <unordered_map>

#include "trellis/error.hpp"
#include "trellis/period.hpp"
#include "trellis/store/activity_repository.hpp"

namespace trellis {
namespace {

/// The note on an activity that a re-plan cancelled: only those are planned
/// again when a later plan has them back (a person's cancellation stands).
constexpr const char* kCancelledByReplan = "cancelled by re-planning";

std::optional<std::string> opt_text(const std::string& s) { return s.empty() ? std::nullopt : std::optional(s); }

Activity require(Database& db, std::int64_t id) {
  auto a = find_activity(db, id);
  if (!a) throw UsageError("no activity with id " + std::to_string(id), Remedy::see_activities());
  return *a;
}

[[noreturn]] void refuse(const Activity& a, const std::string& why, Field field = Field::none, Remedy remedy = {}) {
  throw InputError(Location{"activity " + std::to_string(*a.id) + " (" + a.title + ")"}, why, field, std::move(remedy));
}

void require_reason(const std::string& reason, const char* what) {
  if (reason.find_first_not_of(" \t\r\n") == std::string::npos)
    throw UsageError(std::string("a reason is required to ") + what + " an activity");
}

/// What a calendar shows of an activity: a change to any of it raises SEQUENCE.
bool same_content(const Activity& a, const Activity& b) {
  return a.type == b.type && a.title == b.title && a.start == b.start && a.end == b.end && a.due == b.due &&
         a.attendees == b.attendees && a.documents == b.documents;
}

/// "Minutes distributed (meeting on 2025-05-22)" with the anchor's new date.
std::string retitle(const std::string& title, Date anchor) {
  const std::string::size_type n = title.size();
  if (n < 16 || title.compare(n - 15, 4, " on ") != 0 || title.back() != ')' ||
      !Date::try_parse(std::string_view(title).substr(n - 11, 10)))
    return title;
  return title.substr(0, n - 11) + anchor.to_string() + ")";
}

/// Re-dates the planned activities anchored on `uid` from the days the anchor
/// now takes (`anchor`), as the planner dates them, and theirs from them in
/// turn; with `after_only`, only those after the anchor (it was held: what
/// was due before it stays as it was). Each that changes gets SEQUENCE + 1
/// and is added to `changed`.
void redate_followers(Database& db, const std::string& at, const AcademicCalendar& cal, const std::string& uid, DateRange anchor,
                      bool after_only, std::vector<Activity>& changed, std::set<std::string>& seen) {
  if (!seen.insert(uid).second) return;
  for (Activity f : db.activities().followers(uid)) {
    if (f.status != ActivityStatus::planned || !f.offset_days || !f.day_kind) continue;
    if (after_only && *f.offset_days < 0) continue;
    const int off = *f.offset_days;
    Activity g = f;
    if (off < 0) {
      const Date d = offset_date(cal, anchor.first, off, *f.day_kind);
      g.start = g.end = d;
      if (g.due) g.due = d;
    } else {
      const Date d = offset_date(cal, anchor.last, off, *f.day_kind);
      const bool window = f.due || f.start != f.end;  // from the anchor to its deadline, as after/within plan it
      g.start = window ? anchor.last : d;
      g.end = d;
      if (g.due) g.due = d;
    }
    g.title = retitle(f.title, anchor.first);
    if (same_content(f, g)) continue;
    db.activities().rewrite(*f.id, g, ActivityStatus::planned, opt_text(f.reason), opt_text(f.note), at);
    g.sequence = f.sequence + 1;
    changed.push_back(g);
    redate_followers(db, at, cal, g.uid, {g.start, g.end}, false, changed, seen);
  }
}

/// A plan held as activities, as replan reads it.
class ActivityPlan {
 public:
  ActivityPlan(const std::vector<Activity>& plan, const ReplanScope& scope) : plan_(plan) {
    // Keys view the plan's own UIDs; the first in scope wins, as it is the one added.
    if (!scope.urn) at_.reserve(plan.size());
    for (std::size_t i = 0; i < plan.size(); ++i)
      if ((!scope.urn || plan[i].urn == scope.urn) && scope.from <= plan[i].start) at_.emplace(plan[i].uid, i);
  }
  std::size_t size() const { return plan_.size(); }
  std::optional<std::int64_t> urn(std::size_t i) const { return plan_[i].urn; }
  Date start(std::size_t i) const { return plan_[i].start; }
  const Activity& activity(std::size_t i) const { return plan_[i]; }
  std::optional<std::size_t> find(std::string_view uid) const {
    const auto it = at_.find(uid);
    return it == at_.end() ? std::nullopt : std::optional(it->second);
  }
  /// False for a repeat of a UID met earlier in scope: only the first is written.
  bool first_of_uid(std::size_t i) const { return find(plan_[i].uid) == i; }
  void row(std::size_t i, NewActivity& out, std::string&, std::string&) const { out = new_activity(plan_[i]); }
  bool same_content(std::size_t i, const Activity& a) const { return trellis::same_content(a, plan_[i]); }
  bool same_anchor(std::size_t i, const Activity& a) const {
    const Activity& n = plan_[i];
    return a.anchor_uid == n.anchor_uid && a.offset_days == n.offset_days && a.day_kind == n.day_kind;
  }

 private:
  const std::vector<Activity>& plan_;
  std::unordered_map<std::string_view, std::size_t> at_;
};

/// The re-plan itself (see store.hpp), over either kind of plan; what it writes
/// it takes from the plan one activity at a time.
template <class Plan>
ReplanSummary replan_with(Database& db, const std::string& at, const std::string& body, const std::string& year,
                          const Plan& plan, const ReplanScope& scope) {
  // The new plan within the scope, from `from` on: what is still to be written.
  std::vector<char> wanted(plan.size());
  for (std::size_t i = 0; i < plan.size(); ++i)
    wanted[i] = (!scope.urn || plan.urn(i) == scope.urn) && scope.from <= plan.start(i) && plan.first_of_uid(i);

  ActivityRepository& activities = db.activities();
  // Schools the new plan still plans for: only there is a dropped submission received (one that left is not).
  std::set<std::int64_t> still_planned;
  for (std::size_t i = 0; i < plan.size(); ++i)
    if (auto urn = plan.urn(i)) still_planned.insert(*urn);

  // The stored year is read one activity at a time and what to do with each
  // noted; the writes follow the read (a national year is most of a million).
  enum class Step { reinstate, meet, cancel, anchor, rewrite };
  constexpr std::size_t none = static_cast<std::size_t>(-1);
  struct Write {
    std::int64_t id;
    Step step;
    std::size_t now;  ///< in the plan
    std::optional<std::string> reason;  ///< kept on a rewrite
  };
  std::vector<Write> writes;
  ReplanSummary sum;
  activities.each_in_scope(body, year, scope.urn, [&](const Activity& old) {
    std::size_t now = none;
    if (const auto i = plan.find(old.uid); i && wanted[*i]) {
      now = *i;
      wanted[now] = 0;  // stored already: never written twice
    }
    if (old.status == ActivityStatus::cancelled && now != none && old.note == kCancelledByReplan) {
      writes.push_back({*old.id, Step::reinstate, now, std::nullopt});
      ++sum.reinstated;
    } else if (old.status != ActivityStatus::planned || old.start < scope.from) {
      ++sum.kept;
    } else if (now == none && old.urn && still_planned.count(*old.urn) &&
               std::any_of(scope.met_when_dropped.begin(), scope.met_when_dropped.end(),
                           [&](const std::string& p) { return !p.empty() && old.rule.rfind(p, 0) == 0; })) {
      writes.push_back({*old.id, Step::meet, none, std::nullopt});
      ++sum.met;
    } else if (now == none) {
      writes.push_back({*old.id, Step::cancel, none, std::nullopt});
      ++sum.cancelled;
    } else if (plan.same_content(now, old)) {
      // Left as it is; only the record of what it is dated from is filled in
      // (activities stored before they had one), which no calendar sees.
      if (!plan.same_anchor(now, old)) writes.push_back({*old.id, Step::anchor, now, std::nullopt});
      ++sum.unchanged;
    } else {
      writes.push_back({*old.id, Step::rewrite, now, opt_text(old.reason)});
      ++sum.updated;
    }
  });
  for (const Write& w : writes) {
    switch (w.step) {
      case Step::reinstate:
        activities.rewrite(w.id, plan.activity(w.now), ActivityStatus::planned, "reinstated: " + scope.reason,
                           std::nullopt, at);
        break;
      case Step::meet:
        activities.set_done(w.id, scope.from, "received by " + scope.from.to_string() + " (" + scope.reason + ")",
                            false, at);
        break;
      case Step::cancel:
        activities.set_status(w.id, ActivityStatus::cancelled, scope.reason, kCancelledByReplan, at);
        break;
      case Step::anchor: activities.set_anchor(w.id, plan.activity(w.now)); break;
      case Step::rewrite:
        activities.rewrite(w.id, plan.activity(w.now), ActivityStatus::planned, w.reason, std::nullopt, at);
        break;
    }
  }

  std::vector<std::size_t> added;  // in the plan's order, so ids follow the dates
  for (std::size_t i = 0; i < plan.size(); ++i)
    if (wanted[i]) added.push_back(i);
  sum.added = static_cast<int>(added.size());
  // Each row viewed where the plan holds it: a national year is never made into activities.
  std::string uid, anchor;
  activities.add_rows(added.size(), [&](std::size_t k, NewActivity& row) { plan.row(added[k], row, uid, anchor); }, at);
  return sum;
}

}  // namespace

ReplanSummary replan(Database& db, const Clock& clock, const std::string& body, const std::string& year,
                     const std::vector<Activity>& plan, const ReplanScope& scope) {
  for (const auto& a : plan)
    if (a.body != body || a.year != year)
      throw std::invalid_argument("replan for " + body + " " + year + " given an activity for " + a.body + " " +
                                  a.year);
  return replan_with(db, clock.timestamp(), body, year, ActivityPlan(plan, scope), scope);
}

ReplanSummary replan(Database& db, const Clock& clock, const std::string& body, const std::string& year,
                     const PlannedYear& plan, const ReplanScope& scope) {
  if (plan.body() != body || plan.year() != year)
    throw std::invalid_argument("replan for " + body + " " + year + " given a plan for " + plan.body() + " " +
                                plan.year());
  return replan_with(db, clock.timestamp(), body, year, plan, scope);
}

ReplanSummary replan(Database& db, const Clock& clock, const std::string& body, const std::string& year,
                     const std::vector<Activity>& plan) {
  const Period p = Period::parse(year);
  return replan(db, clock, body, year, plan, {std::nullopt, Date::from_ymd(p.start_year(), 9, 1), "re-planned", {}});
}

std::map<std::string, Date> held_activities(Database& db, const std::string& body, const std::string& year) {
  return db.activities().held(body, year);
}

std::string to_text(const ReplanSummary& s) {
  std::string out;
  auto part = [&](int n, const char* what) {
    if (n) out += (out.empty() ? "" : ", ") + std::to_string(n) + " " + what;
  };
  part(s.added, "added");
  part(s.updated, "re-dated");
  part(s.reinstated, "reinstated");
  part(s.cancelled, "cancelled (each with the reason)");
  part(s.met, "done (what they asked for has come in)");
  part(s.unchanged, "unchanged");
  if (out.empty()) out = "nothing to change";
  if (s.kept) out += "; " + std::to_string(s.kept) + " kept as they were (done, moved, earlier, or cancelled by a person)";
  return out;
}

PlanOptions stored_plan_options(Database& db, const std::string& body, const std::string& year) {
  PlanOptions o{held_activities(db, body, year), moved_activities(db, body, year), {}, {}, {}};
  // One at a time: a national year's are most of a million (issue 18).
  db.activities().planned(body, year, [&](const PlannedStart& p) {
    o.planned.add(p.uid, p.start);
    if (p.urn) o.planned_days[*p.urn].push_back(p.start);
  });
  for (auto& [urn, days] : o.planned_days) {
    std::sort(days.begin(), days.end());
    days.erase(std::unique(days.begin(), days.end()), days.end());
  }
  return o;
}

std::map<std::string, DateRange> moved_activities(Database& db, const std::string& body, const std::string& year) {
  return db.activities().moved(body, year);
}

std::vector<Activity> load_activities(Database& db, const std::string& body, const std::string& year) {
  return db.activities().list(body, year);
}

void each_activity(Database& db, const std::string& body, const std::string& year, std::optional<Date> late_on,
                   int passes, const std::function<void(int, const Activity&)>& fn) {
  db.activities().each(body, year, late_on, passes, ActivityColumns::all, fn);
}

void each_activity(Database& db, const std::string& body, const std::string& year, std::optional<Date> late_on,
                   int passes, ActivityColumns columns, const std::function<void(int, const Activity&)>& fn) {
  db.activities().each(body, year, late_on, passes, columns, fn);
}

std::int64_t count_activities(Database& db, const std::string& body, const std::string& year) {
  return db.activities().count(body, year);
}

std::optional<Activity> find_activity(Database& db, std::int64_t id) { return db.activities().find(id); }

ActivityChange mark_done(Database& db, const Clock& clock, const AcademicCalendar& cal, std::int64_t id, Date on, const std::string& note,
                         Date today, bool force) {
  Activity a = require(db, id);
  const std::string at = clock.timestamp();
  const std::string day = on.to_string();
  if (a.status == ActivityStatus::cancelled)
    refuse(a, "it was cancelled (" + a.reason + "); a cancelled activity cannot be done");
  if (today < on) refuse(a, "the day it was done, " + day + ", is after today (" + today.to_string() + ")", Field::on);
  // An event cannot be held before it starts, nor a deadline met before its
  // window opens (minutes before the meeting); a plain due date may be met early.
  if ((!a.due || a.start < *a.due) && on < a.start) {
    if (a.due)
      refuse(a,
             "the day it was done, " + day + ", is before its window opens on " + a.start.to_string() +
                 (a.anchor_uid ? " (the day what it follows took place)" : ""),
             Field::on);
    refuse(a, "the day it was done, " + day + ", is before it was planned to start, on " + a.start.to_string(),
           Field::on, Remedy::move_first(*a.id));
  }
  if (on.is_weekend() && !force)
    refuse(a, "the day it was done, " + day + ", is a " + weekday_name(on.weekday()), Field::on, Remedy::insist());

  // An event held on another day than planned shows on that day in calendars (see ics.hpp): SEQUENCE + 1.
  const bool moved = !a.due && !(a.start <= on && on <= a.end);
  db.activities().set_done(id, on, opt_text(note), moved, at);
  a.sequence += moved ? 1 : 0;
  a.status = ActivityStatus::done;
  a.done_on = on;
  a.note = note;
  ActivityChange change{a, {}};
  std::set<std::string> seen;
  redate_followers(db, at, cal, a.uid, {on, on}, true, change.followers, seen);
  return change;
}

ActivityChange move_activity(Database& db, const Clock& clock, const AcademicCalendar& cal, std::int64_t id, Date to,
                             const std::string& reason, bool force) {
  Activity a = require(db, id);
  const std::string at = clock.timestamp();
  require_reason(reason, "move");
  const int year = std::stoi(a.year.substr(0, 4));
  const DateRange academic_year{Date::from_ymd(year, 9, 1), Date::from_ymd(year + 1, 8, 31)};
  if (!academic_year.contains(to) || !academic_year.contains(to + (a.end - a.start)))
    refuse(a, "it belongs to " + a.year + " (" + academic_year.first.to_string() + " to " +
                  academic_year.last.to_string() + "); " + to.to_string() + " is outside it");
  if (!force && !cal.is_working_day(to))
    refuse(a, to.to_string() + " is a " + (to.is_weekend() ? std::string(weekday_name(to.weekday())) : "bank holiday"),
           Field::to, Remedy::insist());
  if (a.status == ActivityStatus::done)
    refuse(a, "it was done on " + (a.done_on ? a.done_on->to_string() : std::string("?")) + "; it cannot be moved");
  if (a.status == ActivityStatus::cancelled) refuse(a, "it was cancelled (" + a.reason + "); it cannot be moved");
  if (a.start == to) refuse(a, "it already starts on " + to.to_string());
  const int shift = to - a.start;
  a.moved_from = a.start;
  a.start = a.start + shift;
  a.end = a.end + shift;
  if (a.due) a.due = *a.due + shift;
  a.reason = reason;
  db.activities().set_moved(a, at);
  a.status = ActivityStatus::moved;
  ++a.sequence;
  ActivityChange change{a, {}};
  std::set<std::string> seen;
  redate_followers(db, at, cal, a.uid, {a.start, a.end}, false, change.followers, seen);
  return change;
}

ActivityChange cancel_activity(Database& db, const Clock& clock, std::int64_t id, const std::string& reason) {
  const std::string at = clock.timestamp();
  Activity a = require(db, id);
  require_reason(reason, "cancel");
  if (a.status == ActivityStatus::done)
    refuse(a, "it was done on " + (a.done_on ? a.done_on->to_string() : std::string("?")) + "; it cannot be cancelled");
  if (a.status == ActivityStatus::cancelled) refuse(a, "it is already cancelled (" + a.reason + ")");
  db.activities().set_status(id, ActivityStatus::cancelled, reason, std::nullopt, at);
  a.status = ActivityStatus::cancelled;
  a.reason = reason;
  a.note.clear();
  ++a.sequence;
  ActivityChange change{a, {}};
  // What is dated from it (its agenda, its minutes) will not happen either.
  std::function<void(const Activity&)> cascade = [&](const Activity& anchor) {
    for (Activity f : db.activities().followers(anchor.uid)) {
      if (!to_happen(f.status)) continue;
      f.reason = "the " + anchor.type + " it belongs to (" + anchor.start.to_string() + ") was cancelled: " + reason;
      db.activities().set_status(*f.id, ActivityStatus::cancelled, f.reason, std::nullopt, at);
      f.status = ActivityStatus::cancelled;
      ++f.sequence;
      change.followers.push_back(f);
      cascade(f);
    }
  };
  cascade(a);
  return change;
}

ActivityChange mark_missed(Database& db, const Clock& clock, std::int64_t id, const std::string& reason, Date today) {
  const std::string at = clock.timestamp();
  Activity a = require(db, id);
  require_reason(reason, "mark missed");
  if (!to_happen(a.status))
    refuse(a, std::string("it is ") + status_name(a.status) + "; only a planned or moved activity can be missed");
  if (!(deadline_of(a) < today))
    refuse(a, "its day (" + deadline_of(a).to_string() + ") has not passed yet on " + today.to_string() +
                  "; move or cancel it instead");
  db.activities().set_status(id, ActivityStatus::missed, reason, opt_text(a.note), at);
  a.status = ActivityStatus::missed;
  a.reason = reason;
  ++a.sequence;
  return {a, {}};
}

std::optional<Overdue> lateness(const Activity& a, const AcademicCalendar& cal, Date today) {
  const Date deadline = deadline_of(a);
  if (!to_happen(a.status) || !(deadline < today)) return std::nullopt;
  return Overdue{a, deadline, today - deadline, cal.working_days_between(deadline, today)};
}

std::vector<Overdue> overdue(const std::vector<Activity>& activities, const AcademicCalendar& cal, Date today) {
  std::vector<Overdue> out;
  for (const auto& a : activities)
    if (auto late = lateness(a, cal, today)) out.push_back(std::move(*late));
  std::stable_sort(out.begin(), out.end(), [](const Overdue& x, const Overdue& y) { return x.deadline < y.deadline; });
  return out;
}

}  // namespace trellis
