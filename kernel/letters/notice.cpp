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
      << "From " << context.body_name << ", " << decision.on << "\n\n"
      << notice.text << "\n\n"
      << "## The decision\n\n"
      << "Decided by " << decision.by << " on " << decision.on << " (" << decision.stage << " stage), for "
      << a.period << ".\n";
  if (!decision.rationale.empty()) out << "\n" << decision.rationale << "\n";
  if (!decision.activities.empty()) {
    out << "\n## What follows\n\n";
    for (const auto& line : decision.activities) out << "- " << line << "\n";
  }
  l.text = out.str();
  return l;
}

}  // namespace trellis
