// The plugin's view of the calendar: ISO strings in and out, std::nullopt
// instead of an exception for anything that is not a date or a period.
#include "trellis/calendar_view.hpp"

#include <algorithm>
#include <exception>

namespace trellis {
namespace {

using sdk::DayKind;

std::optional<DateRange> span_of(const AcademicCalendar& cal, std::string_view period) {
  auto p = Period::try_parse(period);
  if (!p) return std::nullopt;
  try {
    return cal.span(*p);
  } catch (const std::exception&) {
    return std::nullopt;  // a year the calendar cannot hold
  }
}

/// `d` moved by `n` months, the day clamped to the month's last; the result
/// is in year 1 or later.
Date plus_months(Date d, int n) {
  const int months = d.year() * 12 + (d.month() - 1) + n;
  const int year = months / 12, month = months % 12 + 1;
  return Date::from_ymd(year, month, std::min(d.day(), days_in_month(year, month)));
}

/// Whole months from `a` to `b`, with `b` not before `a`.
int whole_months(Date a, Date b) {
  int m = (b.year() - a.year()) * 12 + (b.month() - a.month());
  if (plus_months(a, m) > b) --m;
  return m;
}

}  // namespace

std::optional<std::string> AcademicCalendarView::period_first_day(std::string_view period) const {
  auto s = span_of(*calendar_, period);
  return s ? std::optional(s->first.to_string()) : std::nullopt;
}

std::optional<std::string> AcademicCalendarView::period_last_day(std::string_view period) const {
  auto s = span_of(*calendar_, period);
  return s ? std::optional(s->last.to_string()) : std::nullopt;
}

std::optional<std::string> AcademicCalendarView::first_school_day(std::string_view period) const {
  auto p = Period::try_parse(period);
  if (!p) return std::nullopt;
  try {
    return calendar_->first_school_day(*p).to_string();
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

std::optional<int> AcademicCalendarView::days_between(std::string_view from, std::string_view to,
                                                      DayKind kind) const {
  auto a = Date::try_parse(from), b = Date::try_parse(to);
  if (!a || !b) return std::nullopt;
  try {
    switch (kind) {
      case DayKind::calendar: return *b - *a;
      case DayKind::working: return calendar_->working_days_between(*a, *b);
      case DayKind::school: return calendar_->school_days_between(*a, *b);
    }
  } catch (const std::exception&) {
  }
  return std::nullopt;
}

std::optional<std::string> AcademicCalendarView::add_days(std::string_view from, int n, DayKind kind) const {
  auto d = Date::try_parse(from);
  if (!d) return std::nullopt;
  try {
    switch (kind) {
      case DayKind::calendar: return n > 36525 || n < -36525 ? std::nullopt : std::optional((*d + n).to_string());
      case DayKind::working: return calendar_->add_working_days(*d, n).to_string();
      case DayKind::school: return calendar_->add_school_days(*d, n).to_string();
    }
  } catch (const std::exception&) {
  }
  return std::nullopt;
}

bool AcademicCalendarView::is_day(std::string_view date, DayKind kind) const {
  auto d = Date::try_parse(date);
  if (!d) return false;
  try {
    switch (kind) {
      case DayKind::calendar: return true;
      case DayKind::working: return calendar_->is_working_day(*d);
      case DayKind::school: return calendar_->is_school_day(*d);
    }
  } catch (const std::exception&) {
  }
  return false;
}

std::optional<std::string> AcademicCalendarView::add_months(std::string_view from, int n) const {
  auto d = Date::try_parse(from);
  if (!d || n > 1200 || n < -1200) return std::nullopt;  // a century either way, as add_days
  if (d->year() * 12 + (d->month() - 1) + n < 12) return std::nullopt;  // before year 1
  return plus_months(*d, n).to_string();
}

std::optional<int> AcademicCalendarView::months_between(std::string_view from, std::string_view to) const {
  auto a = Date::try_parse(from), b = Date::try_parse(to);
  if (!a || !b) return std::nullopt;
  return *b >= *a ? whole_months(*a, *b) : -whole_months(*b, *a);
}

}  // namespace trellis
