#pragma once
/// Notes of visits and meetings: the written record of an activity, sent to
/// the school, answered accurate or inaccurate by its head, then agreed.
///
///     Note n = add_note(db, officer, clock, {.activity_id = 42, .text = "We looked at reading in Y2 ...",
///                                            .strengths = {"Phonics is consistent"},
///                                            .improvements = {"Attendance of disadvantaged pupils"}});
///     send_note(db, officer, clock, n.id);                     // draft -> sent; agree_by set
///     respond_to_note(db, head, clock, n.id, {.accurate = false, .comment = "The visit was on Tuesday"});
///     agree_note(db, officer, clock, n.id, "We looked at reading on Tuesday ...");  // revised, then agreed
///     for (const Note& late : list_notes(db, {.body = "example-la"})) if (late.overdue(today)) ...
///     for (const Overdue& late : overdue_notes(db, "example-la", "2024-25", cal, today))
///       std::cout << late.activity.title << ": " << late.working_days_late << " working days late\n";
///       // "Note 3 of QA visit: to send by 2025-06-03: 1 working days late"
///
/// Each step is one use case: it checks the actor's role, refuses a step out
/// of order with StoreError naming the note's state, and writes the note, its
/// step (who, role, when) and one audit row in one transaction.
///
/// Deadlines come from the [notes] section of the policy the body follows
/// (see trellis/policy/kernel_sections.hpp), counted in the body's working
/// days: `send_by` from the day the activity was held (its done day, else its
/// planned last day), `agree_by` from the day the note was sent. A note past
/// a deadline it has not met is overdue, as a late activity is.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "trellis/actor.hpp"
#include "trellis/clock.hpp"
#include "trellis/calendar.hpp"
#include "trellis/date.hpp"
#include "trellis/letter.hpp"
#include "trellis/schedule/store.hpp"
#include "trellis/store/database.hpp"

namespace trellis {

enum class NoteStatus { draft, sent, accurate, inaccurate, agreed };

/// "draft", "sent", "accurate", "inaccurate", "agreed". Inline: the SQLite
/// store writes these words too, and it does not stand on tk_notes.
inline const char* status_name(NoteStatus s) {
  switch (s) {
    case NoteStatus::draft: return "draft";
    case NoteStatus::sent: return "sent";
    case NoteStatus::accurate: return "accurate";
    case NoteStatus::inaccurate: return "inaccurate";
    case NoteStatus::agreed: return "agreed";
  }
  return "draft";
}

/// One step of a note's life: who took it, in which role, when.
struct NoteStep {
  std::string step;      ///< "added", "sent", "accurate", "inaccurate", "agreed"
  std::string by;        ///< person id
  std::string role;      ///< the role they acted in
  std::string at;        ///< ISO-8601 UTC timestamp
  std::string comment;   ///< the head's comment, if any
  std::optional<std::string> revision;  ///< agreed: the corrected text, when the note was revised
};

struct Note {
  std::int64_t id = 0;
  std::int64_t activity_id = 0;
  std::string activity_title;
  std::string body;
  std::optional<std::int64_t> urn;
  std::optional<std::string> school;  ///< the school's name
  std::string author;
  std::string text;                   ///< as first written (empty for a file reference)
  std::optional<std::string> file, file_sha256;
  std::vector<std::string> strengths, improvements, actions;
  std::vector<std::string> concerns;  ///< raised during the visit; noticed to those the policy names
  NoteStatus status = NoteStatus::draft;
  std::optional<Date> send_by, agree_by;
  std::string created_at;
  std::vector<NoteStep> steps;

  /// The text as agreed: the revision made on agreeing, else the text written.
  const std::string& agreed_text() const;
  /// Past `send_by` and still a draft, or past `agree_by` and not yet agreed.
  bool overdue(Date today) const;
};

/// A new note. Give `text` or `file` (read whole, kept by reference with its sha256), not both.
struct NoteDraft {
  std::int64_t activity_id = 0;
  std::string text;
  std::optional<std::filesystem::path> file;
  std::vector<std::string> strengths, improvements, actions;
  std::vector<std::string> concerns;  ///< raised during the visit or meeting
};

/// The school's head's answer. An inaccurate note needs a comment saying what is wrong.
struct NoteResponse {
  bool accurate = true;
  std::string comment;
};

/// Adds a draft note to an activity; its body and school are the activity's.
/// Concerns raised (`draft.concerns`) are, in the same transaction, a notice in
/// the outbox to the people the policy's [notes] concerns_to names (when it
/// names any); `notice`, when given, receives it. A concern needs a school.
/// An admin, or an officer, board member or verifier of the body, may (a head
/// answers notes, never writes them; a viewer reads). UsageError for an unknown
/// activity or neither/both of text and file; InputError for an unreadable
/// file; StoreError for a cancelled activity.
Note add_note(Database& db, const Actor& actor, const Clock& clock, const NoteDraft& draft,
              std::optional<Letter>* notice = nullptr);

/// Sends a draft to the school's head: the author, an officer of the body or an admin.
/// `on`: the day it was sent, when recorded afterwards (not after today; default today).
Note send_note(Database& db, const Actor& actor, const Clock& clock, std::int64_t id,
               std::optional<Date> on = std::nullopt);

/// Records the head's answer to a sent note: the school's own head only.
Note respond_to_note(Database& db, const Actor& actor, const Clock& clock, std::int64_t id,
                     const NoteResponse& response);

/// Agrees a note once the head has answered: an officer of the body or an admin.
/// A note answered accurate is agreed as it stands (a revision is refused). One
/// answered inaccurate is agreed only with a `revision` of its text that
/// answers the head's comment, so that the agreed note is never one the
/// school said was wrong; the original text is kept.
/// `on`: the day it was agreed, when recorded afterwards (not after today; default today).
Note agree_note(Database& db, const Actor& actor, const Clock& clock, std::int64_t id,
                const std::optional<std::string>& revision = std::nullopt, std::optional<Date> on = std::nullopt);

struct NoteFilter {
  std::string body;                 ///< empty: every body
  std::optional<std::int64_t> urn;  ///< none: every school
};

/// Notes in id order, each with its steps.
std::vector<Note> list_notes(Database& db, const NoteFilter& filter = {});

/// `markdown` less the sections whose heading starts with one of `internal`
/// (case-insensitively), each up to the next heading of the same or a higher level.
std::string shareable_text(const std::string& markdown, const std::vector<std::string>& internal);
/// The note's text (its agreed text, or its file, checked against the sha256
/// kept when it was added): whole, or `shareable`, less the sections the
/// body's policy marks internal ([notes] internal_sections). InputError for a
/// file that is gone or changed; StoreError for a body with no policy.
std::string note_edition(Database& db, const Note& n, bool shareable);
std::optional<Note> find_note(Database& db, std::int64_t id);

/// The notes of the body's activities in `year` that are past a deadline they
/// have not met, as overdue() reports activities, in `cal`'s working days: each
/// a deadline of type "note" on the note's activity (its id, school and
/// attendees), titled "Note 3 of QA visit: to send by 2025-06-03" (a draft) or
/// "...: to agree by ..." (sent or answered), its rule the [notes] key that set
/// the deadline. Oldest deadline first.
std::vector<Overdue> overdue_notes(Database& db, const std::string& body, const std::string& year,
                                   const AcademicCalendar& cal, Date today);

}  // namespace trellis
