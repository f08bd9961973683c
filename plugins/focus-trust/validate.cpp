// Checks of the Focus-Trust policy beyond key types and ranges. The kernel
// adds the file, line and column of each key.
#include <algorithm>

#include "ft_regime.hpp"
#include "trellis/sdk/policy_parts.hpp"

namespace ft {
namespace {

bool digits(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool iso_date(const std::string& s) {
  return s.size() == 10 && s[4] == '-' && s[7] == '-' && digits(s.substr(0, 4)) && digits(s.substr(5, 2)) &&
         digits(s.substr(8, 2));
}

bool contains(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

}  // namespace

void validate_policy(const PolicyView& p, std::vector<Diagnostic>& out) {
  static const std::vector<std::string> halves = {"autumn-1", "autumn-2", "spring-1", "spring-2", "summer-1", "summer-2"};
  for (auto& h : p.texts("board.half_terms"))
    if (!contains(halves, h)) out.push_back({"board.half_terms", "expected half-terms (autumn-1 ... summer-2), found \"" + h + "\""});
  for (auto& d : p.texts("data_drops.dates"))
    if (!iso_date(d)) out.push_back({"data_drops.dates", "expected dates as YYYY-MM-DD, found \"" + d + "\""});
  // §05: the KPIs are the policy's indicators in [areas.kpis], each with its thresholds.
  int kpis = 0;
  for (const IndicatorSpec& i : policy_indicators(p)) {
    if (i.area != kKpiArea) continue;
    ++kpis;
    for (const char* bound : {"green", "red"})
      if (!p.number("thresholds.params.kpi." + i.id + "." + bound))
        out.push_back({"thresholds.params", "expected thresholds.params.kpi." + i.id + "." + bound +
                                                ", the KPI's " + bound + " threshold (§05), found none"});
  }
  if (kpis == 0)
    out.push_back({"indicators", "expected at least one KPI: an [indicators.ID] with area = \"kpis\" (§05), found none"});
  // Role of the Focus Education Consultant: both Note of Visit deadlines.
  if (!p.has("notes.send_within_calendar_days") || !p.has("notes.agree_within_calendar_days"))
    out.push_back({"notes", "expected notes.send_within_calendar_days and notes.agree_within_calendar_days, the Note "
                            "of Visit deadlines (three days, one week), found none"});
  const auto options = p.texts("intervention.support_options");
  for (auto& urn : p.keys("intervention.support")) {
    if (!digits(urn)) out.push_back({"intervention.support." + urn, "expected an academy's URN as the key, found \"" + urn + "\""});
    for (auto& s : p.texts("intervention.support." + urn))
      if (!contains(options, s))
        out.push_back({"intervention.support." + urn, "expected one of intervention.support_options, found \"" + s + "\""});
  }
  for (auto& urn : p.keys("tl_review.per_year_by_urn"))
    if (!digits(urn)) out.push_back({"tl_review.per_year_by_urn." + urn, "expected an academy's URN as the key, found \"" + urn + "\""});
}

}  // namespace ft
