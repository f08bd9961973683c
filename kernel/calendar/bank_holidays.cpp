// England and Wales bank holidays. The regular rules are code; the changes
// made by proclamation for one year are data, so a future one-off is one line.
// Kept by hand: no bookworm C/C++ library knows England's bank holidays or Easter (Boost.Date_Time, libical and ICU's public API do not).
#include "trellis/bank_holidays.hpp"

#include <algorithm>

namespace trellis {
namespace {

struct Moved {
  int year;
  const char* which;  ///< "early-may" or "spring"
  int month, day;
};
// A regular holiday moved to another day that year (by royal proclamation).
constexpr Moved kMoved[] = {
    {1995, "early-may", 5, 8},  // VE Day 50th anniversary
    {2002, "spring", 6, 4},     // Golden Jubilee
    {2012, "spring", 6, 4},     // Diamond Jubilee
    {2020, "early-may", 5, 8},  // VE Day 75th anniversary
    {2022, "spring", 6, 2},     // Platinum Jubilee
};

struct Extra {
  int year, month, day;
  const char* name;
};
// Additional one-off bank holidays.
constexpr Extra kExtra[] = {
    {1981, 7, 29, "Royal wedding"},
    {1999, 12, 31, "Millennium celebrations"},
    {2002, 6, 3, "Golden Jubilee bank holiday"},
    {2011, 4, 29, "Royal wedding"},
    {2012, 6, 5, "Diamond Jubilee bank holiday"},
    {2022, 6, 3, "Platinum Jubilee bank holiday"},
    {2022, 9, 19, "Bank Holiday for the State Funeral of Queen Elizabeth II"},
    {2023, 5, 8, "Bank holiday for the coronation of King Charles III"},
};

Date moved_or(int year, const char* which, Date regular) {
  for (const auto& m : kMoved)
    if (m.year == year && std::string_view(m.which) == which) return Date::from_ymd(year, m.month, m.day);
  return regular;
}

/// `d`, or the Monday after it when it falls at a weekend.
Date next_weekday(Date d) {
  while (d.is_weekend()) d = d + 1;
  return d;
}

}  // namespace

Date easter_sunday(int y) {
  const int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4;
  const int f = (b + 8) / 25, g = (b - f + 1) / 3;
  const int h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4, k = c % 4;
  const int l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31;
  const int day = (h + l - 7 * m + 114) % 31 + 1;
  return Date::from_ymd(y, month, day);
}

Date spring_bank_holiday(int year) {
  return moved_or(year, "spring", nth_weekday(year, 5, Weekday::monday, -1));
}

std::vector<BankHoliday> england_bank_holidays(int year) {
  std::vector<BankHoliday> out;
  const Date new_year = Date::from_ymd(year, 1, 1);
  out.push_back({next_weekday(new_year), new_year.is_weekend() ? "New Year's Day (substitute day)" : "New Year's Day"});
  const Date easter = easter_sunday(year);
  out.push_back({easter - 2, "Good Friday"});
  out.push_back({easter + 1, "Easter Monday"});
  out.push_back({moved_or(year, "early-may", nth_weekday(year, 5, Weekday::monday, 1)), "Early May bank holiday"});
  out.push_back({spring_bank_holiday(year), "Spring bank holiday"});
  out.push_back({nth_weekday(year, 8, Weekday::monday, -1), "Summer bank holiday"});

  // Christmas and Boxing Day: a day that falls at a weekend is replaced by the
  // next weekday not already a holiday (so a Saturday Christmas gives Monday 27
  // and Tuesday 28; a Sunday Christmas gives Boxing Day Monday 26, Christmas Tuesday 27).
  const Date christmas = Date::from_ymd(year, 12, 25), boxing = christmas + 1;
  Date christmas_off = christmas, boxing_off = boxing;
  if (christmas.weekday() == Weekday::saturday) {
    christmas_off = christmas + 2;
    boxing_off = christmas + 3;
  } else if (christmas.weekday() == Weekday::sunday) {
    christmas_off = christmas + 2;
  } else if (boxing.weekday() == Weekday::saturday) {
    boxing_off = boxing + 2;
  }
  out.push_back({christmas_off, christmas_off == christmas ? "Christmas Day" : "Christmas Day (substitute day)"});
  out.push_back({boxing_off, boxing_off == boxing ? "Boxing Day" : "Boxing Day (substitute day)"});

  for (const auto& e : kExtra)
    if (e.year == year) out.push_back({Date::from_ymd(e.year, e.month, e.day), e.name});
  std::stable_sort(out.begin(), out.end(), [](const BankHoliday& a, const BankHoliday& b) { return a.date < b.date; });
  return out;
}

bool is_england_bank_holiday(Date d) {
  if (d.is_weekend()) return false;  // every bank holiday (and substitute) is a weekday
  for (const auto& h : england_bank_holidays(d.year()))
    if (h.date == d) return true;
  return false;
}

}  // namespace trellis
