// Activities in the `activities` table. Attendees and documents are JSON
// arrays of strings; dates are ISO text, so SQL orders them correctly.
#include "trellis/schedule/store.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>
#include <stdexcept>

#include "trellis/error.hpp"

namespace trellis {
namespace {

constexpr const char* kColumns =
    "a.id, a.uid, a.body_id, a.urn, a.year, a.type, a.title, a.start_date, a.end_date, a.due_date, a.rule, "
    "a.attendees, a.documents, a.assessment_id, a.status, a.done_on, a.note, s.name";

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
  return a;
}

}  // namespace

ReplanSummary replan(Database& db, const std::string& body, const std::string& year,
                     const std::vector<Activity>& plan) {
  for (const auto& a : plan)
    if (a.body != body || a.year != year)
      throw std::invalid_argument("replan for " + body + " " + year + " given an activity for " + a.body + " " +
                                  a.year);
  ReplanSummary sum;
  std::set<std::string> kept;
  {
    Statement s(db, "SELECT uid FROM activities WHERE body_id = ? AND year = ? AND status <> 'planned'");
    s.bind(1, body).bind(2, year);
    while (s.step()) kept.insert(s.text(0));
  }
  sum.kept = static_cast<int>(kept.size());
  Statement del(db, "DELETE FROM activities WHERE body_id = ? AND year = ? AND status = 'planned'");
  del.bind(1, body).bind(2, year).run();
  sum.removed = db.changes();

  Statement ins(db, R"(INSERT INTO activities(uid, body_id, urn, year, type, title, start_date, end_date, due_date,
                         rule, attendees, documents, assessment_id, status)
                       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'planned'))");
  for (const auto& a : plan) {
    if (kept.count(a.uid)) continue;
    ins.bind(1, a.uid).bind(2, a.body).bind(3, a.urn).bind(4, a.year).bind(5, a.type).bind(6, a.title);
    ins.bind(7, a.start.to_string()).bind(8, a.end.to_string());
    ins.bind(9, a.due ? std::optional(a.due->to_string()) : std::nullopt);
    ins.bind(10, a.rule).bind(11, to_json(a.attendees)).bind(12, to_json(a.documents)).bind(13, a.assessment_id);
    ins.run();
    ++sum.added;
  }
  return sum;
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

Activity mark_done(Database& db, std::int64_t id, Date on, const std::string& note, Date today) {
  auto a = find_activity(db, id);
  if (!a) throw UsageError("no activity with id " + std::to_string(id) + "; see `trellis schedule`");
  if (a->status == ActivityStatus::cancelled)
    throw UsageError("activity " + std::to_string(id) + " was cancelled; it cannot be done");
  if (today < on)
    throw UsageError("--on " + on.to_string() + " is after today (" + today.to_string() + ")");
  Statement s(db, "UPDATE activities SET status = 'done', done_on = ?, note = ? WHERE id = ?");
  s.bind(1, on.to_string()).bind(2, note.empty() ? std::nullopt : std::optional(note)).bind(3, id).run();
  a->status = ActivityStatus::done;
  a->done_on = on;
  a->note = note;
  return *a;
}

std::vector<Overdue> overdue(const std::vector<Activity>& activities, const AcademicCalendar& cal, Date today) {
  std::vector<Overdue> out;
  for (const auto& a : activities) {
    const Date deadline = deadline_of(a);
    if (a.status != ActivityStatus::planned || !(deadline < today)) continue;
    out.push_back({a, deadline, today - deadline, cal.working_days_between(deadline, today)});
  }
  std::stable_sort(out.begin(), out.end(), [](const Overdue& x, const Overdue& y) { return x.deadline < y.deadline; });
  return out;
}

}  // namespace trellis
