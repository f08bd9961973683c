#pragma once
/// The outbox: letters to heads, stored with the change that caused them.
///
///     l.id = db.letters().add(l, clock.timestamp());
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "trellis/letter.hpp"

namespace trellis {

class LetterRepository {
 public:
  virtual ~LetterRepository();
  /// The level the newest letter to a school for a period told its head.
  virtual std::optional<std::string> last_level(const std::string& body_id, std::int64_t urn,
                                                const std::string& period) = 0;
  /// urn -> last_level of each school that has had one, for a body and period.
  virtual std::map<std::int64_t, std::string> last_levels(const std::string& body_id, const std::string& period) = 0;
  /// Stores a letter and returns its id; its file is stored as given.
  virtual std::int64_t add(const Letter& letter, const std::string& created_at) = 0;
  virtual void set_file(std::int64_t id, const std::string& file) = 0;
  /// A body's letters, in id order, with each school's name; `period` empty: every period.
  virtual std::vector<Letter> list(const std::string& body_id, const std::string& period) = 0;
};

}  // namespace trellis
