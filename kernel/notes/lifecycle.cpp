// The note use cases: add, send, respond, agree. Each checks who is acting,
// then the note's state, then writes the note, its step and one audit row in
// one transaction.
#include <nlohmann/json.hpp>

#include "deadlines.hpp"
#include "trellis/store/note_repository.hpp"
#include "trellis/audit_changes.hpp"
#include "trellis/error.hpp"
#include "trellis/bodies.hpp"
#include "trellis/file_input.hpp"
#include "trellis/letters.hpp"
#include "trellis/notes.hpp"
#include "trellis/people.hpp"
#include "trellis/policy.hpp"
#include "trellis/policy/kernel_sections.hpp"
#include "trellis/schedule/store.hpp"
#include "trellis/sha256.hpp"
#include "trellis/store/audit.hpp"

namespace trellis {
namespace {

bool for_body(const Actor& a, const std::string& body) { return a.body.empty() || a.body == body; }

[[noreturn]] void refuse(const Actor& a, const std::string& what, const std::string& who_may) {
  throw NotPermitted(describe(a) + ", acting as \"" + a.id + "\", may not " + what + "; " + who_may);
}

std::string school_of(const std::optional<std::int64_t>& urn, const std::optional<std::string>& name) {
  if (!urn) return "(body)";
  return name ? *name : "URN " + std::to_string(*urn);
}

/// "note 3 (QA visit, Hill Primary)"
std::string named(const Note& n) {
  return "note " + std::to_string(n.id) + " (" + n.activity_title + ", " + school_of(n.urn, n.school) + ")";
}

Note load(Database& db, std::int64_t id) {
  auto n = find_note(db, id);
  if (!n) throw UsageError("no note with id " + std::to_string(id), Remedy::see_notes());
  return std::move(*n);
}

/// Refuses a step out of order, naming the state the note is in.
void require_status(const Note& n, std::initializer_list<NoteStatus> allowed, const std::string& step,
                    const std::string& when) {
  for (auto s : allowed)
    if (n.status == s) return;
  throw StoreError("cannot " + step + " " + named(n) + ": it is " + status_name(n.status) + "; " + when);
}

NoteStep step_by(const Actor& a, const Clock& clock, const std::string& step, std::string comment = "",
                 std::optional<std::string> revision = std::nullopt) {
  return {step, a.id, std::string(to_string(a.role)), clock.timestamp(), std::move(comment), std::move(revision)};
}

std::string changes(const Note& n, NoteStatus from, NoteStatus to, nlohmann::json extra = nlohmann::json::object()) {
  extra["note"] = n.id;
  extra["activity"] = n.activity_id;
  extra["status"] = from_to(from == to ? std::nullopt : std::optional<std::string>(status_name(from)), status_name(to));
  return extra.dump();
}

std::string read_whole(const std::filesystem::path& file) {
  // A regular file of bounded size, read once: a FIFO or /dev/zero is refused (issue 19).
  std::string why;
  auto bytes = read_regular_file(file, std::size_t{256} << 20, why);
  if (!bytes) throw InputError({file.string()}, "a readable file for the note", "none (" + why + ")");
  return *bytes;
}

std::string dated(const char* what, const std::optional<Date>& d) { return d ? std::string("; ") + what + " " + d->to_string() : ""; }

/// The day a step was taken: `on` when it is recorded afterwards (never after today), else today.
Date day_done(const Clock& clock, std::optional<Date> on) {
  const Date today = Date::parse(clock.today());
  if (on && today < *on) throw UsageError("the day given, " + on->to_string() + ", is after today, " + today.to_string());
  return on.value_or(today);
}

/// The concerns of a new note as a notice in the outbox, to those the policy in
/// force when the activity was held names; none when it names no one.
std::optional<Letter> notify_concerns(Database& db, const Actor& actor, const Clock& clock, const Note& n,
                                      const Activity& activity) {
  if (n.concerns.empty()) return std::nullopt;
  const Date held = activity.done_on.value_or(activity.end);
  const auto adoption = note_deadlines::in_force(db, n.body, activity.year, held);
  if (!adoption) return std::nullopt;
  const auto to = read_kernel_sections(Policy::load(adoption->policy_path).view()).note_concerns_to;
  if (to.empty()) return std::nullopt;
  ConcernsRaised c;
  c.body_id = n.body;
  c.body_name = find_body(db, n.body)->name;
  c.regime = adoption->regime;
  c.period = activity.year;
  c.urn = *n.urn;
  c.school = n.school.value_or("URN " + std::to_string(*n.urn));
  c.activity = activity.title;
  c.held = held.to_string();
  c.on = clock.today();
  c.by = actor.name.empty() ? actor.id : actor.name;
  c.note_id = n.id;
  c.concerns = n.concerns;
  c.to = to;
  return store_letter(db, clock, concerns_letter(c));
}

}  // namespace

Note add_note(Database& db, const Actor& actor, const Clock& clock, const NoteDraft& d, std::optional<Letter>* notice) {
  const bool has_text = !d.text.empty();
  if (has_text == d.file.has_value())
    throw UsageError("a note needs its text or a file reference, and not both");
  Transaction tx(db);
  const auto activity = find_activity(db, d.activity_id);
  if (!activity) throw UsageError("no activity with id " + std::to_string(d.activity_id), Remedy::see_activities());
  const std::string about = "write a note of activity " + std::to_string(d.activity_id) + " (" + activity->title +
                            ", " + school_of(activity->urn, activity->school) + ")";
  // Those who visit or meet for the body write its notes; a head answers them.
  const bool writer = actor.role == Role::admin ||
                      ((actor.role == Role::officer || actor.role == Role::board || actor.role == Role::verifier) &&
                       for_body(actor, activity->body));
  if (!writer)
    refuse(actor, about, "an admin, or an officer, board member or verifier of " + activity->body + " may");
  if (activity->status == ActivityStatus::cancelled)
    throw StoreError("cannot " + about + ": it was cancelled (" + activity->reason + ")");

  Note n;
  n.activity_id = *activity->id;
  n.activity_title = activity->title;
  n.body = activity->body;
  n.urn = activity->urn;
  n.school = activity->school;
  n.author = actor.id;
  n.text = d.text;
  if (d.file) {
    n.file = d.file->lexically_normal().string();
    n.file_sha256 = sha256_hex(read_whole(*d.file));
  }
  n.strengths = d.strengths;
  n.improvements = d.improvements;
  n.actions = d.actions;
  n.concerns = d.concerns;
  if (!n.concerns.empty() && !n.urn)
    throw UsageError("cannot record concerns on activity " + std::to_string(n.activity_id) + " (" + activity->title +
                     "): it is not about one school");
  n.created_at = clock.timestamp();
  // Counted from the day it was held; a note written ahead of a planned
  // activity counts from the activity's last planned day.
  const Date held = activity->done_on.value_or(activity->end);
  n.send_by = note_deadlines::send_by(db, n.body, activity->year, held);
  n.id = db.notes().add(n);
  db.notes().add_step(n.id, step_by(actor, clock, "added"));

  const std::string inputs = "note add\n" + std::to_string(n.activity_id) + '\n' + n.text + '\n' +
                             n.file_sha256.value_or("") + '\n' + nlohmann::json(n.strengths).dump() +
                             nlohmann::json(n.improvements).dump() + nlohmann::json(n.actions).dump() +
                             (n.concerns.empty() ? "" : nlohmann::json(n.concerns).dump());
  record_audit(db, actor, clock,
               {"note add", named(n) + " added as a draft" + dated("send by", n.send_by), sha256_hex(inputs), n.body,
                n.urn,
                changes(n, NoteStatus::draft, NoteStatus::draft,
                        {{"send_by", n.send_by ? nlohmann::json(n.send_by->to_string()) : nlohmann::json()},
                         {"file_sha256", n.file_sha256 ? nlohmann::json(*n.file_sha256) : nlohmann::json()}})});
  if (auto letter = notify_concerns(db, actor, clock, n, *activity); letter && notice) *notice = std::move(letter);
  tx.commit();
  return load(db, n.id);
}

Note send_note(Database& db, const Actor& actor, const Clock& clock, std::int64_t id, std::optional<Date> on) {
  Transaction tx(db);
  Note n = load(db, id);
  const bool officer = actor.role == Role::admin || (actor.role == Role::officer && for_body(actor, n.body));
  if (!officer && !(actor.id == n.author && actor.role != Role::viewer))
    refuse(actor, "send " + named(n) + " to the school", "its author, an officer of " + n.body + " or an admin may");
  require_status(n, {NoteStatus::draft}, "send", "only a draft is sent");
  const Date today = day_done(clock, on);
  const auto activity = find_activity(db, n.activity_id);
  const Date held = activity->done_on.value_or(activity->end);
  const auto agree_by = note_deadlines::agree_by(db, n.body, activity->year, held, today);
  if (agree_by) db.notes().set_agree_by(id, *agree_by);
  db.notes().set_status(id, NoteStatus::sent);
  // Who the record goes to, as the policy says (e.g. the head, the Chair of Governors, a director), kept with the step.
  std::string to;
  for (const auto& r : note_deadlines::shared_with(db, n.body, activity->year, today)) to += (to.empty() ? "" : ", ") + r;
  db.notes().add_step(id, step_by(actor, clock, "sent", to.empty() ? "" : "shared with " + to));
  const std::string late = n.overdue(today) ? " (" + std::to_string(today - *n.send_by) + " days after it was due)" : "";
  record_audit(db, actor, clock,
               {"note send", named(n) + " sent to the school" + (on ? " on " + on->to_string() : "") +
                                 (to.empty() ? "" : " (shared with " + to + ")") + late + dated("agree by", agree_by),
                sha256_hex("note send\n" + std::to_string(id)), n.body, n.urn,
                changes(n, NoteStatus::draft, NoteStatus::sent,
                        {{"agree_by", agree_by ? nlohmann::json(agree_by->to_string()) : nlohmann::json()}})});
  tx.commit();
  return load(db, id);
}

Note respond_to_note(Database& db, const Actor& actor, const Clock& clock, std::int64_t id, const NoteResponse& r) {
  if (!r.accurate && r.comment.empty())
    throw UsageError("an inaccurate note needs a comment saying what is inaccurate");
  Transaction tx(db);
  Note n = load(db, id);
  // The check for factual accuracy belongs to the school's own head, and no one else.
  if (!(actor.role == Role::head && n.urn && actor.school == n.urn))
    refuse(actor, "answer " + named(n), "only the head of " + school_of(n.urn, n.school) + " may");
  require_status(n, {NoteStatus::sent}, "answer", "a note is answered once it has been sent, and once");
  const NoteStatus to = r.accurate ? NoteStatus::accurate : NoteStatus::inaccurate;
  db.notes().set_status(id, to);
  db.notes().add_step(id, step_by(actor, clock, status_name(to), r.comment));
  record_audit(db, actor, clock,
               {"note respond",
                named(n) + " answered " + status_name(to) + (r.comment.empty() ? "" : ": " + r.comment),
                sha256_hex("note respond\n" + std::to_string(id) + '\n' + status_name(to) + '\n' + r.comment), n.body,
                n.urn, changes(n, NoteStatus::sent, to, {{"comment", r.comment}})});
  tx.commit();
  return load(db, id);
}

Note agree_note(Database& db, const Actor& actor, const Clock& clock, std::int64_t id,
                const std::optional<std::string>& revision, std::optional<Date> on) {
  Transaction tx(db);
  Note n = load(db, id);
  require_officer(actor, n.body, "agree " + named(n));
  require_status(n, {NoteStatus::accurate, NoteStatus::inaccurate}, "agree",
                 "a note is agreed once the school's head has answered it");
  if (n.status == NoteStatus::accurate && revision)
    throw StoreError("cannot revise " + named(n) + " on agreeing it: the head answered it accurate as it stands");
  if (n.status == NoteStatus::inaccurate && (!revision || revision->empty()))
    throw StoreError("cannot agree " + named(n) + " as it stands: the head answered it inaccurate (\"" +
                         n.steps.back().comment + "\"); agree it with a revised text that answers that",
                     Field::text);
  db.notes().set_status(id, NoteStatus::agreed);
  const Date today = day_done(clock, on);
  db.notes().add_step(id, step_by(actor, clock, "agreed", "", revision));
  const std::string late = n.overdue(today) ? " (" + std::to_string(today - *n.agree_by) + " days after it was due)" : "";
  record_audit(db, actor, clock,
               {"note agree", named(n) + " agreed" + (revision ? " as revised" : "") + (on ? " on " + on->to_string() : "") + late,
                sha256_hex("note agree\n" + std::to_string(id) + '\n' + revision.value_or("")), n.body, n.urn,
                changes(n, n.status, NoteStatus::agreed,
                        {{"revised", revision.has_value()},
                         {"revision_sha256", revision ? nlohmann::json(sha256_hex(*revision)) : nlohmann::json()}})});
  tx.commit();
  return load(db, id);
}

}  // namespace trellis
