// Late notes in the schedule: each unagreed note's next deadline becomes a
// deadline activity, so the scheduler's overdue() judges it, in the body's
// working days, as it judges every other activity.

#include "trellis/notes.hpp"

namespace trellis {

std::vector<Overdue> overdue_notes(Database& db, const std::string& body, const std::string& year,
                                   const AcademicCalendar& cal, Date today) {
  std::vector<Activity> deadlines;
  for (const Note& n : list_notes(db, {body, std::nullopt})) {
    if (n.status == NoteStatus::agreed) continue;
    // A draft waits to be sent; a sent or answered note waits to be agreed (Note::overdue).
    const bool to_send = n.status == NoteStatus::draft;
    const std::optional<Date> by = to_send ? n.send_by : n.agree_by;
    if (!by) continue;
    // The note's own activity, by id: a country's year is not loaded for a few notes (issue 18).
    auto held = find_activity(db, n.activity_id);
    if (!held || held->body != body || held->year != year) continue;
    Activity d = std::move(*held);  // its school, year and attendees; its id, to find the activity
    d.uid += to_send ? "-note-" + std::to_string(n.id) + "-send" : "-note-" + std::to_string(n.id) + "-agree";
    d.type = "note";
    d.title = "Note " + std::to_string(n.id) + " of " + n.activity_title + (to_send ? ": to send by " : ": to agree by ") +
              by->to_string();
    d.start = d.end = *by;
    d.due = by;
    d.rule = to_send ? "notes.send_within_working_days" : "notes.agree_within_working_days";
    d.documents = {};
    d.status = ActivityStatus::planned;
    d.done_on.reset();
    d.note.clear();
    d.reason.clear();
    d.moved_from.reset();
    deadlines.push_back(std::move(d));
  }
  return overdue(deadlines, cal, today);
}

}  // namespace trellis
