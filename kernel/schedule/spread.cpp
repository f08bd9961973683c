#include "spread.hpp"

#include <algorithm>
#include <charconv>
#include <string_view>

namespace trellis::spread {
namespace {

// FNV-1a: simple, and fixed by its definition (std::hash is not).
// Not a security hash, only a spread of visit days; kept as is because another hash would move every planned date.
// Fed piece by piece, as the pieces joined would be: joining them cost an allocation per activity (issue 18).
constexpr std::uint64_t kFnvStart = 14695981039346656037ull;

std::uint64_t fnv1a(std::uint64_t h, std::string_view s) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

}  // namespace

std::vector<Stretch> stretches(std::size_t days, int count) {
  std::vector<Stretch> out;
  const auto n = static_cast<std::size_t>(count);
  for (std::size_t i = 0; i < n; ++i) {
    std::size_t first = i * days / n;
    std::size_t end = (i + 1) * days / n;  // one past the last
    first = std::min(first, days - 1);
    out.push_back({first, std::max(first, end == 0 ? 0 : end - 1)});
  }
  return out;
}

int position(const std::string& body, std::optional<std::int64_t> urn, const std::string& rule) {
  if (!urn) return 500;
  char digits[24];
  const auto end = std::to_chars(digits, digits + sizeof digits, *urn).ptr;  // as std::to_string writes it
  std::uint64_t h = fnv1a(kFnvStart, body);
  h = fnv1a(h, "\x1f");
  h = fnv1a(h, std::string_view(digits, static_cast<std::size_t>(end - digits)));
  h = fnv1a(h, "\x1f");
  h = fnv1a(h, rule);
  // Keep clear of a stretch's very first and last days, which sit next to the
  // neighbouring stretch's activity or a holiday.
  return 100 + static_cast<int>(h % 800);
}

std::size_t pick(Stretch s, int permille) {
  const std::size_t len = s.last - s.first + 1;
  return s.first + len * static_cast<std::size_t>(permille) / 1000;
}

}  // namespace trellis::spread
