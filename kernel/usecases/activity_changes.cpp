#include "trellis/text.hpp"
#include "trellis/activity_changes.hpp"

#include <cctype>
#include <map>

#include "trellis/adoption.hpp"
#include "trellis/audit_changes.hpp"
#include "trellis/error.hpp"
#include "trellis/people.hpp"
#include "trellis/policy.hpp"
#include "trellis/policy/kernel_sections.hpp"
#include "trellis/sha256.hpp"
#include "trellis/store/activity_repository.hpp"
#include "trellis/store/audit.hpp"
#include "trellis/store/person_repository.hpp"

namespace trellis {
namespace {

const char* command_of(ActivityStep step) {
  switch (step) {
    case ActivityStep::done: return "activity done";
    case ActivityStep::move: return "activity move";
    case ActivityStep::cancel: return "activity cancel";
    case ActivityStep::missed: return "activity missed";
  }
  return "activity";
}

std::string joined(const std::vector<std::string>& items) {
  std::string s;
  for (auto& i : items) s += (s.empty() ? "" : ", ") + i;
  return s;
}

std::string school_of(const Activity& a) {
  if (!a.urn) return "(body)";
  return a.school ? *a.school : "URN " + std::to_string(*a.urn);
}

/// "7 (Minutes distributed, Hill Primary)"
std::string named(const Activity& a) { return std::to_string(*a.id) + " (" + a.title + ", " + school_of(a) + ")"; }

std::string dates_of(const Activity& a) {
  if (a.due) return "due " + a.due->to_string();
  return a.start == a.end ? "on " + a.start.to_string() : a.start.to_string() + " to " + a.end.to_string();
}

std::string said(const ActivityRequest& r, const Activity& a) {
  switch (r.step) {
    case ActivityStep::done: return "done on " + r.day->to_string();
    case ActivityStep::move:
      return "moved from " + a.moved_from->to_string() + " to " + a.start.to_string() +
             (a.due ? " (now due " + a.due->to_string() + ")" : "") + ": " + r.text;
    case ActivityStep::cancel: return "cancelled: " + r.text;
    case ActivityStep::missed: return "missed: " + r.text;
  }
  return "";
}

/// The activity's id, and each of its status, dates, done day and reason
/// that the change moved from `was` to `now`.
nlohmann::json what_changed(const Activity& was, const Activity& now) {
  auto day = [](const std::optional<Date>& d) { return d ? std::optional(d->to_string()) : std::nullopt; };
  nlohmann::json j{{"activity", *now.id}};
  if (was.status != now.status) j["status"] = from_to(status_name(was.status), status_name(now.status));
  if (was.start != now.start) j["start"] = from_to(was.start.to_string(), now.start.to_string());
  if (was.end != now.end) j["end"] = from_to(was.end.to_string(), now.end.to_string());
  if (was.due != now.due) j["due"] = from_to(day(was.due), day(now.due));
  if (was.done_on != now.done_on) j["done_on"] = from_to(day(was.done_on), day(now.done_on));
  if (was.reason != now.reason) j["reason"] = now.reason;
  return j;
}

}  // namespace

AcademicCalendar body_calendar(Database& db, const std::string& body, Date today, const std::string& year,
                               std::string* warning) {
  auto adoption = adoption_on(db, body, today.to_string());
  if (!adoption) adoption = adoption_on(db, body, year.substr(0, 4) + "-09-01");
  if (!adoption) return {};
  try {
    const Policy policy = Policy::load(adoption->policy_path);
    return calendar_from_policy(policy.view(), adoption->policy_path.string());
  } catch (const InputError& e) {
    if (warning) *warning = std::string(e.what()) + "; counting working days in the default England calendar";
    return {};
  }
}

void body_event_times(Database& db, const std::string& body, Date today, const std::string& year, IcsOptions& options) {
  auto adoption = adoption_on(db, body, today.to_string());
  if (!adoption) adoption = adoption_on(db, body, year.substr(0, 4) + "-09-01");
  if (!adoption) return;
  const Policy policy = Policy::load(adoption->policy_path);
  const KernelSections k = read_kernel_sections(policy.view());
  std::vector<std::pair<std::string, std::string>> starts = k.event_start_by_type;
  if (k.event_start) starts.emplace_back("", *k.event_start);
  for (const auto& [type, hhmm] : starts) {
    const bool ok = hhmm.size() == 5 && std::isdigit(static_cast<unsigned char>(hhmm[0])) &&
                    std::isdigit(static_cast<unsigned char>(hhmm[1])) && hhmm[2] == ':' &&
                    std::isdigit(static_cast<unsigned char>(hhmm[3])) && std::isdigit(static_cast<unsigned char>(hhmm[4])) &&
                    std::stoi(hhmm.substr(0, 2)) < 24 && std::stoi(hhmm.substr(3)) < 60;
    if (!ok)
      throw InputError(Location{adoption->policy_path.string()},
                       std::string(type.empty() ? "events.start" : "events.starts." + type) +
                           ": expected a time of day like \"09:00\", found \"" + hhmm + "\"");
    if (type.empty()) options.start = hhmm;
    else options.start_by_type[type] = hhmm;
  }
  if (k.event_minutes) options.minutes = *k.event_minutes;
}

ActivityChange change_activity(Database& db, const Actor& actor, const Clock& clock, const ActivityRequest& r) {
  if ((r.step == ActivityStep::done || r.step == ActivityStep::move) && !r.day)
    throw UsageError(std::string(command_of(r.step)) + " needs a day");
  Transaction tx(db);
  const auto before = find_activity(db, r.id);
  if (!before) throw UsageError("no activity with id " + std::to_string(r.id), Remedy::see_activities());
  require_officer(actor, before->body, std::string(command_of(r.step)).substr(9) + " activity " + named(*before));
  if (!r.present.empty() && r.step != ActivityStep::done)
    throw UsageError("who was present is recorded when an activity is done, not on " + std::string(command_of(r.step)));
  for (const auto& person : r.present)
    if (!db.people().find(person))
      throw UsageError("no person \"" + person + "\" to record present at activity " + named(*before));
  if (r.step == ActivityStep::done) require_text(r.text, kMaxProseBytes, "a note", Field::note);
  else require_text(r.text, kMaxProseBytes, "a reason", Field::reason);
  const Date today = Date::parse(clock.today());
  // Its followers as they were, to say how each was re-dated or cancelled.
  std::map<std::int64_t, Activity> was;
  for (auto& a : load_activities(db, before->body, before->year)) was.emplace(*a.id, std::move(a));
  ActivityChange c;
  switch (r.step) {
    case ActivityStep::done:
      c = mark_done(db, clock, body_calendar(db, before->body, today, before->year), r.id, *r.day, r.text, today, r.force);
      break;
    case ActivityStep::move:
      c = move_activity(db, clock, body_calendar(db, before->body, today, before->year), r.id, *r.day, r.text, r.force);
      break;
    case ActivityStep::cancel: c = cancel_activity(db, clock, r.id, r.text); break;
    case ActivityStep::missed: c = mark_missed(db, clock, r.id, r.text, today); break;
  }
  for (const auto& person : r.present) db.activities().add_present(r.id, person);
  std::string summary = "activity " + named(c.activity) + " " + said(r, c.activity);
  if (!r.present.empty()) summary += "; present: " + joined(db.activities().present(r.id));
  for (const auto& f : c.followers)
    summary += "; " + named(f) + (f.status == ActivityStatus::cancelled ? " cancelled" : " now " + dates_of(f));
  std::string inputs = std::to_string(r.id) + '\n' + (r.day ? r.day->to_string() : "") + '\n' + r.text +
                       (r.force ? "\nforce" : "");
  for (const auto& person : r.present) inputs += "\npresent " + person;
  nlohmann::json changes = what_changed(*before, c.activity);
  if (!r.present.empty()) changes["present"] = db.activities().present(r.id);
  if (!c.followers.empty()) {
    changes["followers"] = nlohmann::json::array();
    for (const auto& f : c.followers) changes["followers"].push_back(what_changed(was.at(*f.id), f));
  }
  record_audit(db, actor, clock,
               {command_of(r.step), summary, sha256_hex(std::string(command_of(r.step)) + '\n' + inputs), before->body,
                before->urn, changes.dump()});
  tx.commit();
  return c;
}

}  // namespace trellis
