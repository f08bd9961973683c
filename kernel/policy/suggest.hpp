#pragma once
// Internal to tk_policy: "did you mean" for misspelt keys and names.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace trellis::policy_suggest {

/// Optimal string alignment distance: insertions, deletions, substitutions
/// and swaps of neighbours each cost 1 ("per_trem" is 1 from "per_term").
std::size_t distance(std::string_view a, std::string_view b);

/// The candidate nearest to `word`, if near enough to be a likely typo:
/// within 1 edit for words of up to 4 letters, else 2, or a quarter of the
/// word for long ones. Ties go to the first candidate.
std::optional<std::string> closest(std::string_view word, const std::vector<std::string>& candidates);

/// "; did you mean 'x'?" or "".
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace trellis::policy_suggest
