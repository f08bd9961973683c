#pragma once
/// Notes of visits and meetings, and the steps each went through.
///
///     Note n = ...;
///     n.id = db.notes().add(n);
///     db.notes().add_step(n.id, {"added", by.id, "officer", clock.timestamp()});
#include <cstdint>
#include <optional>
#include <vector>

#include "trellis/notes.hpp"

namespace trellis {

class NoteRepository {
 public:
  virtual ~NoteRepository();
  /// In id order, each with its activity's title, its school's name and its steps.
  virtual std::vector<Note> list(const NoteFilter& filter) = 0;
  virtual std::optional<Note> find(std::int64_t id) = 0;
  /// Stores a new draft (its status and steps are not read) and returns its id.
  virtual std::int64_t add(const Note& draft) = 0;
  virtual void set_status(std::int64_t id, NoteStatus status) = 0;
  virtual void set_agree_by(std::int64_t id, Date agree_by) = 0;
  virtual void add_step(std::int64_t id, const NoteStep& step) = 0;
};

}  // namespace trellis
