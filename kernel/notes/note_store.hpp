#pragma once
// The notes and note_steps tables. None of these opens a transaction; the use
// case calling them holds one.
#include <cstdint>
#include <optional>
#include <string>

#include "trellis/notes.hpp"

namespace trellis::note_store {

/// Inserts the note (status draft) and returns its id.
std::int64_t insert(Database& db, const Note& note);
void set_status(Database& db, std::int64_t id, NoteStatus status);
void set_agree_by(Database& db, std::int64_t id, Date agree_by);
void add_step(Database& db, std::int64_t id, const NoteStep& step);

}  // namespace trellis::note_store
