// Reading `[calendar.YYYY-YY]` tables from a policy. Every problem is
// collected (not just the first) so `policy check` can show them all at once.
#include <optional>

#include "trellis/calendar.hpp"
#include "trellis/error.hpp"

namespace trellis {
namespace {

using sdk::Diagnostic;

/// The dates of an array key, or nullopt after noting why.
std::optional<std::vector<Date>> read_dates(const sdk::PolicyView& policy, const std::string& path,
                                            std::vector<Diagnostic>& out) {
  const auto texts = policy.texts(path);
  if (texts.empty() && policy.count(path) == 0) {
    // Appended, not "\"" + std::string: see Location::to_string (GCC 12 -Wrestrict at -O3).
    std::string found = "an empty array or a value of another type";
    if (auto text = policy.text(path)) found = '"' + *text + '"';
    out.push_back({path, "expected an array of dates like [2024-09-02, 2024-10-25], found " + found});
    return std::nullopt;
  }
  std::vector<Date> dates;
  bool ok = true;
  for (const auto& t : texts) {
    std::string why;
    if (auto d = Date::try_parse(t, &why)) dates.push_back(*d);
    else {
      out.push_back({path, why});
      ok = false;
    }
  }
  if (texts.size() != policy.count(path)) {
    out.push_back({path, "expected every element to be a date YYYY-MM-DD"});
    ok = false;
  }
  return ok ? std::optional(dates) : std::nullopt;
}

void read_year(const sdk::PolicyView& policy, const std::string& name, int start_year,
               AcademicCalendar& cal, std::vector<Diagnostic>& out) {
  const std::string base = "calendar." + name;
  const std::size_t before = out.size();
  AcademicYear y;
  y.start_year = start_year;
  y.source = "policy";
  for (const auto& key : policy.keys(base)) {
    bool known = key == "closed";
    for (int i = 0; i < 6; ++i) known = known || key == half_term_key(i);
    if (!known)
      out.push_back({base + "." + key, "unknown key; expected autumn-1, autumn-2, spring-1, spring-2, summer-1, "
                                       "summer-2 or closed"});
  }
  for (int i = 0; i < 6; ++i) {
    const std::string path = base + "." + half_term_key(i);
    if (!policy.has(path)) {
      out.push_back({path, "missing; expected [first day, last day] of the half-term"});
      continue;
    }
    auto dates = read_dates(policy, path, out);
    if (!dates) continue;
    if (dates->size() != 2) {
      out.push_back({path, "expected two dates [first day, last day], found " + std::to_string(dates->size())});
      continue;
    }
    y.half_terms[static_cast<std::size_t>(i)] = {(*dates)[0], (*dates)[1]};
  }
  if (policy.has(base + ".closed"))
    if (auto dates = read_dates(policy, base + ".closed", out)) y.closed = *dates;
  if (out.size() != before) return;  // the checks below need every half-term
  for (auto& p : y.problems()) out.push_back({base + "." + p.path, p.message});
  if (out.size() == before) cal.set_year(std::move(y));
}

}  // namespace

std::vector<Diagnostic> read_calendar(const sdk::PolicyView& policy, AcademicCalendar& out) {
  std::vector<Diagnostic> problems;
  for (const auto& name : policy.keys("calendar")) {
    std::string why;
    auto period = Period::try_parse(name, &why);
    if (!period || period->kind() != Period::Kind::year) {
      problems.push_back({"calendar." + name, period ? "expected an academic year like 2024-25, found \"" + name + "\""
                                                     : why});
      continue;
    }
    read_year(policy, name, period->start_year(), out, problems);
  }
  return problems;
}

AcademicCalendar calendar_from_policy(const sdk::PolicyView& policy, const std::string& policy_file) {
  AcademicCalendar cal;
  auto problems = read_calendar(policy, cal);
  if (problems.empty()) return cal;
  std::string msg;
  for (const auto& p : problems) msg += (msg.empty() ? "" : "; ") + p.path + ": " + p.message;
  throw InputError(Location{policy_file, 0, 0}, msg);
}

}  // namespace trellis
