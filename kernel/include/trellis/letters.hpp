#pragma once
/// Letters to heads: a change of level (provisional until decided, where the
/// policy says so) and a decision. Each is stored in the outbox in the same
/// transaction as the change that caused it, then written out as a file under
/// letters/ beside the database once that transaction has committed.
///
///     Transaction tx(db);
///     std::vector<Letter> sent;
///     if (auto l = change_letter_due(db, assessment, "provisional")) sent.push_back(store_letter(db, clock, *l));
///     tx.commit();
///     write_letters(sent, letters_folder(db.file()));
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "trellis/assessment.hpp"
#include "trellis/sdk/description.hpp"
#include "trellis/store/database.hpp"

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
  std::string file;  ///< relative to the letters folder; stored with BODY/PERIOD/URN-ID.md when left empty
  std::string text;  ///< Markdown, for the head
};

struct LetterContext {
  std::string body_name;
  std::string offer;  ///< what the body offers the head, from the policy; empty: a plain offer to discuss
  std::string today;  ///< "YYYY-MM-DD"
  std::map<std::string, std::string> labels;  ///< level id -> what a head reads ("early_intervention" -> "Early Intervention")
};

/// The labels of the regime's overall scale, for letters.
std::map<std::string, std::string> level_labels(const sdk::RegimeDescription& d);

/// The level the last letter for the school and period told its head, if one went.
std::optional<std::string> last_letter_level(Database& db, const std::string& body_id, std::int64_t urn,
                                             const std::string& period);

/// A letter for an assessment whose counting level changed, or whose decided
/// level differs from what the head was last told; none when nothing new is
/// to be said. `provisional`: the level is computed and not yet decided.
std::optional<Letter> change_letter(Database& db, const SchoolAssessment& a, bool provisional,
                                    const LetterContext& context);

/// Stores the letter in the outbox; returns it with its id and file.
Letter store_letter(Database& db, const Clock& clock, Letter letter);

/// Writes each letter to `folder`/letter.file; returns the files written.
/// A letter that cannot be written stays in the outbox: `warnings` says which
/// and why, and the rest are written (the change that caused them has committed).
std::vector<std::filesystem::path> write_letters(const std::vector<Letter>& letters,
                                                 const std::filesystem::path& folder,
                                                 std::vector<std::string>& warnings);

/// Where letters go: letters/ beside the database.
std::filesystem::path letters_folder(const std::filesystem::path& database_file);

/// The letters in the outbox for a body and period (all periods when empty), oldest first.
std::vector<Letter> outbox(Database& db, const std::string& body_id, const std::string& period);

}  // namespace trellis
