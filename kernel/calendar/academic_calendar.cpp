// Working days and school days over the academic calendar. Each academic year
// is one table of flags per day (1 September to 31 August) with running
// counts per kind of day: asking about a day is an index, counting the days
// between two dates a subtraction per year crossed, and adding n days a
// binary search in the year where the count is reached.
#include <algorithm>
#include <stdexcept>

#include "trellis/calendar.hpp"
#include "trellis/error.hpp"

namespace trellis {
namespace {

constexpr std::uint8_t kWorkingFlag = 1, kSchoolFlag = 2, kTermFlag = 4;
constexpr std::uint8_t kFlag[] = {kWorkingFlag, kSchoolFlag};
const char* const kName[] = {"working", "school"};

// A century of days either way: far beyond any plan, and it bounds the years
// a count may make the calendar build.
constexpr int kMaxDays = 36525;

// Years in a row with no day of a kind before add() gives up (only a calendar
// with no days of that kind at all gets there).
constexpr int kMaxEmptyYears = 30;

}  // namespace

AcademicCalendar::Entry AcademicCalendar::make_entry(AcademicYear y) {
  Entry e;
  e.first = Date::from_ymd(y.start_year, 9, 1);
  e.length = Date::from_ymd(y.start_year + 1, 9, 1) - e.first;
  e.flags.assign(static_cast<std::size_t>(e.length), 0);
  auto at = [&](Date d) -> std::uint8_t* {
    const int i = d - e.first;
    return i >= 0 && i < e.length ? &e.flags[static_cast<std::size_t>(i)] : nullptr;
  };
  for (int i = 0; i < e.length; ++i)
    if (!(e.first + i).is_weekend()) e.flags[static_cast<std::size_t>(i)] = kWorkingFlag;
  for (const auto& r : y.half_terms)
    for (Date d = r.first; d <= r.last; d = d + 1)
      if (auto* f = at(d)) *f = static_cast<std::uint8_t>(*f | kTermFlag | ((*f & kWorkingFlag) ? kSchoolFlag : 0));
  // Bank holidays are off for everyone; closure days only for the schools.
  for (int cal_year : {y.start_year, y.start_year + 1})
    for (const auto& h : england_bank_holidays(cal_year))
      if (auto* f = at(h.date)) *f = 0;
  for (Date d : y.closed)
    if (auto* f = at(d); f && !d.is_weekend()) *f = static_cast<std::uint8_t>(*f & ~(kSchoolFlag | kTermFlag));
  for (int k : {kWorking, kSchool}) {
    auto& upto = e.upto[static_cast<std::size_t>(k)];
    upto.assign(static_cast<std::size_t>(e.length) + 1, 0);
    for (std::size_t i = 0; i < static_cast<std::size_t>(e.length); ++i)
      upto[i + 1] = static_cast<std::uint16_t>(upto[i] + ((e.flags[i] & kFlag[k]) ? 1 : 0));
  }
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
  last_.entry = nullptr;
  years_.insert_or_assign(key, make_entry(std::move(y)));
}

const AcademicCalendar::Entry& AcademicCalendar::entry(int start_year) const {
  auto it = years_.find(start_year);
  if (it == years_.end()) it = years_.emplace(start_year, make_entry(default_england_year(start_year))).first;
  return it->second;
}

const AcademicCalendar::Entry& AcademicCalendar::entry_of(Date d) const {
  const Entry* e = last_.entry;
  if (e && e->first <= d && d - e->first < e->length) return *e;
  e = &entry(academic_start_year(d));
  last_.entry = e;
  return *e;
}

const AcademicYear& AcademicCalendar::year(int start_year) const { return entry(start_year).year; }

bool AcademicCalendar::is(Date d, Kind k) const {
  const Entry& e = entry_of(d);
  return e.flags[static_cast<std::size_t>(d - e.first)] & kFlag[k];
}

int AcademicCalendar::count(Date first, Date last, Kind k) const {
  int n = 0;
  while (first <= last) {
    const Entry& e = entry_of(first);
    const auto& upto = e.upto[static_cast<std::size_t>(k)];
    const int i = first - e.first;
    const int j = std::min(last - e.first, e.length - 1);
    n += upto[static_cast<std::size_t>(j) + 1] - upto[static_cast<std::size_t>(i)];
    first = e.first + e.length;
  }
  return n;
}

int AcademicCalendar::between(Date from, Date to, Kind k) const {
  return from <= to ? count(from + 1, to, k) : -count(to + 1, from, k);
}

Date AcademicCalendar::add(Date from, int n, Kind k) const {
  if (n == 0) return from;
  if (n > kMaxDays || n < -kMaxDays)
    throw std::out_of_range("cannot count " + std::to_string(n) + " " + kName[k] + " days from " + from.to_string() +
                            ": more than a century of days");
  // The day in year `e` by which `c` days of the kind have passed since 1 September.
  auto nth = [k](const Entry& e, int c) {
    const auto& upto = e.upto[static_cast<std::size_t>(k)];
    const auto at = std::lower_bound(upto.begin(), upto.end(), c) - upto.begin();
    return e.first + static_cast<int>(at - 1);
  };
  int left = n < 0 ? -n : n;
  for (int empty = 0; empty <= kMaxEmptyYears;) {
    if (n > 0) {  // forwards from the day after `from`
      const Entry& e = entry_of(from + 1);
      const auto& upto = e.upto[static_cast<std::size_t>(k)];
      const int i = from + 1 - e.first;
      const int ahead = upto.back() - upto[static_cast<std::size_t>(i)];
      if (left <= ahead) return nth(e, upto[static_cast<std::size_t>(i)] + left);
      left -= ahead;
      from = e.first + (e.length - 1);
      empty = ahead ? 0 : empty + 1;
    } else {  // backwards from the day before `from`
      const Entry& e = entry_of(from - 1);
      const auto& upto = e.upto[static_cast<std::size_t>(k)];
      const int j = from - 1 - e.first;
      const int behind = upto[static_cast<std::size_t>(j) + 1];
      if (left <= behind) return nth(e, behind - left + 1);
      left -= behind;
      from = e.first;
      empty = behind ? 0 : empty + 1;
    }
  }
  throw std::runtime_error(std::string("no ") + kName[k] + " day within " + std::to_string(kMaxEmptyYears) +
                           " years of " + from.to_string());
}

std::vector<Date> AcademicCalendar::days(DateRange r, Kind k) const {
  std::vector<Date> out;
  for (Date d = r.first; d <= r.last; d = d + 1)
    if (is(d, k)) out.push_back(d);
  return out;
}

bool AcademicCalendar::is_working_day(Date d) const { return is(d, kWorking); }
Date AcademicCalendar::add_working_days(Date from, int n) const { return add(from, n, kWorking); }
int AcademicCalendar::working_days_between(Date from, Date to) const { return between(from, to, kWorking); }
Date AcademicCalendar::working_day_on_or_before(Date d) const { return is(d, kWorking) ? d : add(d, -1, kWorking); }
Date AcademicCalendar::working_day_on_or_after(Date d) const { return is(d, kWorking) ? d : add(d, 1, kWorking); }
std::vector<Date> AcademicCalendar::working_days(DateRange r) const { return days(r, kWorking); }

bool AcademicCalendar::is_school_day(Date d) const { return is(d, kSchool); }
Date AcademicCalendar::add_school_days(Date from, int n) const { return add(from, n, kSchool); }
int AcademicCalendar::school_days_between(Date from, Date to) const { return between(from, to, kSchool); }
Date AcademicCalendar::school_day_on_or_before(Date d) const { return is(d, kSchool) ? d : add(d, -1, kSchool); }
Date AcademicCalendar::school_day_on_or_after(Date d) const { return is(d, kSchool) ? d : add(d, 1, kSchool); }
std::vector<Date> AcademicCalendar::school_days(DateRange r) const { return days(r, kSchool); }

bool AcademicCalendar::in_term(Date d) const {
  const Entry& e = entry_of(d);
  return e.flags[static_cast<std::size_t>(d - e.first)] & kTermFlag;
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

Date AcademicCalendar::first_school_day(const DateRange& half) const {
  for (Date d = half.first; d <= half.last; d = d + 1)
    if (is(d, kSchool)) return d;
  return half.first;
}

Date AcademicCalendar::first_school_day(const Period& p) const { return first_school_day(ranges(p).front()); }

DateRange AcademicCalendar::span(const Period& p) const {
  const int y = p.start_year();
  const Date september = Date::from_ymd(y, 9, 1), august = Date::from_ymd(y + 1, 8, 31);
  if (p.kind() == Period::Kind::year) return {september, august};
  const int t = static_cast<int>(p.term()) * 2;
  const int first = p.kind() == Period::Kind::half_term ? t + p.half() - 1 : t;
  const int last = p.kind() == Period::Kind::half_term ? first : t + 1;
  const AcademicYear& a = year(y);
  return {first == 0 ? september : first_school_day(a.half_terms[static_cast<std::size_t>(first)]),
          last == 5 ? august : first_school_day(a.half_terms[static_cast<std::size_t>(last + 1)]) - 1};
}

}  // namespace trellis
