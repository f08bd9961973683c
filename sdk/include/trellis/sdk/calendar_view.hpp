#pragma once
/// The body's academic calendar, read-only, as a regime sees it. A regime
/// reaches it from the school's evidence view, and does no date arithmetic of
/// its own:
///
///     const CalendarView& cal = school.calendar();
///     auto spring = cal.first_school_day("2019-20/spring");           // "2020-01-06"
///     auto half = cal.period_first_day("2019-20/spring-1");           // first day of a half-term
///     auto half_end = cal.period_last_day("2019-20/spring-1");        // its last, the break included
///     auto since = cal.months_between("2014-01-14", *spring);         // 72
///     auto minutes = cal.add_days("2025-05-22", 7, DayKind::working);  // "2025-06-03"
///     auto before = cal.add_days("2020-01-06", -5, DayKind::school);   // five school days before
///
/// Dates are ISO "YYYY-MM-DD" strings and periods are "2019-20",
/// "2019-20/spring" or "2019-20/spring-1". A function given something that is
/// not one answers std::nullopt (or false); none of them throws for bad input.
///
/// ## The three kinds of day
///
/// - calendar days: every day;
/// - working days: the office's days, Monday to Friday less England and
///   Wales bank holidays, all year round (school holidays included);
/// - school days: term time, as the body's policy gives it (`[calendar]`) or
///   the default England pattern: a weekday inside a half-term that is neither
///   a bank holiday nor a day the policy lists as `closed`.
///
/// ## Periods
///
/// A period's first and last days tile the academic year: a year runs from
/// 1 September to 31 August; a term or half-term from its first school day to
/// the day before the next one's first school day, so the holiday after it
/// belongs to it (autumn-1 starts on 1 September and summer-2 ends on
/// 31 August). `first_school_day` is the day a term actually starts: use it to
/// ask what holds at the start of a term (an Ofsted window, a membership).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace trellis::sdk {
inline namespace v3 {

/// Which days a count of days counts. One byte: see ActivityRule::day_kind.
enum class DayKind : std::uint8_t {
  calendar,  ///< every day
  working,   ///< weekdays less bank holidays, all year (the office's days)
  school,    ///< weekdays in term time less bank holidays and closure days
};

class CalendarView {
 public:
  virtual ~CalendarView();
  /// The first day of a period (see "Periods" above), e.g. "2019-20/spring" ->
  /// "2020-01-06"; nullopt when `period` is not a period.
  virtual std::optional<std::string> period_first_day(std::string_view period) const = 0;
  /// The last day of a period, the holiday after it included, e.g. "2019-20/spring" ->
  /// "2020-04-19"; "2019-20/summer" -> "2020-08-31".
  virtual std::optional<std::string> period_last_day(std::string_view period) const = 0;
  /// The first school day of a period's first half-term: "2019-20" -> "2019-09-02".
  virtual std::optional<std::string> first_school_day(std::string_view period) const = 0;
  /// Days of `kind` in (from, to]: negative when `to` is before `from`; nullopt
  /// when either is not a date. With DayKind::calendar, simply `to - from`.
  virtual std::optional<int> days_between(std::string_view from, std::string_view to, DayKind kind) const = 0;
  /// The `n`th day of `kind` after `from` (before it when n < 0; `from` itself
  /// when n == 0), e.g. add_days("2025-05-22", 7, DayKind::working) ->
  /// "2025-06-03"; nullopt when `from` is not a date or the answer is beyond
  /// the calendar's reach (a century either way).
  virtual std::optional<std::string> add_days(std::string_view from, int n, DayKind kind) const = 0;
  /// Whether `date` is a day of `kind`; false when it is not a date.
  virtual bool is_day(std::string_view date, DayKind kind) const = 0;
  /// `from` moved by `n` whole months (back when n < 0), on the same day of
  /// the month or the month's last: add_months("2014-01-14", 36) ->
  /// "2017-01-14"; add_months("2020-01-31", 1) -> "2020-02-29".
  virtual std::optional<std::string> add_months(std::string_view from, int n) const = 0;
  /// Whole months from `from` to `to`, as an age is counted (negative when
  /// `to` is before `from`): months_between("2014-01-14", "2019-09-01") -> 67.
  virtual std::optional<int> months_between(std::string_view from, std::string_view to) const = 0;
};

}  // namespace v3
}  // namespace trellis::sdk
