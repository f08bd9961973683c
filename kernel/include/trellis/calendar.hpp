#pragma once
/// The academic calendar: term and half-term dates per academic year, and the
/// working days that scheduling counts in.
///
/// A working day is a weekday that is not an England and Wales bank holiday
/// and lies in term time (inside a half-term and not a closure day). Half-term
/// weeks and the Christmas, Easter and summer holidays are not working days.
///
///     AcademicCalendar cal = calendar_from_policy(policy, "policies/example_la.toml");
///     Date meeting = Date::parse("2025-05-22");
///     cal.add_working_days(meeting, 7);          // 2025-06-09: skips the bank holiday and half-term
///     cal.working_days_between(meeting, today);  // how many working days since
///     cal.ranges(Period::parse("2024-25/spring"));  // spring-1 and spring-2
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
  DateRange span() const;        ///< autumn-1's first day to summer-2's last
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

  /// Inside a half-term and neither a bank holiday nor a closure day (weekends included).
  bool in_term(Date d) const;
  bool is_working_day(Date d) const;
  /// The `n`th working day after `from` (before it when n < 0); `from` itself when n == 0.
  Date add_working_days(Date from, int n) const;
  /// Working days in (from, to]; negative when `to` is before `from`.
  int working_days_between(Date from, Date to) const;
  Date working_day_on_or_before(Date d) const;
  Date working_day_on_or_after(Date d) const;
  /// The working days of a range, in order.
  std::vector<Date> working_days(DateRange r) const;
  /// The half-terms that make up a period: six for a year, two for a term, one for a half-term.
  std::vector<DateRange> ranges(const Period& p) const;

 private:
  struct Entry {
    AcademicYear year;
    std::vector<Date> off;  ///< weekdays inside half-terms that are not working days, sorted
  };
  const Entry& entry(int start_year) const;
  static Entry make_entry(AcademicYear y);
  // Default years are made when first asked for; one calendar is not meant
  // to be shared between threads.
  mutable std::map<int, Entry> years_;
};

/// Reads the policy's `[calendar]` tables into `out`; returns every problem,
/// each with its dotted key (e.g. "calendar.2024-25.spring-2").
std::vector<sdk::Diagnostic> read_calendar(const sdk::PolicyView& policy, AcademicCalendar& out);
/// The body's calendar from its policy. Throws InputError naming `policy_file`
/// and the key of each problem.
AcademicCalendar calendar_from_policy(const sdk::PolicyView& policy, const std::string& policy_file);

}  // namespace trellis
