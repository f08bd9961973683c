// Letters to heads about their school's level, written for the headteacher.
// Regime-neutral: the offer's wording comes from the policy.
#include "trellis/letters.hpp"

#include <fstream>
#include <sstream>

#include "trellis/error.hpp"
#include "trellis/policy/kernel_sections.hpp"
#include "trellis/store/audit.hpp"

namespace trellis {
namespace {

std::string slug(std::string s) {
  for (auto& c : s)
    if (c == '/') c = '_';
  return s;
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
  out << "# " << (stays ? "Decision on the classification" : l.provisional ? "Provisional change of classification"
                                                                           : "Change of classification")
      << ": " << a.name << "\n\n"
      << "To the headteacher, " << a.name << " (URN " << a.urn << ")  \n"
      << "From " << c.body_name << ", " << c.today << "\n\n";
  if (stays) {
    out << "Your school's classification for " << a.period << " has been decided: it stays **" << shown(l.to_level)
        << "**.";
  } else if (l.from_level) {
    out << "Your school's classification for " << a.period << " has " << (l.provisional ? "provisionally " : "")
        << "changed from **" << shown(*l.from_level) << "** to **" << shown(l.to_level) << "**.";
  } else {
    out << "Your school's classification for " << a.period << " is **" << shown(l.to_level) << "**.";
  }
  out << "\n\n";
  if (l.provisional)
    out << "This level was computed from the data " << c.body_name
        << " holds. It is a proposal until it is decided, and you will be told the outcome.\n\n";
  if (decided) {
    out << "## The decision\n\n"
        << "Decided by " << a.decision->by << " on " << a.decision->on << " (" << a.decision->stage << " stage)";
    if (a.decision->level != a.computed_level) out << "; the level computed from the data was " << shown(a.computed_level);
    out << ".\n\n";
    if (!a.decision->rationale.empty()) out << a.decision->rationale << "\n\n";
  }
  out << "## What the data shows\n\n";
  for (auto& r : a.reasons) out << "- " << r << "\n";
  out << "\n## What happens next\n\n"
      << (!c.offer.empty() ? c.offer
          : stays          ? "You may discuss this decision with a representative of " + c.body_name + "."
                           : "You may discuss the rationale for this change with a representative of " + c.body_name + ".")
      << "\n\nThis classification was made under " << a.regime << " policy " << a.policy_version << " (hash "
      << a.policy_hash.substr(0, 12) << ").\n";
  return out.str();
}

}  // namespace

std::map<std::string, std::string> level_labels(const sdk::RegimeDescription& d) {
  std::map<std::string, std::string> out;
  for (const auto& scale : d.scales)
    if (scale.id == d.overall_scale)
      for (const auto& l : scale.levels) out[l.id] = l.label;
  return out;
}

std::optional<std::string> last_letter_level(Database& db, const std::string& body_id, std::int64_t urn,
                                             const std::string& period) {
  Statement s(db, "SELECT to_level FROM outbox WHERE body_id = ? AND urn = ? AND period = ? ORDER BY id DESC LIMIT 1");
  s.bind(1, body_id).bind(2, urn).bind(3, period);
  if (!s.step()) return std::nullopt;
  return s.text(0);
}

std::optional<Letter> change_letter(Database& db, const SchoolAssessment& a, bool provisional,
                                    const LetterContext& context) {
  if (!a.classified) return std::nullopt;
  const auto told = last_letter_level(db, a.body, a.urn, a.period);
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
  l.text = compose(a, l, context);
  return l;
}

Letter store_letter(Database& db, const Clock& clock, Letter l) {
  Statement s(db, R"(INSERT INTO outbox(body_id, urn, period, regime, kind, from_level, to_level, provisional, file,
                       text, created_at) VALUES (?,?,?,?,?,?,?,?,'',?,?))");
  s.bind(1, l.body_id).bind(2, l.urn).bind(3, l.period).bind(4, l.regime).bind(5, l.kind).bind(6, l.from_level)
      .bind(7, l.to_level).bind(8, l.provisional ? 1 : 0).bind(9, l.text).bind(10, clock.timestamp()).run();
  l.id = db.last_insert_id();
  if (l.file.empty()) l.file = l.body_id + "/" + slug(l.period) + "/" + std::to_string(l.urn) + "-" + std::to_string(l.id) + ".md";
  Statement f(db, "UPDATE outbox SET file = ? WHERE id = ?");
  f.bind(1, l.file).bind(2, l.id).run();
  return l;
}

std::vector<std::filesystem::path> write_letters(const std::vector<Letter>& letters,
                                                 const std::filesystem::path& folder,
                                                 std::vector<std::string>& warnings) {
  std::vector<std::filesystem::path> written;
  for (const auto& l : letters) {
    const auto file = folder / l.file;
    std::error_code ec;
    std::filesystem::create_directories(file.parent_path(), ec);
    std::ofstream out(file);
    if (ec || !out || !(out << l.text) || !out.flush()) {
      warnings.push_back("letter " + std::to_string(l.id) + " could not be written to " + file.string() +
                         (ec ? " (" + ec.message() + ")" : "") + "; it is kept in the outbox");
      continue;
    }
    written.push_back(file);
  }
  return written;
}

std::filesystem::path letters_folder(const std::filesystem::path& database_file) {
  return std::filesystem::absolute(database_file).parent_path() / "letters";
}

std::vector<Letter> outbox(Database& db, const std::string& body_id, const std::string& period) {
  Statement s(db, R"(SELECT id, body_id, urn, period, regime, kind, from_level, to_level, provisional, file, text
                     FROM outbox WHERE body_id = ? AND (? = '' OR period = ?) ORDER BY id)");
  s.bind(1, body_id).bind(2, period).bind(3, period);
  std::vector<Letter> out;
  while (s.step())
    out.push_back({s.integer(0), s.text(1), s.integer(2), s.text(3), s.text(4), s.text(5), s.opt_text(6), s.text(7),
                   s.integer(8) != 0, s.text(9), s.text(10)});
  return out;
}

}  // namespace trellis
