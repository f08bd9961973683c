#include "trellis/schedule/uid_days.hpp"

#include <algorithm>
#include <tuple>

namespace trellis {
namespace {

constexpr std::string_view kMadeSuffix = "@trellis";
constexpr std::size_t kHexDigits = 32;

/// A lowercase hex digit's value, else -1 (an uppercase one is another UID).
int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

/// The 16 bytes of a UID trellis made, as two numbers; none for any other UID.
std::optional<std::pair<std::uint64_t, std::uint64_t>> made_key(std::string_view uid) {
  if (uid.size() != kHexDigits + kMadeSuffix.size() || uid.substr(kHexDigits) != kMadeSuffix) return std::nullopt;
  std::uint64_t half[2] = {0, 0};
  for (std::size_t i = 0; i < kHexDigits; ++i) {
    const int v = hex_value(uid[i]);
    if (v < 0) return std::nullopt;
    half[i / 16] = (half[i / 16] << 4) | static_cast<std::uint64_t>(v);
  }
  return std::pair{half[0], half[1]};
}

}  // namespace

void UidDays::add(std::string_view uid, Date day) {
  if (const auto key = made_key(uid))
    made_.push_back({key->first, key->second, day});
  else
    other_.emplace(std::string(uid), day);
}

std::optional<Date> UidDays::find(std::string_view uid) const {
  const auto key = made_key(uid);
  if (!key) {
    const auto it = other_.find(uid);
    return it == other_.end() ? std::nullopt : std::optional(it->second);
  }
  const auto before = [](const Made& a, const Made& b) { return std::tie(a.high, a.low) < std::tie(b.high, b.low); };
  if (sorted_ != made_.size()) {
    // Stable, so that of a UID added twice the first added comes first, and is found.
    std::stable_sort(made_.begin(), made_.end(), before);
    sorted_ = made_.size();
  }
  const Made wanted{key->first, key->second, Date{}};
  const auto it = std::lower_bound(made_.begin(), made_.end(), wanted, before);
  if (it == made_.end() || it->high != wanted.high || it->low != wanted.low) return std::nullopt;
  return it->day;
}

}  // namespace trellis
