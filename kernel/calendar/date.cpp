// Civil dates as a day count, converted with Howard Hinnant's public-domain
// algorithms (days_from_civil / civil_from_days), exact for every Gregorian date.
// Kept over <chrono>: chrono::year stops at +-32767 (unspecified beyond) while a Date spans int32 days; date_test checks both agree.
#include "trellis/date.hpp"

#include <charconv>

#include "trellis/error.hpp"

namespace trellis {
namespace {

struct Ymd {
  int y, m, d;
};

std::int32_t days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Ymd civil_from_days(std::int32_t z) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const int doe = z - era * 146097;
  const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int mp = (5 * doy + 2) / 153;
  const int d = doy - (153 * mp + 2) / 5 + 1;
  const int m = mp + (mp < 10 ? 3 : -9);
  return {yoe + era * 400 + (m <= 2), m, d};
}

bool digits(std::string_view s, int& out) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc{} && p == s.data() + s.size();
}

}  // namespace

const char* weekday_name(Weekday w) {
  static const char* names[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
  return names[static_cast<int>(w) - 1];
}

int days_in_month(int year, int month) {
  static const int len[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : len[month - 1];
}

Date Date::from_ymd(int year, int month, int day) {
  if (month < 1 || month > 12 || day < 1 || day > days_in_month(year, month))
    throw UsageError("no such date: year " + std::to_string(year) + ", month " + std::to_string(month) +
                     ", day " + std::to_string(day));
  return Date(days_from_civil(year, month, day));
}

std::optional<Date> Date::try_parse(std::string_view text, std::string* why) {
  auto fail = [&](const std::string& msg) -> std::optional<Date> {
    if (why) *why = msg;
    return std::nullopt;
  };
  // Appended, not "\"" + std::string: see Location::to_string (GCC 12 -Wrestrict at -O3).
  std::string found = "\"";
  found += text;
  found += '"';
  int y = 0, m = 0, d = 0;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !digits(text.substr(0, 4), y) ||
      !digits(text.substr(5, 2), m) || !digits(text.substr(8, 2), d))
    return fail("expected a date YYYY-MM-DD, found " + found);
  if (m < 1 || m > 12) return fail("expected a month 01 to 12, found " + found);
  if (d < 1 || d > days_in_month(y, m))
    return fail("expected a day 01 to " + std::to_string(days_in_month(y, m)) + " for that month, found " + found);
  return Date(days_from_civil(y, m, d));
}

Date Date::parse(std::string_view text) {
  std::string why;
  if (auto d = try_parse(text, &why)) return *d;
  throw UsageError(why);
}

int Date::year() const { return civil_from_days(days_).y; }
int Date::month() const { return civil_from_days(days_).m; }
int Date::day() const { return civil_from_days(days_).d; }

Weekday Date::weekday() const {
  // 1970-01-01 was a Thursday (ISO 4).
  const int w = ((days_ % 7) + 7 + 3) % 7;  // 0 = Monday
  return static_cast<Weekday>(w + 1);
}

bool Date::is_weekend() const { return weekday() >= Weekday::saturday; }

std::string Date::to_string() const {
  const Ymd c = civil_from_days(days_);
  if (c.y < 0 || c.y > 9999) {  // outside ISO's four digits: still readable, never garbled
    auto two = [](int v) { return std::string(v < 10 ? "0" : "") + std::to_string(v); };
    return std::to_string(c.y) + "-" + two(c.m) + "-" + two(c.d);
  }
  char buf[16];
  auto put = [&](int v, int width, char* at) {
    for (int i = width - 1; i >= 0; --i, v /= 10) at[i] = static_cast<char>('0' + v % 10);
  };
  put(c.y, 4, buf);
  buf[4] = '-';
  put(c.m, 2, buf + 5);
  buf[7] = '-';
  put(c.d, 2, buf + 8);
  return std::string(buf, 10);
}

Date nth_weekday(int year, int month, Weekday w, int n) {
  if (n == -1) {
    Date last = Date::from_ymd(year, month, days_in_month(year, month));
    const int back = (static_cast<int>(last.weekday()) - static_cast<int>(w) + 7) % 7;
    return last - back;
  }
  Date first = Date::from_ymd(year, month, 1);
  const int fwd = (static_cast<int>(w) - static_cast<int>(first.weekday()) + 7) % 7;
  return first + (fwd + 7 * (n - 1));
}

Date week_monday(Date d) { return d - (static_cast<int>(d.weekday()) - 1); }

}  // namespace trellis
