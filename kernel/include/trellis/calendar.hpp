#pragma once
/// The academic calendar: term and half-term dates per academic year, the two
/// kinds of day that deadlines count, and the days each period covers.
///
/// ## Two kinds of day
///
/// - A **working day** is the office's: Monday to Friday, less England and
///   Wales bank holidays, all year round. Half-terms and the Christmas, Easter
///   and summer holidays are working days; `closed` days are too. An officer's
///   "minutes within seven working days" and how late a deadline is count these.
/// - A **school day** is term time: a weekday inside a half-term that is
///   neither a bank holiday nor a `closed` day. Visits and meetings with a
///   school fall on school days.
///
/// Every function says which it counts (is_working_day / is_school_day,
/// add_working_days / add_school_days, ...): there is no unqualified "day".
///
///     AcademicCalendar cal = calendar_from_policy(policy, "policies/example_la.toml");
///     Date meeting = Date::parse("2025-05-22");          // Thursday before May half-term
///     cal.add_working_days(meeting, 7);   // 2025-06-03: through half-term, less the 26 May bank holiday
///     cal.add_school_days(meeting, 7);    // 2025-06-09: half-term is not term time
///     cal.working_days_between(meeting, today);          // how many working days since
///     cal.ranges(Period::parse("2024-25/spring"));       // spring-1 and spring-2, as the policy gives them
///
/// ## Periods
///
/// `span(period)` gives the days a period covers, so that the periods of a
/// year tile it: a year runs from 1 September to 31 August; a term or
/// half-term from its first school day to the day before the next one's first
/// school day (the holiday after it belongs to it; autumn-1 starts on
/// 1 September and summer-2 ends on 31 August). `first_school_day(period)` is
/// the day a term actually starts.
///
/// Membership and adoption checks ask what is in force on
/// `first_school_day(period)`: a school that joins on the first day of the
/// spring term is a member for spring, and one that joins on 1 or 2 September
/// is a member for the autumn term and the year. Use `span(period)` for what
/// happens during a period (activities that overlap it, a date's period).
///
/// ## The policy's `[calendar]` section
///
/// One table per academic year, named like the year. Each half-term is an
/// array of its first and last day (inclusive). `closed` optionally lists
/// extra days in term time when schools are shut (INSET days, local closures).
///
///     [calendar.2024-25]
///     autumn-1 = [2024-09-02, 2024-10-25]
///     autumn-2 = [2024-11-04, 2024-12-20]
///     spring-1 = [2025-01-06, 2025-02-14]
///     spring-2 = [2025-02-24, 2025-04-04]
///     summer-1 = [2025-04-22, 2025-05-23]
///     summer-2 = [2025-06-02, 2025-07-22]
///     closed   = [2024-09-02]
///
/// All six half-terms are required in a year that is given; they must be in
/// order, must not overlap, and must lie inside the academic year (1 September
/// to 31 August). Dates may be TOML dates or "YYYY-MM-DD" strings. A year the
/// policy does not give follows the default England pattern below, so a policy
/// needs a `[calendar]` only where its local dates differ.
///
/// ## The default England pattern (`default_england_year`)
///
/// - autumn-1: the first weekday on or after 2 September, to the Friday before
///   October half-term, which is the week of the last Monday in October;
/// - autumn-2: after that half-term to the last weekday on or before 20 December;
/// - spring-1: the first Monday after 1 January, to the Friday before February
///   half-term, which is the week of the first Monday on or after 12 February;
/// - spring-2: after that half-term to the Friday before the Easter holiday,
///   which is Holy Week and Easter week (Monday before Good Friday to the
///   Friday after Easter Monday);
/// - summer-1: after Easter to the Friday before May half-term, which is the
///   week of the spring bank holiday (Thursday 2 June 2022: the week of 30 May);
/// - summer-2: after May half-term to the last weekday on or before 20 July.
#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "trellis/bank_holidays.hpp"
#include "trellis/date.hpp"
#include "trellis/period.hpp"
#include "trellis/sdk/policy_view.hpp"

namespace trellis {

/// An inclusive range of days.
struct DateRange {
  Date first;
  Date last;
  bool contains(Date d) const { return first <= d && d <= last; }
  bool operator==(const DateRange&) const = default;
};

/// "autumn-1" ... "summer-2" for index 0..5.
const char* half_term_key(int index);

/// The term dates of one academic year.
struct AcademicYear {
  int start_year = 0;                   ///< 2024 for 2024-25
  std::array<DateRange, 6> half_terms;  ///< autumn-1, autumn-2, spring-1, spring-2, summer-1, summer-2
  std::vector<Date> closed;             ///< extra term-time days the schools are shut
  std::string source;                   ///< "policy" or "default England pattern"

  const DateRange& half_term(Term t, int half) const;
  DateRange term(Term t) const;  ///< first day of its first half to last day of its second
  /// Term time: autumn-1's first day to summer-2's last. (The academic year
  /// itself runs from 1 September to 31 August: AcademicCalendar::span.)
  DateRange span() const;
  /// What is wrong, each naming its key ("autumn-2", "closed"); empty when sound.
  std::vector<sdk::Diagnostic> problems() const;
};

/// The academic year (by its first calendar year) that `d` falls in: 1 September to 31 August.
int academic_start_year(Date d);
/// The documented default England pattern (see the file comment).
AcademicYear default_england_year(int start_year);

class AcademicCalendar {
 public:
  /// Every year follows the default England pattern until set_year says otherwise.
  AcademicCalendar() = default;
  /// Uses `y` for its academic year. Throws UsageError listing y.problems() when unsound.
  void set_year(AcademicYear y);
  /// The dates of an academic year: as set, or the default pattern.
  const AcademicYear& year(int start_year) const;

  // Working days: weekdays less bank holidays, all year round.
  bool is_working_day(Date d) const;
  /// The `n`th working day after `from` (before it when n < 0); `from` itself when n == 0.
  /// Throws std::out_of_range when |n| is more than a century of days.
  Date add_working_days(Date from, int n) const;
  /// Working days in (from, to]; negative when `to` is before `from`.
  int working_days_between(Date from, Date to) const;
  Date working_day_on_or_before(Date d) const;
  Date working_day_on_or_after(Date d) const;
  /// The working days of a range, in order.
  std::vector<Date> working_days(DateRange r) const;

  // School days: weekdays in term time, less bank holidays and closure days.
  bool is_school_day(Date d) const;
  /// The `n`th school day after `from` (before it when n < 0); `from` itself when n == 0.
  /// Throws std::out_of_range when |n| is more than a century of days.
  Date add_school_days(Date from, int n) const;
  /// School days in (from, to]; negative when `to` is before `from`.
  int school_days_between(Date from, Date to) const;
  Date school_day_on_or_before(Date d) const;
  Date school_day_on_or_after(Date d) const;
  /// The school days of a range, in order.
  std::vector<Date> school_days(DateRange r) const;

  /// Inside a half-term and neither a bank holiday nor a closure day (weekends included).
  bool in_term(Date d) const;

  /// The half-terms that make up a period: six for a year, two for a term, one for a half-term.
  std::vector<DateRange> ranges(const Period& p) const;
  /// The days a period covers (see "Periods" above): 2024-25/spring is
  /// 2025-01-06 to 2025-04-27 in the default pattern, Easter holiday included.
  DateRange span(const Period& p) const;
  /// The first school day of the period's first half-term (its first day if it has none).
  Date first_school_day(const Period& p) const;

 private:
  enum Kind : int { kWorking = 0, kSchool = 1 };
  /// One academic year as flags per day from 1 September, with running
  /// counts, so that a question about a day is an index and a count of days
  /// between two dates is a subtraction.
  struct Entry {
    AcademicYear year;
    Date first;                                  ///< 1 September
    int length = 0;                              ///< 365 or 366
    std::vector<std::uint8_t> flags;             ///< per day: 1 working, 2 school, 4 in term
    std::array<std::vector<std::uint16_t>, 2> upto;  ///< [kind][i]: days of that kind among the first i
  };
  const Entry& entry(int start_year) const;
  const Entry& entry_of(Date d) const;
  static Entry make_entry(AcademicYear y);
  bool is(Date d, Kind k) const;
  Date add(Date from, int n, Kind k) const;
  int count(Date first, Date last, Kind k) const;
  int between(Date from, Date to, Kind k) const;
  std::vector<Date> days(DateRange r, Kind k) const;
  Date first_school_day(const DateRange& half) const;

  /// The entry last asked for; copies and moves start without one.
  struct Last {
    const Entry* entry = nullptr;
    Last() = default;
    Last(const Last&) {}
    Last(Last&& o) noexcept { o.entry = nullptr; }
    Last& operator=(const Last&) {
      entry = nullptr;
      return *this;
    }
    Last& operator=(Last&& o) noexcept {
      entry = o.entry = nullptr;
      return *this;
    }
  };
  // Default years are made when first asked for; one calendar is not meant
  // to be shared between threads.
  mutable std::map<int, Entry> years_;
  mutable Last last_;
};

/// Reads the policy's `[calendar]` tables into `out`; returns every problem,
/// each with its dotted key (e.g. "calendar.2024-25.spring-2").
std::vector<sdk::Diagnostic> read_calendar(const sdk::PolicyView& policy, AcademicCalendar& out);
/// The body's calendar from its policy. Throws InputError naming `policy_file`
/// and the key of each problem.
AcademicCalendar calendar_from_policy(const sdk::PolicyView& policy, const std::string& policy_file);

}  // namespace trellis
