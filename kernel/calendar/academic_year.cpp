// One academic year's term dates: the default England pattern, and the checks
// a policy's own dates must pass.
#include <stdexcept>

#include "trellis/calendar.hpp"

namespace trellis {
namespace {

Date last_weekday_on_or_before(Date d) {
  while (d.is_weekend()) d = d - 1;
  return d;
}

Date first_weekday_on_or_after(Date d) {
  while (d.is_weekend()) d = d + 1;
  return d;
}

Date first_monday_on_or_after(Date d) {
  while (d.weekday() != Weekday::monday) d = d + 1;
  return d;
}

}  // namespace

const char* half_term_key(int index) {
  static const char* keys[] = {"autumn-1", "autumn-2", "spring-1", "spring-2", "summer-1", "summer-2"};
  if (index < 0 || index > 5) throw std::out_of_range("half-term index " + std::to_string(index));
  return keys[index];
}

const DateRange& AcademicYear::half_term(Term t, int half) const {
  if (half != 1 && half != 2) throw std::out_of_range("half-term " + std::to_string(half));
  return half_terms[static_cast<std::size_t>(static_cast<int>(t) * 2 + half - 1)];
}

DateRange AcademicYear::term(Term t) const { return {half_term(t, 1).first, half_term(t, 2).last}; }

DateRange AcademicYear::span() const { return {half_terms[0].first, half_terms[5].last}; }

std::vector<sdk::Diagnostic> AcademicYear::problems() const {
  std::vector<sdk::Diagnostic> out;
  const Date year_first = Date::from_ymd(start_year, 9, 1);
  const Date year_last = Date::from_ymd(start_year + 1, 8, 31);
  const std::string year_name = Period::year(start_year).to_string();
  for (int i = 0; i < 6; ++i) {
    const DateRange& r = half_terms[static_cast<std::size_t>(i)];
    const std::string key = half_term_key(i);
    if (r.last < r.first)
      out.push_back({key, "ends " + r.last.to_string() + ", before it starts (" + r.first.to_string() + ")"});
    if (r.first < year_first || r.last > year_last)
      out.push_back({key, "expected dates inside the academic year " + year_name + " (" + year_first.to_string() +
                              " to " + year_last.to_string() + "), found " + r.first.to_string() + " to " +
                              r.last.to_string()});
    if (i > 0) {
      const DateRange& prev = half_terms[static_cast<std::size_t>(i - 1)];
      if (r.first <= prev.last)
        out.push_back({key, "starts " + r.first.to_string() + ", not after " + half_term_key(i - 1) + " ends (" +
                                prev.last.to_string() + "); half-terms must be in order and not overlap"});
    }
  }
  for (Date d : closed) {
    bool in_term = false;
    for (const auto& r : half_terms) in_term = in_term || r.contains(d);
    if (!in_term) out.push_back({"closed", d.to_string() + " is not in term time in " + year_name});
  }
  return out;
}

int academic_start_year(Date d) { return d.month() >= 9 ? d.year() : d.year() - 1; }

AcademicYear default_england_year(int y) {
  AcademicYear a;
  a.start_year = y;
  a.source = "default England pattern";
  auto& h = a.half_terms;

  const Date october = nth_weekday(y, 10, Weekday::monday, -1);
  h[0] = {first_weekday_on_or_after(Date::from_ymd(y, 9, 2)), october - 3};
  h[1] = {october + 7, last_weekday_on_or_before(Date::from_ymd(y, 12, 20))};

  Date january = nth_weekday(y + 1, 1, Weekday::monday, 1);
  if (january.day() == 1) january = january + 7;  // never New Year's Day itself
  const Date february = first_monday_on_or_after(Date::from_ymd(y + 1, 2, 12));
  h[2] = {january, february - 3};

  const Date easter = easter_sunday(y + 1);
  const Date holy_week = easter - 6;  // the Monday before Good Friday
  h[3] = {february + 7, holy_week - 3};

  const Date may = week_monday(spring_bank_holiday(y + 1));
  h[4] = {easter + 8, may - 3};  // the Monday after Easter week
  h[5] = {may + 7, last_weekday_on_or_before(Date::from_ymd(y + 1, 7, 20))};
  return a;
}

}  // namespace trellis
