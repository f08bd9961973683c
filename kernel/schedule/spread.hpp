#pragma once
// Internal to the scheduler: how `count` activities are laid over a run of
// working days, and where in each stretch a given school's activity falls.
// Integer arithmetic only, so plans are identical on every platform.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace trellis::spread {

/// Indices [first, last] into a run of working days.
struct Stretch {
  std::size_t first = 0;
  std::size_t last = 0;
};

/// `count` consecutive, near-equal stretches covering `days` working days
/// (days >= 1, count >= 1). With fewer days than activities, stretches repeat days.
std::vector<Stretch> stretches(std::size_t days, int count);

/// Where in a stretch a school's activity for a rule falls, in thousandths,
/// between 100 and 899: a stable hash of body, URN and rule. Body-wide
/// activities (no URN) take the middle, 500.
int position(const std::string& body, std::optional<std::int64_t> urn, const std::string& rule);

/// The index in `s` at `permille` of its length.
std::size_t pick(Stretch s, int permille);

}  // namespace trellis::spread
