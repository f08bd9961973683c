// Results before and after a school joined the body, shown apart (issue 15:
// a trust's own tools tag inspections "before/after joining trust"). The
// policy names the indicators ([history] results); where it lets the body see
// other bodies' earlier judgements ([history] earlier_bodies), those are shown
// too, each made before the school joined.
#include <algorithm>
#include <cmath>
#include <sstream>

#include "areas.hpp"
#include "markdown_text.hpp"
#include "trellis/calendar.hpp"
#include "trellis/evidence.hpp"
#include "trellis/period.hpp"
#include "trellis/store/body_repository.hpp"
#include "trellis/store/evidence_repository.hpp"
#include "trellis/store/timeline_repository.hpp"

namespace trellis {
namespace {

/// The day a result stands on: a date it holds, else its period's first and last days.
std::optional<DateRange> days_of(const std::string& period, const std::optional<std::string>& text) {
  if (text)
    if (auto d = Date::try_parse(*text)) return DateRange{*d, *d};
  auto p = Period::try_parse(period);
  if (!p) return std::nullopt;
  return AcademicCalendar().span(*p);
}

std::string when(const std::optional<DateRange>& days, Date joined) {
  if (!days) return "in the year of joining";
  if (days->last < joined) return "before joining";
  if (joined <= days->first) return "after joining";
  return "in the year of joining";
}

std::string value_text(const EvidenceItem& e) {
  std::ostringstream o;
  if (e.value) {
    if (*e.value == std::floor(*e.value)) o << static_cast<long long>(*e.value);
    else o << *e.value;
    if (e.text && !Date::try_parse(*e.text)) o << " (" << *e.text << ")";
  } else if (e.text) {
    o << *e.text;
  } else if (e.missing) {
    o << "missing: " << *e.missing;
  }
  return o.str();
}

std::string label_of(const sdk::RegimeDescription& d, const std::string& indicator) {
  for (const auto& i : d.indicators)
    if (i.id == indicator && !i.label.empty()) return i.label;
  return indicator;
}

/// URN -> the first day of the school's newest membership of the body, read
/// once for all the body's schools rather than school by school (issue 18).
std::map<std::int64_t, Date> joined_days(Database& db, const std::string& body) {
  std::map<std::int64_t, Date> out;
  for (const auto& [urn, from] : db.bodies().membership_starts(body))
    if (auto d = Date::try_parse(from)) {
      auto [it, added] = out.try_emplace(urn, *d);
      if (!added && it->second < *d) it->second = *d;
    }
  return out;
}

}  // namespace

void load_joining(Database& db, Report& r, const sdk::PolicyView& policy, const sdk::RegimeDescription& d) {
  const auto indicators = policy.texts("history.results");
  const bool earlier = policy.flag("history.earlier_bodies").value_or(false);
  if (indicators.empty() && !earlier) return;
  const auto joined_on = joined_days(db, r.body.id);
  // URN -> its results, each with the day it stands on, made as each indicator
  // is read: a country's items are held one indicator at a time (issue 18).
  std::vector<std::int64_t> urns;
  for (const auto& s : r.schools) urns.push_back(s.assessment.urn);
  std::map<std::int64_t, std::vector<std::pair<Date, JoiningResult>>> found_of;
  SharedTexts texts;  // labels and "when"s, each held once
  for (const auto& id : indicators)
    for (const auto& e : db.evidence().current_for(urns, id)) {
      const auto day = joined_on.find(e.urn);
      if (day == joined_on.end()) continue;
      const Date joined = day->second;
      const auto days = days_of(e.period, e.text);
      found_of[e.urn].push_back({days ? days->first : joined,
                                 {texts(label_of(d, e.indicator)), e.period, value_text(e),
                                  e.source + (e.line ? " line " + std::to_string(*e.line) : ""),
                                  texts(when(days, joined))}});
    }
  for (auto& s : r.schools) {
    const auto day = joined_on.find(s.assessment.urn);
    if (day == joined_on.end()) continue;
    const std::optional<Date> joined = day->second;
    s.joined = joined->to_string();
    std::vector<std::pair<Date, JoiningResult>> found;
    if (auto held = found_of.find(s.assessment.urn); held != found_of.end()) {
      found = std::move(held->second);
      found_of.erase(held);
    }
    if (earlier)
      for (const auto& a : db.timeline().assessments(s.assessment.urn)) {
        if (a.body_id == r.body.id) continue;
        // Marked by the day it was made, as the school's history marks it.
        const auto days = days_of(a.period, a.assessed_at.substr(0, 10));
        const std::string tag = when(days, *joined);
        if (tag == "after joining") continue;  // another body's, while the school was this body's: not shown
        found.push_back({days ? days->first : *joined,
                         {texts("Level under " + a.regime), a.period, a.level,
                          a.body_id + ", assessed " + a.assessed_at.substr(0, 10), texts(tag)}});
      }
    std::stable_sort(found.begin(), found.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
    s.results.reserve(found.size());
    for (auto& f : found) s.results.push_back(std::move(f.second));
  }
}

void render_joining_markdown(std::ostream& o, const Report& r) {
  using report_text::markdown;
  if (std::none_of(r.schools.begin(), r.schools.end(), [](const ReportSchool& s) { return !s.results.empty(); })) return;
  o << "\n## Before and after joining\n\nEach school's results, marked by when they stand against the day it joined "
    << markdown(r.body.name) << ".\n";
  for (const auto& s : r.schools) {
    if (s.results.empty()) continue;
    o << "\n### " << markdown(s.assessment.name) << " (" << s.assessment.urn << "): joined " << *s.joined
      << "\n\n| When | Result | Period | Value | Source |\n|---|---|---|---|---|\n";
    for (const auto& x : s.results)
      o << "| " << x.when << " | " << markdown(x.label) << " | " << x.period << " | " << markdown(x.value) << " | "
        << markdown(x.source) << " |\n";
  }
}

void render_joining_html(std::ostream& o, const Report& r) {
  using report_text::html;
  if (std::none_of(r.schools.begin(), r.schools.end(), [](const ReportSchool& s) { return !s.results.empty(); })) return;
  o << "<h2>Before and after joining</h2>\n<p>Each school's results, marked by when they stand against the day it joined "
    << html(r.body.name) << ".</p>\n";
  for (const auto& s : r.schools) {
    if (s.results.empty()) continue;
    o << "<h3>" << html(s.assessment.name) << " (" << s.assessment.urn << "): joined " << *s.joined
      << "</h3>\n<table><tr><th>When</th><th>Result</th><th>Period</th><th>Value</th><th>Source</th></tr>";
    for (const auto& x : s.results)
      o << "<tr><td>" << x.when << "</td><td>" << html(x.label) << "</td><td>" << html(x.period) << "</td><td>"
        << html(x.value) << "</td><td>" << html(x.source) << "</td></tr>";
    o << "</table>\n";
  }
}

}  // namespace trellis
