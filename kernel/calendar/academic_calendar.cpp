// Working-day arithmetic over the academic calendar. Each academic year keeps
// a sorted list of its term-time weekdays that are off (bank holidays and
// closures), so asking about one day is a few comparisons and a binary search.
#include <algorithm>
#include <stdexcept>

#include "trellis/calendar.hpp"
#include "trellis/error.hpp"

namespace trellis {
namespace {

// Far beyond any plan; only a calendar with no working days at all gets here.
constexpr int kMaxSteps = 366 * 30;

[[noreturn]] void no_working_day(Date from) {
  throw std::runtime_error("no working day within 30 years of " + from.to_string());
}

}  // namespace

AcademicCalendar::Entry AcademicCalendar::make_entry(AcademicYear y) {
  Entry e;
  auto in_term = [&](Date d) {
    for (const auto& r : y.half_terms)
      if (r.contains(d)) return true;
    return false;
  };
  for (int cal_year : {y.start_year, y.start_year + 1})
    for (const auto& h : england_bank_holidays(cal_year))
      if (in_term(h.date)) e.off.push_back(h.date);
  for (Date d : y.closed)
    if (!d.is_weekend() && in_term(d)) e.off.push_back(d);
  std::sort(e.off.begin(), e.off.end());
  e.off.erase(std::unique(e.off.begin(), e.off.end()), e.off.end());
  e.year = std::move(y);
  return e;
}

void AcademicCalendar::set_year(AcademicYear y) {
  if (auto problems = y.problems(); !problems.empty()) {
    std::string msg = "bad dates for " + Period::year(y.start_year).to_string() + ":";
    for (const auto& p : problems) msg += " " + p.path + ": " + p.message + ";";
    msg.pop_back();
    throw UsageError(msg);
  }
  const int key = y.start_year;
  years_.insert_or_assign(key, make_entry(std::move(y)));
}

const AcademicCalendar::Entry& AcademicCalendar::entry(int start_year) const {
  auto it = years_.find(start_year);
  if (it == years_.end()) it = years_.emplace(start_year, make_entry(default_england_year(start_year))).first;
  return it->second;
}

const AcademicYear& AcademicCalendar::year(int start_year) const { return entry(start_year).year; }

bool AcademicCalendar::in_term(Date d) const {
  const Entry& e = entry(academic_start_year(d));
  for (const auto& r : e.year.half_terms)
    if (r.contains(d)) return !std::binary_search(e.off.begin(), e.off.end(), d);
  return false;
}

bool AcademicCalendar::is_working_day(Date d) const {
  if (d.is_weekend()) return false;
  const Entry& e = entry(academic_start_year(d));
  for (const auto& r : e.year.half_terms)
    if (r.contains(d)) return !std::binary_search(e.off.begin(), e.off.end(), d);
  return false;
}

Date AcademicCalendar::add_working_days(Date from, int n) const {
  const int step = n < 0 ? -1 : 1;
  Date d = from;
  for (int left = n < 0 ? -n : n, steps = 0; left > 0;) {
    d = d + step;
    if (is_working_day(d)) --left;
    if (++steps > kMaxSteps) no_working_day(from);
  }
  return d;
}

int AcademicCalendar::working_days_between(Date from, Date to) const {
  if (to < from) return -working_days_between(to, from);
  int n = 0;
  for (Date d = from + 1; d <= to; d = d + 1) n += is_working_day(d);
  return n;
}

Date AcademicCalendar::working_day_on_or_before(Date d) const {
  for (int steps = 0; !is_working_day(d); d = d - 1)
    if (++steps > kMaxSteps) no_working_day(d);
  return d;
}

Date AcademicCalendar::working_day_on_or_after(Date d) const {
  for (int steps = 0; !is_working_day(d); d = d + 1)
    if (++steps > kMaxSteps) no_working_day(d);
  return d;
}

std::vector<Date> AcademicCalendar::working_days(DateRange r) const {
  std::vector<Date> out;
  for (Date d = r.first; d <= r.last; d = d + 1)
    if (is_working_day(d)) out.push_back(d);
  return out;
}

std::vector<DateRange> AcademicCalendar::ranges(const Period& p) const {
  const AcademicYear& y = year(p.start_year());
  switch (p.kind()) {
    case Period::Kind::year: return {y.half_terms.begin(), y.half_terms.end()};
    case Period::Kind::term: return {y.half_term(p.term(), 1), y.half_term(p.term(), 2)};
    case Period::Kind::half_term: return {y.half_term(p.term(), p.half())};
  }
  return {};
}

}  // namespace trellis
