// The outcome of a review, written for the headteacher. Regime-neutral: the
// levels, names and words of the decision come from the stored review.
#include "trellis/review_letter.hpp"

#include <sstream>

#include "trellis/error.hpp"

namespace trellis {
namespace {

/// Each line of `text` as a Markdown quote.
std::string quoted(const std::string& text) {
  std::istringstream in(text);
  std::string line, out;
  while (std::getline(in, line)) {
    out += "> ";
    out += line;
    out += "\n";
  }
  return out.empty() ? "> (no reason given)\n" : out;
}

}  // namespace

std::string review_letter_file(const Review& review) {
  return "review-" + std::to_string(review.id) + "-" + std::to_string(review.urn) + ".md";
}

std::string review_letter_text(const ReviewDecision& decision) {
  const Review& r = decision.review;
  const bool changed = r.status == ReviewStatus::changed;
  if (!changed && r.status != ReviewStatus::confirmed)
    throw UsageError("review " + std::to_string(r.id) + " is " + to_string(r.status) + ": there is no outcome to write");
  const std::string school = r.school.empty() ? "URN " + std::to_string(r.urn) : r.school;
  const std::string body = r.body_name.empty() ? r.body_id : r.body_name;
  const std::string period = r.period.value_or("the current period");
  const std::string level = r.outcome_level.value_or("");
  const std::string on = r.outcome_on.value_or(r.updated_at.value_or("").substr(0, 10));

  std::ostringstream o;
  o << "# Review of your school's classification: " << school << "\n\n"
    << "To the headteacher, " << school << " (URN " << r.urn << ")  \n"
    << "From " << body << ", " << on << "\n\n"
    << "## What was asked\n\n"
    << "On " << r.requested_at.substr(0, 10) << ", " << r.requested_by << " asked " << body
    << " to review your school's classification for " << period << ", because:\n\n"
    << quoted(r.reason) << "\n## The outcome\n\n";
  if (changed && decision.level_before)
    o << "Your school's classification for " << period << " has been **changed from " << *decision.level_before
      << " to " << level << "**.\n";
  else if (changed)
    o << "Your school's classification for " << period << " has been **set at " << level << "**.\n";
  else
    o << "Your school's classification for " << period << " has been **confirmed at " << level
      << "**. It stays as it was.\n";
  o << "\n## Why\n\n"
    << r.outcome_rationale.value_or("") << "\n\n"
    << "Decided by " << r.outcome_by.value_or("") << " on " << on << ".\n\n"
    << "If you would like to discuss this outcome, please contact " << body << " and quote review " << r.id << ".\n";

  return o.str();
}

}  // namespace trellis
