#pragma once
/// The letter that tells a headteacher the outcome of a review of their
/// school's classification, written beside the change-of-level letters.
///
///     ReviewDecision d = decide_review(db, host, outcome);   // commits first
///     auto file = write_review_letter(d, letters_folder(db.file()));
///     // letters/example-la/2018-19/review-7-123456.md
#include <filesystem>

#include "trellis/reviews.hpp"

namespace trellis {

/// Where the letter for a decided review goes under `letters` (the folder
/// letters_folder() gives): <body>/<period, '/' as '_'>/review-<id>-<urn>.md.
std::filesystem::path review_letter_path(const Review& review, const std::filesystem::path& letters);

/// Writes the Markdown letter to the head: what was asked and when, the
/// outcome (confirmed at a level, or changed from one level to another), the
/// rationale, the date and who decided. Call it only once the decision is
/// committed. Throws std::runtime_error when the file cannot be written, and
/// UsageError when the review is not decided. Returns the file written.
std::filesystem::path write_review_letter(const ReviewDecision& decision, const std::filesystem::path& letters);

}  // namespace trellis
