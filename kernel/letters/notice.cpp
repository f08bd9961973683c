// A notice of a standing decision (e.g. a trust's formal intervention), to
// the people the policy names. Its words are the policy's; the kernel adds
// who decided, when, and why.
#include <sstream>

#include "trellis/letters.hpp"

namespace trellis {
namespace {

std::string listed(const std::vector<std::string>& people) {
  std::string out;
  for (std::size_t i = 0; i < people.size(); ++i)
    out += (i == 0 ? "" : i + 1 == people.size() ? " and " : ", ") + std::string("the ") + people[i];
  return out;
}

}  // namespace

Letter notice_letter(const SchoolAssessment& a, const DecisionNotice& notice, const StandingDecision& decision,
                     const LetterContext& context) {
  Letter l;
  l.body_id = a.body;
  l.urn = a.urn;
  l.period = a.period;
  l.regime = a.regime;
  l.kind = "notice";
  l.to_level = decision.level;
  std::ostringstream out;
  out << "# " << (notice.title.empty() ? decision.subject : notice.title) << ": " << a.name << "\n\n"
      << "To " << listed(notice.to) << ", " << a.name << " (URN " << a.urn << ")  \n"
      << "From " << context.body_name << ", " << date_in_words(decision.on) << "\n\n"
      << notice.text << "\n\n"
      << "## The decision\n\n"
      << "Decided by " << decision.by << " on " << date_in_words(decision.on) << " (" << decision.stage
      << " stage), for " << a.period << ".\n";
  if (!decision.rationale.empty()) out << "\n" << decision.rationale << "\n";
  if (!decision.activities.empty()) {
    out << "\n## What follows\n\n";
    for (const auto& line : decision.activities) out << "- " << dates_in_words(line) << "\n";
  }
  if (!decision.papers.empty()) {
    out << "\n## Documents and support\n\n";
    for (const auto& line : decision.papers) out << "- " << line << "\n";
  }
  l.text = out.str();
  return l;
}

Letter concerns_letter(const ConcernsRaised& c) {
  Letter l;
  l.body_id = c.body_id;
  l.urn = c.urn;
  l.period = c.period;
  l.regime = c.regime;
  l.kind = "notice";
  std::ostringstream out;
  out << "# Concerns raised during a visit: " << c.school << "\n\n"
      << "To " << listed(c.to) << "  \n"
      << "About " << c.school << " (URN " << c.urn << ")  \n"
      << "From " << c.body_name << ", " << date_in_words(c.on) << "\n\n"
      << c.by << " recorded " << (c.concerns.size() == 1 ? "a concern" : std::to_string(c.concerns.size()) + " concerns")
      << " raised during the " << c.activity << " on " << date_in_words(c.held) << ":\n\n";
  for (const auto& concern : c.concerns) out << "- " << concern << "\n";
  out << "\nThe note of the visit (note " << c.note_id << ") records " << (c.concerns.size() == 1 ? "it" : "them")
      << " too; it goes to the school and is agreed with it in the usual way.\n";
  l.text = out.str();
  return l;
}

}  // namespace trellis
