#include "trellis/notes.hpp"

#include "trellis/store/note_repository.hpp"

namespace trellis {

const std::string& Note::agreed_text() const {
  for (auto s = steps.rbegin(); s != steps.rend(); ++s)
    if (s->revision) return *s->revision;
  return text;
}

bool Note::overdue(Date today) const {
  if (status == NoteStatus::draft) return send_by && *send_by < today;
  // Sent and answered notes wait to be agreed; the deadline covers the head's answer too.
  return status != NoteStatus::agreed && agree_by && *agree_by < today;
}

std::vector<Note> list_notes(Database& db, const NoteFilter& filter) { return db.notes().list(filter); }

std::optional<Note> find_note(Database& db, std::int64_t id) { return db.notes().find(id); }

}  // namespace trellis
