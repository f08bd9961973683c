#pragma once
/// England and Wales bank holidays, computed for any year from the rules in
/// force since 1978 (New Year, Good Friday, Easter Monday, early May, spring,
/// summer, Christmas, Boxing Day, with substitute days), plus the one-off moves
/// and extra days as data (1981, 1995, 1999, 2002, 2011, 2012, 2020, 2022, 2023).
/// Years before 1978 get today's rules, which is not what was then observed.
///
///     for (auto& h : england_bank_holidays(2022)) std::cout << h.date.to_string() << ' ' << h.name;
///     is_england_bank_holiday(Date::parse("2023-05-08"));   // true: the Coronation
///     easter_sunday(2025).to_string();                      // "2025-04-20"
#include <string>
#include <vector>

#include "trellis/date.hpp"

namespace trellis {

struct BankHoliday {
  Date date;
  std::string name;  ///< as gov.uk names it, e.g. "Christmas Day (substitute day)"
};

/// The bank holidays of calendar year `year`, in date order.
std::vector<BankHoliday> england_bank_holidays(int year);
bool is_england_bank_holiday(Date d);
/// Easter Sunday in the Gregorian calendar (the anonymous "Meeus/Jones/Butcher" computus).
Date easter_sunday(int year);
/// The spring bank holiday of `year` (last Monday of May, or the date it was moved to).
Date spring_bank_holiday(int year);

}  // namespace trellis
