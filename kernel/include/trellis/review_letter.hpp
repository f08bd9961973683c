#pragma once
/// The letter that tells a headteacher the outcome of a review of their
/// school's classification. decide_review stores it in the outbox, in the same
/// transaction as the outcome; the caller writes it out once that commits.
///
///     ReviewDecision d = decide_review(db, host, officer, clock, outcome);   // commits first
///     d.letter->id;    // its outbox id
///     d.letter->file;  // "review-7-123456.md"; `trellis letters -o DIR` writes it there
#include <string>

#include "trellis/reviews.hpp"

namespace trellis {

/// The file name of the letter for a decided review: review-<id>-<urn>.md.
std::string review_letter_file(const Review& review);

/// The Markdown letter to the head: what was asked and when, the outcome
/// (confirmed at a level, or changed from one level to another), the
/// rationale, the date and who decided. Throws UsageError when the review is
/// not decided.
std::string review_letter_text(const ReviewDecision& decision);

}  // namespace trellis
