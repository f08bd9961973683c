// Activities in the `activities` table. Attendees and documents are JSON
// arrays of strings; dates are ISO text, so SQL orders them correctly.
#include "trellis/schedule/store.hpp"

#include <algorithm>
#include <functional>
#include <nlohmann/json.hpp>
#include <set>
#include <stdexcept>

#include "trellis/error.hpp"
#include "trellis/period.hpp"
#include "trellis/store/audit.hpp"

namespace trellis {
namespace {

constexpr const char* kColumns =
    "a.id, a.uid, a.body_id, a.urn, a.year, a.type, a.title, a.start_date, a.end_date, a.due_date, a.rule, "
    "a.attendees, a.documents, a.assessment_id, a.status, a.done_on, a.note, s.name, a.reason, a.moved_from, "
    "a.sequence, a.anchor_uid, a.offset_days, a.day_kind";

/// The note on an activity that a re-plan cancelled: only those are planned
/// again when a later plan has them back (a person's cancellation stands).
constexpr const char* kCancelledByReplan = "cancelled by re-planning";

std::string to_json(const std::vector<std::string>& v) { return nlohmann::json(v).dump(); }

std::vector<std::string> from_json(const std::string& text) {
  return nlohmann::json::parse(text).get<std::vector<std::string>>();
}

Date db_date(const std::string& text) {
  std::string why;
  if (auto d = Date::try_parse(text, &why)) return *d;
  throw StoreError("a stored activity has a bad date: " + why);
}

std::optional<Date> opt_date(const std::optional<std::string>& s) {
  return s ? std::optional(db_date(*s)) : std::nullopt;
}

std::optional<std::string> opt_text(const std::optional<Date>& d) {
  return d ? std::optional(d->to_string()) : std::nullopt;
}

std::optional<std::string> opt_text(const std::string& s) { return s.empty() ? std::nullopt : std::optional(s); }

Activity read_row(const Statement& s) {
  Activity a;
  a.id = s.integer(0);
  a.uid = s.text(1);
  a.body = s.text(2);
  a.urn = s.opt_integer(3);
  a.year = s.text(4);
  a.type = s.text(5);
  a.title = s.text(6);
  a.start = db_date(s.text(7));
  a.end = db_date(s.text(8));
  a.due = opt_date(s.opt_text(9));
  a.rule = s.text(10);
  a.attendees = from_json(s.text(11));
  a.documents = from_json(s.text(12));
  a.assessment_id = s.opt_integer(13);
  a.status = parse_status(s.text(14));
  a.done_on = opt_date(s.opt_text(15));
  a.note = s.opt_text(16).value_or("");
  a.school = s.opt_text(17);
  a.reason = s.opt_text(18).value_or("");
  a.moved_from = opt_date(s.opt_text(19));
  a.sequence = static_cast<int>(s.integer(20));
  a.anchor_uid = s.opt_text(21);
  if (auto o = s.opt_integer(22)) a.offset_days = static_cast<int>(*o);
  if (auto k = s.opt_text(23)) a.day_kind = parse_day_kind(*k);
  return a;
}

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

/// Writes the plan's content (dates, title, people, papers, the rule and its
/// anchor) over stored activity `id`, with `status`, `reason` and `note`,
/// raising its SEQUENCE.
void overwrite(Database& db, const std::string& at, std::int64_t id, const Activity& a, const char* status,
               const std::optional<std::string>& reason, const std::optional<std::string>& note) {
  Statement s(db, R"(UPDATE activities SET type = ?, title = ?, start_date = ?, end_date = ?, due_date = ?, rule = ?,
                       attendees = ?, documents = ?, assessment_id = ?, anchor_uid = ?, offset_days = ?, day_kind = ?,
                       status = ?, reason = ?, note = ?, sequence = sequence + 1, changed_at = ? WHERE id = ?)");
  s.bind(1, a.type).bind(2, a.title).bind(3, a.start.to_string()).bind(4, a.end.to_string()).bind(5, opt_text(a.due));
  s.bind(6, a.rule).bind(7, to_json(a.attendees)).bind(8, to_json(a.documents)).bind(9, a.assessment_id);
  s.bind(10, a.anchor_uid).bind(11, a.offset_days);
  s.bind(12, a.day_kind ? std::optional(std::string(day_kind_name(*a.day_kind))) : std::nullopt);
  s.bind(13, status).bind(14, reason).bind(15, note).bind(16, at).bind(17, id).run();
}

/// Sets a stored activity's status and reason, raising its SEQUENCE.
void set_status(Database& db, const std::string& at, std::int64_t id, ActivityStatus status, const std::string& reason,
                const std::optional<std::string>& note) {
  Statement s(db, "UPDATE activities SET status = ?, reason = ?, note = ?, sequence = sequence + 1, changed_at = ? "
                  "WHERE id = ?");
  s.bind(1, status_name(status)).bind(2, reason).bind(3, note).bind(4, at).bind(5, id).run();
}

std::vector<Activity> followers_of(Database& db, const std::string& uid) {
  Statement s(db, std::string("SELECT ") + kColumns +
                      " FROM activities a LEFT JOIN schools s ON s.urn = a.urn WHERE a.anchor_uid = ?"
                      " ORDER BY a.start_date, a.id");
  s.bind(1, uid);
  std::vector<Activity> out;
  while (s.step()) out.push_back(read_row(s));
  return out;
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
  for (Activity f : followers_of(db, uid)) {
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
    overwrite(db, at, *f.id, g, "planned", opt_text(f.reason), opt_text(f.note));
    g.sequence = f.sequence + 1;
    changed.push_back(g);
    redate_followers(db, at, cal, g.uid, {g.start, g.end}, false, changed, seen);
  }
}

}  // namespace

ReplanSummary replan(Database& db, const Clock& clock, const std::string& body, const std::string& year,
                     const std::vector<Activity>& plan, const ReplanScope& scope) {
  const std::string at = clock.timestamp();
  for (const auto& a : plan)
    if (a.body != body || a.year != year)
      throw std::invalid_argument("replan for " + body + " " + year + " given an activity for " + a.body + " " +
                                  a.year);
  // The new plan within the scope, from `from` on, by UID.
  std::map<std::string, const Activity*> wanted;
  for (const auto& a : plan)
    if ((!scope.urn || a.urn == scope.urn) && scope.from <= a.start) wanted.emplace(a.uid, &a);

  std::string sql = std::string("SELECT ") + kColumns +
                    " FROM activities a LEFT JOIN schools s ON s.urn = a.urn WHERE a.body_id = ? AND a.year = ?";
  if (scope.urn) sql += " AND a.urn = ?";
  Statement q(db, sql + " ORDER BY a.id");
  q.bind(1, body).bind(2, year);
  if (scope.urn) q.bind(3, *scope.urn);
  std::vector<Activity> stored;
  while (q.step()) stored.push_back(read_row(q));

  ReplanSummary sum;
  Statement quiet(db, "UPDATE activities SET anchor_uid = ?, offset_days = ?, day_kind = ? WHERE id = ?");
  for (const Activity& old : stored) {
    const auto it = wanted.find(old.uid);
    const Activity* now = it == wanted.end() ? nullptr : it->second;
    if (now) wanted.erase(it);  // stored already: never written twice
    if (old.status == ActivityStatus::cancelled && now && old.note == kCancelledByReplan) {
      overwrite(db, at, *old.id, *now, "planned", "reinstated: " + scope.reason, std::nullopt);
      ++sum.reinstated;
    } else if (old.status != ActivityStatus::planned || old.start < scope.from) {
      ++sum.kept;
    } else if (!now) {
      set_status(db, at, *old.id, ActivityStatus::cancelled, scope.reason, kCancelledByReplan);
      ++sum.cancelled;
    } else if (same_content(old, *now)) {
      // Left as it is; only the record of what it is dated from is filled in
      // (activities stored before they had one), which no calendar sees.
      if (old.anchor_uid != now->anchor_uid || old.offset_days != now->offset_days || old.day_kind != now->day_kind)
        quiet.bind(1, now->anchor_uid).bind(2, now->offset_days)
            .bind(3, now->day_kind ? std::optional(std::string(day_kind_name(*now->day_kind))) : std::nullopt)
            .bind(4, *old.id).run();
      ++sum.unchanged;
    } else {
      overwrite(db, at, *old.id, *now, "planned", opt_text(old.reason), std::nullopt);
      ++sum.updated;
    }
  }

  Statement ins(db, R"(INSERT INTO activities(uid, body_id, urn, year, type, title, start_date, end_date, due_date,
                         rule, attendees, documents, assessment_id, status, sequence, anchor_uid, offset_days, day_kind,
                         planned_at)
                       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'planned', 0, ?, ?, ?, ?))");
  for (const auto& a : plan) {  // in the plan's order, so ids follow the dates
    if (!wanted.count(a.uid)) continue;
    ins.bind(1, a.uid).bind(2, a.body).bind(3, a.urn).bind(4, a.year).bind(5, a.type).bind(6, a.title);
    ins.bind(7, a.start.to_string()).bind(8, a.end.to_string()).bind(9, opt_text(a.due));
    ins.bind(10, a.rule).bind(11, to_json(a.attendees)).bind(12, to_json(a.documents)).bind(13, a.assessment_id);
    ins.bind(14, a.anchor_uid).bind(15, a.offset_days);
    ins.bind(16, a.day_kind ? std::optional(std::string(day_kind_name(*a.day_kind))) : std::nullopt);
    ins.bind(17, at).run();
    wanted.erase(a.uid);
    ++sum.added;
  }
  return sum;
}

ReplanSummary replan(Database& db, const Clock& clock, const std::string& body, const std::string& year,
                     const std::vector<Activity>& plan) {
  const Period p = Period::parse(year);
  return replan(db, clock, body, year, plan, {std::nullopt, Date::from_ymd(p.start_year(), 9, 1), "re-planned"});
}

std::map<std::string, Date> held_activities(Database& db, const std::string& body, const std::string& year) {
  Statement s(db, "SELECT uid, done_on FROM activities WHERE body_id = ? AND year = ? AND status = 'done' "
                  "AND done_on IS NOT NULL");
  s.bind(1, body).bind(2, year);
  std::map<std::string, Date> out;
  while (s.step()) out.emplace(s.text(0), db_date(s.text(1)));
  return out;
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
  part(s.unchanged, "unchanged");
  if (out.empty()) out = "nothing to change";
  if (s.kept) out += "; " + std::to_string(s.kept) + " kept as they were (done, moved, earlier, or cancelled by a person)";
  return out;
}

PlanOptions stored_plan_options(Database& db, const std::string& body, const std::string& year) {
  PlanOptions o{held_activities(db, body, year), moved_activities(db, body, year), {}, {}};
  Statement s(db, "SELECT uid, start_date, urn FROM activities WHERE body_id = ? AND year = ? AND status = 'planned'");
  s.bind(1, body).bind(2, year);
  while (s.step()) {
    const Date start = db_date(s.text(1));
    o.planned.emplace(s.text(0), start);
    if (auto urn = s.opt_integer(2)) o.planned_days[*urn].insert(start);
  }
  return o;
}

std::map<std::string, DateRange> moved_activities(Database& db, const std::string& body, const std::string& year) {
  Statement s(db, "SELECT uid, start_date, end_date FROM activities WHERE body_id = ? AND year = ? "
                  "AND moved_from IS NOT NULL");
  s.bind(1, body).bind(2, year);
  std::map<std::string, DateRange> out;
  while (s.step()) out.emplace(s.text(0), DateRange{db_date(s.text(1)), db_date(s.text(2))});
  return out;
}

std::vector<Activity> load_activities(Database& db, const std::string& body, const std::string& year) {
  Statement s(db, std::string("SELECT ") + kColumns +
                      " FROM activities a LEFT JOIN schools s ON s.urn = a.urn WHERE a.body_id = ? AND a.year = ?"
                      " ORDER BY a.start_date, a.end_date, a.urn, a.rule, a.uid");
  s.bind(1, body).bind(2, year);
  std::vector<Activity> out;
  while (s.step()) out.push_back(read_row(s));
  return out;
}

std::optional<Activity> find_activity(Database& db, std::int64_t id) {
  Statement s(db, std::string("SELECT ") + kColumns +
                      " FROM activities a LEFT JOIN schools s ON s.urn = a.urn WHERE a.id = ?");
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  return read_row(s);
}

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
  const int moved = !a.due && !(a.start <= on && on <= a.end) ? 1 : 0;
  Statement s(db, "UPDATE activities SET status = 'done', done_on = ?, note = ?, changed_at = ?, "
                  "sequence = sequence + ? WHERE id = ?");
  s.bind(1, day).bind(2, opt_text(note)).bind(3, at).bind(4, moved).bind(5, id).run();
  a.sequence += moved;
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
  Statement s(db, R"(UPDATE activities SET status = 'moved', moved_from = ?, start_date = ?, end_date = ?, due_date = ?,
                       reason = ?, sequence = sequence + 1, changed_at = ? WHERE id = ?)");
  a.moved_from = a.start;
  a.start = a.start + shift;
  a.end = a.end + shift;
  if (a.due) a.due = *a.due + shift;
  s.bind(1, a.moved_from->to_string()).bind(2, a.start.to_string()).bind(3, a.end.to_string()).bind(4, opt_text(a.due));
  s.bind(5, reason).bind(6, at).bind(7, id).run();
  a.status = ActivityStatus::moved;
  a.reason = reason;
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
  set_status(db, at, id, ActivityStatus::cancelled, reason, std::nullopt);
  a.status = ActivityStatus::cancelled;
  a.reason = reason;
  a.note.clear();
  ++a.sequence;
  ActivityChange change{a, {}};
  // What is dated from it (its agenda, its minutes) will not happen either.
  std::function<void(const Activity&)> cascade = [&](const Activity& anchor) {
    for (Activity f : followers_of(db, anchor.uid)) {
      if (!to_happen(f.status)) continue;
      f.reason = "the " + anchor.type + " it belongs to (" + anchor.start.to_string() + ") was cancelled: " + reason;
      set_status(db, at, *f.id, ActivityStatus::cancelled, f.reason, std::nullopt);
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
  set_status(db, at, id, ActivityStatus::missed, reason, opt_text(a.note));
  a.status = ActivityStatus::missed;
  a.reason = reason;
  ++a.sequence;
  return {a, {}};
}

std::vector<Overdue> overdue(const std::vector<Activity>& activities, const AcademicCalendar& cal, Date today) {
  std::vector<Overdue> out;
  for (const auto& a : activities) {
    const Date deadline = deadline_of(a);
    if (!to_happen(a.status) || !(deadline < today)) continue;
    out.push_back({a, deadline, today - deadline, cal.working_days_between(deadline, today)});
  }
  std::stable_sort(out.begin(), out.end(), [](const Overdue& x, const Overdue& y) { return x.deadline < y.deadline; });
  return out;
}

}  // namespace trellis
