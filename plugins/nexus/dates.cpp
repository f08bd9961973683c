// Just enough date arithmetic for the Ofsted window: the plugin sees the SDK
// only, so it cannot use the kernel's calendar.
#include <cstdio>

#include "nexus_regime.hpp"

namespace nexus {
namespace {

/// Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's algorithm).
long days_from_civil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

bool digits(const std::string& s, std::size_t from, std::size_t n) {
  for (std::size_t i = from; i < from + n; ++i)
    if (i >= s.size() || s[i] < '0' || s[i] > '9') return false;
  return true;
}

}  // namespace

std::optional<long> day_number(const std::string& iso) {
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-' || !digits(iso, 0, 4) || !digits(iso, 5, 2) ||
      !digits(iso, 8, 2))
    return std::nullopt;
  const int y = std::stoi(iso.substr(0, 4));
  const int m = std::stoi(iso.substr(5, 2));
  const int d = std::stoi(iso.substr(8, 2));
  static const int length[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12 || d < 1) return std::nullopt;
  if (d > length[m - 1] + (m == 2 && leap(y) ? 1 : 0)) return std::nullopt;
  return days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
}

std::optional<PeriodParts> parse_period(const std::string& period) {
  // "2019-20", optionally followed by "/autumn" or "/autumn-1".
  if (period.size() < 7 || !digits(period, 0, 4) || period[4] != '-' || !digits(period, 5, 2)) return std::nullopt;
  PeriodParts p;
  p.start_year = std::stoi(period.substr(0, 4));
  if ((p.start_year + 1) % 100 != std::stoi(period.substr(5, 2))) return std::nullopt;
  if (period.size() == 7) return p;
  if (period[7] != '/') return std::nullopt;
  std::string rest = period.substr(8);
  if (auto dash = rest.find('-'); dash != std::string::npos) rest = rest.substr(0, dash);
  for (auto& t : terms())
    if (rest == t) {
      p.term = t;
      return p;
    }
  return std::nullopt;
}

std::string term_start(const PolicyView& policy, int start_year, const std::string& term) {
  char year[16];
  std::snprintf(year, sizeof year, "%d-%02d", start_year, (start_year + 1) % 100);
  // The policy's own term dates, when it gives them (kernel/include/trellis/calendar.hpp).
  auto given = policy.texts("calendar." + std::string(year) + "." + term + "-1");
  if (!given.empty() && day_number(given.front())) return given.front();
  if (term == "spring") return std::to_string(start_year + 1) + "-01-01";
  if (term == "summer") return std::to_string(start_year + 1) + "-04-15";
  return std::to_string(start_year) + "-09-01";
}

}  // namespace nexus
