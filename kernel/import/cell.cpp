#include "trellis/import/cell.hpp"

#include <array>
#include <charconv>
#include <cstdio>

namespace trellis::cell {
namespace {

struct Marker {
  std::string_view text;
  std::string_view reason;
};

// DfE's performance tables used the upper-case markers until 2019; the newer
// statistics releases use the GSS letters (c, x, z, low).
constexpr std::array<Marker, 11> kMarkers = {{
    {"SUPP", "suppressed"},        {"NE", "no entries"},     {"NA", "not applicable"},
    {"LOWCOV", "low coverage"},    {"NP", "not published"},  {"c", "suppressed"},
    {"x", "not available"},        {"z", "not applicable"},  {"low", "low coverage"},
    {"NOT AVAIL", "not available"}, {"", "not recorded"},
}};

bool same_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

int days_in_month(int y, int m) {
  static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : days[m - 1];
}

std::optional<std::string> iso(int y, int m, int d) {
  if (y < 1800 || y > 2999 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) return std::nullopt;
  char buf[40];  // room for any int, to satisfy -Wformat-truncation; the ranges are checked above
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return std::string(buf);
}

int to_int(std::string_view digits) {
  int v = 0;
  std::from_chars(digits.data(), digits.data() + digits.size(), v);
  return v;
}

// Howard Hinnant's civil-from-days: day 0 is 1970-01-01.
void civil_from_days(long z, int& y, int& m, int& d) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  y = static_cast<int>(yoe + era * 400 + (m <= 2));
}

}  // namespace

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

std::optional<std::string_view> missing_reason(std::string_view cell) {
  cell = trim(cell);
  for (const Marker& m : kMarkers)
    if (same_ignoring_case(cell, m.text)) return m.reason;
  return std::nullopt;
}

std::string_view marker_list() { return "SUPP, NE, NA, LOWCOV, NP, c, x, z, low"; }

std::optional<double> number(std::string_view cell) {
  cell = trim(cell);
  if (!cell.empty() && cell.back() == '%') cell = trim(cell.substr(0, cell.size() - 1));
  if (!cell.empty() && cell.front() == '+') cell.remove_prefix(1);
  if (cell.empty()) return std::nullopt;
  // from_chars would also take "inf" and "nan"; a number starts with a digit, a point or a minus.
  char first = cell.front() == '-' && cell.size() > 1 ? cell[1] : cell.front();
  if (!(first >= '0' && first <= '9') && first != '.') return std::nullopt;
  double v = 0;
  auto [end, ec] = std::from_chars(cell.data(), cell.data() + cell.size(), v);
  if (ec != std::errc() || end != cell.data() + cell.size()) return std::nullopt;
  return v;
}

std::optional<std::int64_t> whole(std::string_view cell) {
  cell = trim(cell);
  if (!all_digits(cell) || cell.size() > 18) return std::nullopt;
  std::int64_t v = 0;
  std::from_chars(cell.data(), cell.data() + cell.size(), v);
  return v;
}

std::optional<std::string> date_yyyymmdd(std::string_view cell) {
  cell = trim(cell);
  if (cell.size() != 8 || !all_digits(cell)) return std::nullopt;
  return iso(to_int(cell.substr(0, 4)), to_int(cell.substr(4, 2)), to_int(cell.substr(6, 2)));
}

std::optional<std::string> date_dmy(std::string_view cell) {
  cell = trim(cell);
  if (cell.size() != 10 || cell[2] != cell[5] || (cell[2] != '-' && cell[2] != '/')) return std::nullopt;
  auto d = cell.substr(0, 2), m = cell.substr(3, 2), y = cell.substr(6, 4);
  if (!all_digits(d) || !all_digits(m) || !all_digits(y)) return std::nullopt;
  return iso(to_int(y), to_int(m), to_int(d));
}

std::optional<std::string> date_iso(std::string_view cell) {
  cell = trim(cell);
  if (cell.size() != 10 || cell[4] != '-' || cell[7] != '-') return std::nullopt;
  auto y = cell.substr(0, 4), m = cell.substr(5, 2), d = cell.substr(8, 2);
  if (!all_digits(d) || !all_digits(m) || !all_digits(y)) return std::nullopt;
  return iso(to_int(y), to_int(m), to_int(d));
}

std::optional<std::string> date_excel_serial(std::string_view cell) {
  cell = trim(cell);
  // Excel counts 1900-01-01 as day 1 and keeps a 29 February 1900 that never
  // was, so from day 61 on, day 0 is 1899-12-30. Schools opened after 1900.
  if (!all_digits(cell) || cell.size() > 6) return std::nullopt;
  const int serial = to_int(cell);
  if (serial < 61) return std::nullopt;
  int y, m, d;
  civil_from_days(serial - 25569, y, m, d);  // 25569 is 1970-01-01
  return iso(y, m, d);
}

Period academic_year_of(std::string_view iso_date) {
  const int y = to_int(iso_date.substr(0, 4));
  const int m = to_int(iso_date.substr(5, 2));
  return Period::year(m >= 9 ? y : y - 1);
}

}  // namespace trellis::cell
