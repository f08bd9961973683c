#pragma once
/// Letters to heads: a change of level (provisional until decided, where the
/// policy says so), a decision and a review's outcome. Each is stored in the
/// outbox in the same transaction as the change that caused it; the use case
/// returns it, and nothing is written to disk until someone asks for the
/// letters (`trellis letters -o DIR`), into a folder they choose. A letter is
/// named by its outbox id and its file name, never by a path of the machine.
///
///     Transaction tx(db);
///     std::vector<Letter> stored;
///     if (auto l = change_letter(db, assessment, true, context)) stored.push_back(store_letter(db, clock, *l));
///     tx.commit();
///     // later, from another process perhaps:
///     std::vector<std::string> problems;
///     write_letters(outbox(db, "example-la", "2018-19"), "letters-2018-19", problems);  // letters-2018-19/123456-4.md
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "trellis/assessment.hpp"
#include "trellis/letter.hpp"
#include "trellis/policy/kernel_sections.hpp"
#include "trellis/regime_words.hpp"
#include "trellis/sdk/description.hpp"
#include "trellis/sdk/policy_view.hpp"
#include "trellis/store/database.hpp"

namespace trellis {

/// One activity of the school's plan, as the head reads it in a letter.
struct LetterStep {
  std::string title;
  std::string first, last;         ///< "YYYY-MM-DD": the day, or the window it falls in
  std::optional<std::string> due;  ///< for a deadline
  std::vector<std::string> documents;
  bool discussion = false;  ///< the policy's [discussion] rule: the day by which to arrange the discussion
};

struct LetterContext {
  std::string body_name;
  std::string offer;  ///< what the body offers the head, from the policy; empty: a plain offer to discuss
  std::string today;  ///< "YYYY-MM-DD": the day of the decision or assessment the letter tells of
  std::map<std::string, std::string> labels;  ///< level id -> what a head reads ("early_intervention" -> "Early Intervention")
  RegimeWords words = {};  ///< for the regime's ratings of areas and indicators
  /// What the body calls the level in its letters (the policy's
  /// notification.level_word, e.g. "tier of intervention"); default "classification".
  std::string level_word = "classification";
  std::string contact = {};                 ///< [letters] contact: whom the head contacts
  std::vector<std::string> copy_to = {};    ///< [letters] copy_to: who is copied ("Chair of Governors")
  std::vector<LetterStep> steps = {};       ///< the school's activities still to happen, by date
};

/// The context for a body's letters from its policy: the offer
/// (notification.offer), the word for the level (notification.level_word),
/// whom the head contacts and who is copied ([letters] contact, copy_to),
/// and the labels of the regime's levels and subjects. `today` ("YYYY-MM-DD")
/// is the day of the decision or assessment the letter tells of; the school's
/// steps are added by letter_steps (trellis/letter_context.hpp) once it is planned.
LetterContext letter_context(const std::string& body_name, const sdk::PolicyView& policy, const std::string& today,
                             const sdk::RegimeDescription& description);

/// A reason as a head reads it: without the officer's citations (a source
/// file and line) or a rule's shorthand in brackets ("(band rules: ...)");
/// the year a figure is for stays, and dates are in words. The officer's
/// report keeps them whole.
std::string in_plain_words(const std::string& reason);

/// "2018-10-01" as "1 October 2018"; anything else unchanged.
std::string date_in_words(const std::string& iso);
/// Every YYYY-MM-DD in `text` in words: "(meeting on 28 November 2018)".
std::string dates_in_words(const std::string& text);

/// The labels of the regime's overall scale, for letters.
std::map<std::string, std::string> level_labels(const sdk::RegimeDescription& d);

/// The level the last letter for the school and period told its head, if one went.
std::optional<std::string> last_letter_level(Database& db, const std::string& body_id, std::int64_t urn,
                                             const std::string& period);

/// urn -> the level the last letter for each school of the body told its head for the period, for a run over many schools.
std::map<std::int64_t, std::string> last_letter_levels(Database& db, const std::string& body_id, const std::string& period);

/// A letter for an assessment whose counting level changed, or whose decided
/// level differs from what the head was last told; none when nothing new is
/// to be said. `provisional`: the level is computed and not yet decided.
std::optional<Letter> change_letter(Database& db, const SchoolAssessment& a, bool provisional,
                                    const LetterContext& context);

/// change_letter's choice without its words (`text` empty), given the level
/// the head was last told (`told`): a run over many schools asks it first and
/// gathers a letter's steps only for the schools that get one.
std::optional<Letter> letter_due(const SchoolAssessment& a, const std::optional<std::string>& told, bool provisional);

/// The words of a letter letter_due chose, with the context's steps.
std::string letter_text(const SchoolAssessment& a, const Letter& letter, const LetterContext& context);

/// A standing decision as its notice tells it.
struct StandingDecision {
  std::string subject, level, stage, by, on, rationale;
  std::vector<std::string> activities;  ///< what the decision planned, one line each ("Task Group: 2020-02-03")
  std::vector<std::string> papers;      ///< the documents and support those activities carry, each once
};

/// The policy's notice of a standing decision ([decisions.notices]), kind
/// "notice", addressed to the people it names.
Letter notice_letter(const SchoolAssessment& a, const DecisionNotice& notice, const StandingDecision& decision,
                     const LetterContext& context);

/// Concerns raised during a visit or meeting, recorded with its note.
struct ConcernsRaised {
  std::string body_id, body_name, regime;
  std::string period;  ///< the activity's academic year
  std::int64_t urn = 0;
  std::string school, activity;  ///< the school's name; the activity's title
  std::string held, on;          ///< ISO days: the activity held (or planned), the concerns recorded
  std::string by;                ///< who recorded them
  std::int64_t note_id = 0;
  std::vector<std::string> concerns, to;
};

/// The notice of concerns to the people the policy's [notes] concerns_to
/// names, kind "notice", so that they hear of them without waiting for the note.
Letter concerns_letter(const ConcernsRaised& c);

/// Stores the letter in the outbox; returns it with its id and file.
Letter store_letter(Database& db, const Clock& clock, Letter letter);

/// Writes each letter to `folder`/letter.file, creating the folder, each file
/// whole or not at all (write_file_whole: a regular file only, never a link,
/// never one of `keep`); returns the files written, as `folder` / file name.
/// A letter that cannot be written is left out: `problems` says which and
/// why, and the rest are written.
std::vector<std::filesystem::path> write_letters(const std::vector<Letter>& letters,
                                                 const std::filesystem::path& folder,
                                                 std::vector<std::string>& problems,
                                                 const std::vector<std::filesystem::path>& keep = {});

/// The letters in the outbox for a body and period (all periods when empty),
/// oldest first, each with its school's name. A file name stored as a path by
/// an older version reads as its last part, so a letter always lands in the
/// folder it is written to.
std::vector<Letter> outbox(Database& db, const std::string& body_id, const std::string& period);

}  // namespace trellis
