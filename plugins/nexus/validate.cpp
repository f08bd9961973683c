// Checks of the Nexus policy beyond key types and ranges: the dashboard must
// use the levels and KPIs the regime declares (describe() sees no policy), each
// term's activities must fall in that term, and the tier thresholds must be in
// order. The kernel adds the file, line and column of each key.
#include <algorithm>
#include <set>

#include "nexus_regime.hpp"

namespace nexus {
namespace {

std::string join(const std::vector<std::string>& v) {
  std::string s;
  for (auto& x : v) s += (s.empty() ? "" : ", ") + x;
  return s;
}

bool contains(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

void dashboard(const PolicyView& p, std::vector<Diagnostic>& out) {
  if (p.has("dashboard.levels") && p.texts("dashboard.levels") != dashboard_levels())
    out.push_back({"dashboard.levels", "expected [" + join(dashboard_levels()) +
                                           "] (best first), the levels the nexus-mat regime declares; found [" +
                                           join(p.texts("dashboard.levels")) + "]"});
  const RegimeDescription d = describe_regime();
  const auto big3 = p.keys("dashboard.big3");
  std::set<std::string> areas_used;
  for (auto& id : p.keys("dashboard.kpis")) {
    const std::string base = "dashboard.kpis." + id;
    auto spec = std::find_if(d.indicators.begin(), d.indicators.end(),
                             [&](const IndicatorSpec& i) { return i.id == id && !i.area.empty(); });
    if (spec == d.indicators.end()) {
      std::vector<std::string> known;
      for (auto& i : d.indicators)
        if (!i.area.empty()) known.push_back(i.id);
      out.push_back({base, "expected a KPI the nexus-mat regime declares (" + join(known) + "), found \"" + id + "\""});
      continue;
    }
    areas_used.insert(spec->area);
    if (auto area = p.text(base + ".area"); area && *area != spec->area)
      out.push_back({base + ".area", "expected \"" + spec->area + "\", the area the regime gives " + id + ", found \"" +
                                         *area + "\""});
    auto link = p.text(base + ".big3");
    if (link && !contains(big3, *link))
      out.push_back({base + ".big3", "expected one of the Big 3 priorities in [dashboard.big3] (" + join(big3) +
                                         "), found \"" + *link + "\""});
  }
  if (p.has("dashboard.kpis"))
    for (auto& a : d.areas)
      if (!areas_used.count(a.id))
        out.push_back({"dashboard.kpis", "expected at least one KPI in each of the four areas; none is in " + a.id});
  for (auto& k : p.texts("thresholds.params.limiting_kpis"))
    if (!p.has("dashboard.kpis." + k))
      out.push_back({"thresholds.params.limiting_kpis", "expected KPIs of the dashboard, found \"" + k + "\""});
}

/// A list of three half-terms, the i-th in the i-th term.
void one_per_term(const PolicyView& p, const std::string& key, std::vector<Diagnostic>& out) {
  if (!p.has(key)) return;
  auto list = p.texts(key);
  if (list.size() != terms().size()) {
    out.push_back({key, "expected three half-terms, one for each term, found " + std::to_string(list.size())});
    return;
  }
  for (std::size_t t = 0; t < list.size(); ++t)
    if (list[t] != terms()[t] + "-1" && list[t] != terms()[t] + "-2")
      out.push_back({key, "expected " + terms()[t] + "-1 or " + terms()[t] + "-2 for the " + terms()[t] +
                              " term, found \"" + list[t] + "\""});
}

void calendar(const PolicyView& p, std::vector<Diagnostic>& out) {
  one_per_term(p, "boards.spsb_half_terms", out);
  one_per_term(p, "data_submissions.half_terms", out);
  for (const char* term : {"spring", "summer"}) {
    const std::string key = std::string("enquiry.") + term + "_half_term";
    if (auto h = p.text(key); h && h->rfind(term, 0) != 0)
      out.push_back({key, std::string("expected a half-term of the ") + term + " term, found \"" + *h + "\""});
  }
  std::vector<std::string> areas;
  for (auto& a : describe_regime().areas) areas.push_back(a.id);
  for (auto& a : p.texts("enquiry.rotation"))
    if (!contains(areas, a)) out.push_back({"enquiry.rotation", "expected areas (" + join(areas) + "), found \"" + a + "\""});
  for (auto& row : p.keys("csif"))
    for (auto& h : p.texts("csif." + row + ".half_terms"))
      if (!contains(half_terms(), h))
        out.push_back({"csif." + row + ".half_terms", "expected half-terms (" + join(half_terms()) + "), found \"" + h + "\""});
}

void thresholds(const PolicyView& p, std::vector<Diagnostic>& out) {
  auto n = [&](const char* k) { return p.number(std::string("thresholds.params.") + k); };
  auto strong = n("area_strong_from"), secure = n("area_secure_from"), developing = n("area_developing_from");
  if (strong && secure && *strong < *secure)
    out.push_back({"thresholds.params.area_strong_from", "expected at least area_secure_from"});
  if (secure && developing && *secure < *developing)
    out.push_back({"thresholds.params.area_secure_from", "expected at least area_developing_from"});
  auto formal = n("formal_min_weak_kpis"), early = n("early_min_weak_kpis");
  if (formal && early && *formal < *early)
    out.push_back({"thresholds.params.formal_min_weak_kpis",
                   "expected at least early_min_weak_kpis: Formal Intervention needs more weak KPIs than Early"});
}

void people(const PolicyView& p, std::vector<Diagnostic>& out) {
  for (auto& urn : p.keys("partners"))
    if (urn.empty() || !std::all_of(urn.begin(), urn.end(), [](char c) { return c >= '0' && c <= '9'; }))
      out.push_back({"partners." + urn, "expected a school's URN as the key, found \"" + urn + "\""});
  static const std::vector<std::string> grades = {"outstanding", "good", "requires_improvement", "inadequate"};
  for (auto& g : p.keys("ofsted.window_after_years_by_grade"))
    if (!contains(grades, g))
      out.push_back({"ofsted.window_after_years_by_grade." + g, "expected a grade (" + join(grades) + ")"});
}

}  // namespace

void validate_policy(const PolicyView& policy, std::vector<Diagnostic>& out) {
  dashboard(policy, out);
  calendar(policy, out);
  thresholds(policy, out);
  people(policy, out);
}

}  // namespace nexus
