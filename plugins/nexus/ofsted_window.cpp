// 000 §3.10.9: "For schools who are within the OFSTED window, this will also
// include an external professional." The seed does not define the window; the
// policy does ([ofsted]): a school is within it once `window_after_years`
// have passed since its last inspection (or the figure for its last grade).
#include <cmath>
#include <cstdio>

#include "nexus_regime.hpp"

namespace nexus {
namespace {

const char* grade_key(int grade) {
  switch (grade) {
    case 1: return "outstanding";
    case 2: return "good";
    case 3: return "requires_improvement";
    case 4: return "inadequate";
  }
  return "";
}

std::string years(double y) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", y);
  return buf;
}

/// "5 years 7 months", "1 year", "4 months": a count, for a reason.
std::string years_and_months(int months) {
  auto part = [](int n, const char* unit) { return std::to_string(n) + " " + unit + (n == 1 ? "" : "s"); };
  const int y = months / 12, m = months % 12;
  if (y == 0) return part(m, "month");
  return m == 0 ? part(y, "year") : part(y, "year") + " " + part(m, "month");
}

}  // namespace

OfstedWindow ofsted_window(const EvidenceView& school, const PolicyView& policy, const std::string& on_date) {
  OfstedWindow w;
  w.window_after_years = policy.number("ofsted.window_after_years").value();
  auto date = school.latest("ofsted_inspection_date");
  auto grade = school.latest("ofsted_grade");
  if (grade && grade->present() && grade->value) w.grade = static_cast<int>(std::lround(*grade->value));
  if (w.grade)
    if (auto by_grade = policy.number(std::string("ofsted.window_after_years_by_grade.") + grade_key(*w.grade)))
      w.window_after_years = *by_grade;

  // Whole months from the inspection to the date, and the day the window
  // opens, from the kernel's calendar rather than arithmetic of our own.
  const CalendarView& calendar = school.calendar();
  const int window_months = static_cast<int>(std::lround(w.window_after_years * 12));
  const auto months_since = date && date->present() ? calendar.months_between(date->text, on_date) : std::nullopt;
  const auto opens = months_since ? calendar.add_months(date->text, window_months) : std::nullopt;
  if (!months_since || !opens) {
    w.in_window = policy.flag("ofsted.no_inspection_in_window").value();
    w.reason = std::string("No Ofsted inspection is on record for ") + school.school().name +
               (w.in_window ? ", so it is treated as within its Ofsted window (policy: ofsted.no_inspection_in_window)"
                            : ", so it is not treated as within its Ofsted window (policy: ofsted.no_inspection_in_window)");
    return w;
  }
  w.last_inspection = date->text;
  w.months_since = *months_since;
  const std::string word = grade && !grade->text.empty() ? " (" + grade->text + ")" : "";
  const std::string cite = " (evidence: " + date->citation() + ")";
  if (date->text > on_date) {  // ISO dates order as text
    w.in_window = false;
    w.reason = "Inspected by Ofsted on " + date->text + word + ", after " + on_date + ": not within its Ofsted window" + cite;
    return w;
  }
  w.in_window = w.months_since >= window_months;
  w.reason = "Last inspected by Ofsted on " + date->text + word + ", " + years_and_months(w.months_since) +
             " before " + on_date + (w.in_window ? ": within" : ": not yet within") +
             " its Ofsted window, which opens " + years(w.window_after_years) + " years after an inspection (on " +
             *opens + ")" + cite;
  return w;
}

}  // namespace nexus
