#pragma once
/// A civil (proleptic Gregorian) date with no time and no zone: the unit of
/// every term, deadline and visit in Trellis.
///
///     Date d = Date::parse("2025-05-23");   // throws UsageError on "2025-02-30"
///     d.weekday();                          // Weekday::friday
///     (d + 3).to_string();                  // "2025-05-26"
///     Date::parse("2025-06-02") - d;        // 10 (days)
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace trellis {

/// ISO numbering: Monday is 1, Sunday is 7.
enum class Weekday { monday = 1, tuesday, wednesday, thursday, friday, saturday, sunday };

const char* weekday_name(Weekday w);  ///< "Monday" ... "Sunday"

class Date {
 public:
  /// 1970-01-01.
  constexpr Date() = default;

  /// Throws UsageError when the day does not exist (e.g. 2023-02-29).
  static Date from_ymd(int year, int month, int day);
  /// Days since 1970-01-01 (negative before it).
  static constexpr Date from_serial(std::int32_t days) { return Date(days); }
  /// Exactly "YYYY-MM-DD" and a day that exists; `why` explains a refusal.
  static std::optional<Date> try_parse(std::string_view text, std::string* why = nullptr);
  /// Throws UsageError naming the text, e.g. `expected a date YYYY-MM-DD, found "2024-13-01"`.
  static Date parse(std::string_view text);

  int year() const;
  int month() const;  ///< 1..12
  int day() const;    ///< 1..31
  Weekday weekday() const;
  bool is_weekend() const;
  constexpr std::int32_t serial() const { return days_; }

  std::string to_string() const;  ///< "YYYY-MM-DD"

  constexpr Date operator+(int days) const { return Date(days_ + days); }
  constexpr Date operator-(int days) const { return Date(days_ - days); }
  /// Calendar days from `other` to this date.
  constexpr int operator-(Date other) const { return days_ - other.days_; }
  constexpr auto operator<=>(const Date&) const = default;

 private:
  constexpr explicit Date(std::int32_t days) : days_(days) {}
  std::int32_t days_ = 0;
};

/// Number of days in a month of a year (28..31).
int days_in_month(int year, int month);
/// The `n`th (1-based) given weekday of a month; n = -1 gives the last one.
Date nth_weekday(int year, int month, Weekday w, int n);
/// The Monday of the Monday-to-Sunday week containing `d`.
Date week_monday(Date d);

}  // namespace trellis
