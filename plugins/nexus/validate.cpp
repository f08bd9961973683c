// Checks of the Nexus policy beyond key types and ranges: the dashboard must
// use the levels the regime declares and have KPIs in every area, each
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
  // The kernel checks each [indicators] entry's links; a dashboard also needs
  // each KPI on the dashboard scale (000 §3.7) and a KPI in each area.
  std::set<std::string> areas_used;
  for (auto& kpi : dashboard_kpis(p)) {
    areas_used.insert(kpi.area);
    if (p.text("indicators." + kpi.id + ".scale").value_or("") != "dashboard")
      out.push_back({"indicators." + kpi.id, "expected scale = \"dashboard\" for a KPI of the dashboard (000 §3.7), found " +
                                                 p.text("indicators." + kpi.id + ".scale").value_or("none")});
  }
  for (auto& a : describe_regime().areas)
    if (!areas_used.count(a.id))
      out.push_back({"indicators", "expected at least one KPI in each of the four areas (000 §3.10.6); none is in " + a.id});
  for (auto& k : p.texts("thresholds.params.limiting_kpis"))
    if (p.text("indicators." + k + ".area").value_or("").empty())
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
  // The year's three enquiries look into different areas (000 §3.10.3): the
  // rotation needs at least three, each once; "weakest" must say how ties break.
  const auto rotation = p.texts("enquiry.rotation");
  if (p.has("enquiry.rotation") && std::set<std::string>(rotation.begin(), rotation.end()).size() != rotation.size())
    out.push_back({"enquiry.rotation", "expected each area once, so that a year's enquiries look into different areas"});
  if (p.has("enquiry.rotation") && rotation.size() < terms().size())
    out.push_back({"enquiry.rotation", "expected at least three areas, one for each term's enquiry, found " +
                                           std::to_string(rotation.size())});
  if (p.text("enquiry.focus").value_or("") == "weakest" && !p.has("enquiry.weakest_ties"))
    out.push_back({"enquiry.focus", "expected enquiry.weakest_ties beside focus = \"weakest\", saying how a tie "
                                    "between areas is broken (\"rotation\")"});
  for (auto& id : p.texts("data_submissions.evidence")) {
    bool known = false;
    for (auto& i : describe_regime().indicators) known = known || i.id == id;
    if (!known) out.push_back({"data_submissions.evidence", "expected evidence the regime reads, found \"" + id + "\""});
  }
  for (auto& row : p.keys("csif"))
    for (auto& h : p.texts("csif." + row + ".half_terms"))
      if (!contains(half_terms(), h))
        out.push_back({"csif." + row + ".half_terms", "expected half-terms (" + join(half_terms()) + "), found \"" + h + "\""});
}

/// 000 §5.2: [tier_support] names the regime's tiers only.
void tier_support(const PolicyView& p, std::vector<Diagnostic>& out) {
  std::vector<std::string> tiers;
  for (auto& scale : describe_regime().scales)
    if (scale.id == "tier")
      for (auto& l : scale.levels) tiers.push_back(l.id);
  for (auto& t : p.keys("tier_support"))
    if (!contains(tiers, t)) out.push_back({"tier_support." + t, "expected a tier (" + join(tiers) + "), found \"" + t + "\""});
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
  tier_support(policy, out);
}

}  // namespace nexus
