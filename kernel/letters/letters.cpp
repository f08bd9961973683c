// Letters to heads about their school's level, written for the headteacher.
// Regime-neutral: the offer's wording comes from the policy.
#include "trellis/letters.hpp"

#include <sstream>

#include "trellis/error.hpp"
#include "trellis/file_output.hpp"
#include "trellis/policy/kernel_sections.hpp"
#include "trellis/store/audit.hpp"
#include "trellis/store/letter_repository.hpp"

namespace trellis {
namespace {

/// "a, b and c" with `last` before the last item, or each joined by `each` when given.
std::string join(const std::vector<std::string>& items, const std::string& last, const std::string& each = ", ") {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) out += (i == 0 ? "" : i + 1 == items.size() ? last : each) + items[i];
  return out;
}

/// "on 12 November 2018", "between 5 and 16 November 2018", "by 14 September 2018".
std::string when(const LetterStep& s) {
  if (s.due) return "by " + date_in_words(*s.due);
  if (s.first == s.last) return "on " + date_in_words(s.first);
  return "between " + date_in_words(s.first) + " and " + date_in_words(s.last);
}

/// What the level means for the school: what is planned, and what is asked of it.
void next_steps(std::ostringstream& out, const LetterContext& c, bool stays) {
  out << "\n## What happens next\n\n";
  const LetterStep* discussion = nullptr;
  for (const auto& s : c.steps)
    if (s.discussion && !discussion) discussion = &s;
  if (!c.offer.empty())
    out << c.offer << "\n\n";
  else if (discussion)
    out << "Please arrange a discussion of " << (stays ? "this decision" : "your school's " + c.level_word) << " with "
        << (c.contact.empty() ? "a representative of " + c.body_name : c.contact) << " "
        << (discussion->due ? "by " + date_in_words(*discussion->due) : when(*discussion)) << ".\n\n";
  else
    out << (stays ? "You may discuss this decision with " : "You may discuss the rationale for this change with ")
        << (c.contact.empty() ? "a representative of " + c.body_name : c.contact) << ".\n\n";
  bool listed = false;
  for (const auto& s : c.steps) {
    if (&s == discussion) continue;
    if (!listed) out << "What this means for your school this year:\n\n";
    listed = true;
    out << "- " << dates_in_words(s.title) << ", " << when(s) << "\n";
    if (!s.documents.empty())
      out << "  " << (s.due ? "Please provide: " : "Documents: ") << join(s.documents, "; ", "; ") << "\n";
  }
  if (listed) out << "\n";
}

std::string compose(const SchoolAssessment& a, const Letter& l, const LetterContext& c) {
  auto shown = [&](const std::string& level) {
    if (level == kInsufficientEvidence) return std::string(kInsufficientEvidenceLabel);
    auto it = c.labels.find(level);
    return it == c.labels.end() ? level : it->second;
  };
  std::ostringstream out;
  const bool decided = a.decision.has_value();
  const bool stays = l.kind == "decision" && l.from_level == l.to_level;
  const std::string& word = c.level_word;
  out << "# " << (stays ? "Decision on the " + word : l.provisional ? "Provisional change of " + word
                                                                    : "Change of " + word)
      << ": " << a.name << "\n\n"
      << "To the headteacher, " << a.name << " (URN " << a.urn << ")  \n";
  if (!c.copy_to.empty()) out << "Copied to: " << join(c.copy_to, " and ") << "  \n";
  out << "From " << c.body_name << ", " << date_in_words(c.today) << "\n\n";
  if (stays) {
    out << "Your school's " << word << " for " << a.period << " has been decided: it stays **" << shown(l.to_level)
        << "**.";
  } else if (l.from_level) {
    out << "Your school's " << word << " for " << a.period << " has " << (l.provisional ? "provisionally " : "")
        << "changed from **" << shown(*l.from_level) << "** to **" << shown(l.to_level) << "**.";
  } else {
    out << "Your school's " << word << " for " << a.period << " is **" << shown(l.to_level) << "**.";
  }
  out << "\n\n";
  if (l.provisional)
    out << "This level was computed from the data " << c.body_name
        << " holds. It is a proposal until it is decided, and you will be told the outcome.\n\n";
  if (decided) {
    out << "## The decision\n\n"
        << "Decided by " << a.decision->by << " on " << date_in_words(a.decision->on);
    if (a.decision->level != a.computed_level) out << "; the level computed from the data was " << shown(a.computed_level);
    out << ".\n\n";
    if (!a.decision->rationale.empty()) out << a.decision->rationale << "\n\n";
  }
  out << "## What the data shows\n\n";
  for (auto& r : a.reasons) out << "- " << in_plain_words(r) << "\n";
  bool by_area = false;
  for (const auto& r : a.ratings) {
    if (r.subject == "overall" || r.stage != "computed") continue;
    if (!by_area) out << "\n## By area\n\n";
    by_area = true;
    out << "- " << in_plain_words(c.words.line(r)) << "\n";
  }
  next_steps(out, c, stays);
  out << "This " << word << " was made under " << c.body_name << "'s policy " << a.policy_version << ".\n";
  return out.str();
}

}  // namespace

LetterContext letter_context(const std::string& body_name, const sdk::PolicyView& policy, const std::string& today,
                             const sdk::RegimeDescription& description) {
  LetterContext c{body_name, policy.text("notification.offer").value_or(""), today, level_labels(description),
                  RegimeWords(description)};
  if (auto word = policy.text("notification.level_word"); word && !word->empty()) c.level_word = *word;
  const KernelSections sections = read_kernel_sections(policy);
  c.contact = sections.letter_contact;
  c.copy_to = sections.letter_copy_to;
  return c;
}

std::map<std::string, std::string> level_labels(const sdk::RegimeDescription& d) {
  std::map<std::string, std::string> out;
  for (const auto& scale : d.scales)
    if (scale.id == d.overall_scale)
      for (const auto& l : scale.levels) out[l.id] = l.label;
  return out;
}

std::optional<std::string> last_letter_level(Database& db, const std::string& body_id, std::int64_t urn,
                                             const std::string& period) {
  return db.letters().last_level(body_id, urn, period);
}

std::map<std::int64_t, std::string> last_letter_levels(Database& db, const std::string& body_id,
                                                       const std::string& period) {
  return db.letters().last_levels(body_id, period);
}

std::optional<Letter> letter_due(const SchoolAssessment& a, const std::optional<std::string>& told, bool provisional) {
  if (!a.classified) return std::nullopt;
  Letter l;
  l.body_id = a.body;
  l.urn = a.urn;
  l.period = a.period;
  l.regime = a.regime;
  l.to_level = a.level;
  l.provisional = provisional;
  if (told) {
    // The head has had a letter for this period: write again only when the level they were told is not the one that now counts.
    if (*told == a.level) return std::nullopt;
    l.kind = "decision";
    l.from_level = a.changed() ? a.previous_level : std::optional(a.level);
  } else {
    if (!a.changed()) return std::nullopt;
    l.kind = "change";
    l.from_level = a.previous_level;
  }
  return l;
}

std::string letter_text(const SchoolAssessment& a, const Letter& letter, const LetterContext& context) {
  return compose(a, letter, context);
}

std::optional<Letter> change_letter(Database& db, const SchoolAssessment& a, bool provisional,
                                    const LetterContext& context) {
  if (!a.classified) return std::nullopt;
  auto l = letter_due(a, last_letter_level(db, a.body, a.urn, a.period), provisional);
  if (l) l->text = compose(a, *l, context);
  return l;
}

Letter store_letter(Database& db, const Clock& clock, Letter l) {
  // The file is named once its id is known; the id makes the name unique, so a
  // body's letters of several periods can share one folder.
  const bool named = !l.file.empty();
  l.id = db.letters().add(l, clock.timestamp());
  if (!named) {
    l.file = std::to_string(l.urn) + "-" + std::to_string(l.id) + ".md";
    db.letters().set_file(l.id, l.file);
  }
  return l;
}

std::vector<std::filesystem::path> write_letters(const std::vector<Letter>& letters,
                                                 const std::filesystem::path& folder,
                                                 std::vector<std::string>& problems,
                                                 const std::vector<std::filesystem::path>& keep) {
  std::vector<std::filesystem::path> written;
  std::error_code ec;
  std::filesystem::create_directories(folder, ec);
  if (ec) {
    problems.push_back("cannot create " + folder.string() + ": " + ec.message() + "; no letter was written");
    return written;
  }
  for (const auto& l : letters) {
    // Only the file name: whatever was stored, a letter never lands outside `folder`.
    const auto file = folder / std::filesystem::path(l.file).filename();
    try {
      // A link planted in the folder is refused, never followed (issue 19).
      write_file_whole(file, l.text, keep, Links::refuse);
    } catch (const UsageError& e) {
      problems.push_back("letter " + std::to_string(l.id) + ": " + e.what());
      continue;
    }
    written.push_back(file);
  }
  return written;
}

std::vector<Letter> outbox(Database& db, const std::string& body_id, const std::string& period) {
  return db.letters().list(body_id, period);
}

}  // namespace trellis
