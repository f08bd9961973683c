#include "trellis/notes.hpp"

namespace trellis {

const char* status_name(NoteStatus s) {
  switch (s) {
    case NoteStatus::draft: return "draft";
    case NoteStatus::sent: return "sent";
    case NoteStatus::accurate: return "accurate";
    case NoteStatus::inaccurate: return "inaccurate";
    case NoteStatus::agreed: return "agreed";
  }
  return "draft";
}

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

}  // namespace trellis
