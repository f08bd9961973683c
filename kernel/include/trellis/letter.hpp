#pragma once
/// A letter to a head, as the outbox holds it. The use cases that write one
/// (assess, a decision, a review's outcome, an import of ratings) return it
/// stored; `trellis letters` writes it out. See trellis/letters.hpp.
///
///     for (const Letter& l : run.letters)
///       std::cout << "letter " << l.id << " to " << l.urn << ": " << l.file << "\n";   // letter 4 to 123456: 123456-4.md
#include <cstdint>
#include <optional>
#include <string>

namespace trellis {

struct Letter {
  std::int64_t id = 0;  ///< outbox id, once stored
  std::string body_id;
  std::int64_t urn = 0;
  std::string period, regime;
  std::string kind;  ///< "change" (the level moved), "decision" (a decided level replaces the one last written), "review" (a review's outcome)
  std::optional<std::string> from_level;
  std::string to_level;
  bool provisional = false;
  std::string file;  ///< its file name, e.g. "123456-4.md" (URN-ID.md when left empty on storing)
  std::string text;  ///< Markdown, for the head
  std::string school;  ///< the school's name, when read from the outbox
};

}  // namespace trellis
