// The dashboard for one school and term: each KPI's self-assessment (000
// §3.7) and moderated rating (000 §3.11), what goes to the tier script, and
// the sentences about missing and moderated ratings.
#include <algorithm>
#include <map>

#include "nexus_regime.hpp"
#include "trellis/sdk/policy_parts.hpp"

namespace nexus {
namespace {

std::string join(const std::vector<std::string>& items, const std::string& last_sep = " and ") {
  std::string s;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) s += i + 1 == items.size() ? last_sep : ", ";
    s += items[i];
  }
  return s;
}

std::string level_label(const std::string& id) {
  std::string s = id;
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

int score(const std::string& level) {
  const auto& levels = dashboard_levels();
  auto it = std::find(levels.begin(), levels.end(), level);
  return it == levels.end() ? 0 : static_cast<int>(levels.end() - it);  // strong 4 ... weak 1
}

}  // namespace

std::vector<KpiRating> dashboard_kpis(const PolicyView& policy) {
  std::vector<KpiRating> out;
  for (auto& i : policy_indicators(policy))
    if (!i.area.empty()) out.push_back({i.id, i.area, i.label, std::nullopt, std::nullopt, {}});
  return out;
}

std::vector<KpiRating> rate_dashboard(const EvidenceView& school, const PolicyView& policy) {
  auto kpis = dashboard_kpis(policy);
  const auto& levels = dashboard_levels();
  // A level of another scale (a tier) is accepted by `trellis rate`, which
  // checks against every scale of the regime; it means nothing here.
  auto on_scale = [&](std::optional<std::string> level, const char* stage, KpiRating& k) {
    if (level && std::find(levels.begin(), levels.end(), *level) == levels.end()) {
      k.ignored.push_back(k.label + " rated \"" + *level + "\" at stage " + stage);
      return std::optional<std::string>();
    }
    return level;
  };
  for (auto& k : kpis) {
    k.self = on_scale(school.rating(k.id, "self"), "self", k);
    k.moderated = on_scale(school.rating(k.id, "moderated"), "moderated", k);
  }
  return kpis;
}

namespace {

// The facts every school shares: the areas and the dashboard levels, from the
// regime's description. Built once; each school's facts start as a copy.
const Facts& regime_facts() {
  static const Facts facts = [] {
    const RegimeDescription& d = describe_regime();
    FactList areas, levels;
    FactTable area, level;
    for (auto& a : d.areas) {
      areas.push_back(a.id);
      area[a.id] = FactTable{{"label", a.label}};
    }
    for (auto& s : d.scales)
      if (s.id == "dashboard")
        for (auto& l : s.levels) {
          levels.push_back(l.id);
          level[l.id] = FactTable{{"label", l.label}};
        }
    return Facts{{"areas", std::move(areas)}, {"area", std::move(area)}, {"levels", std::move(levels)},
                 {"level", std::move(level)}};
  }();
  return facts;
}

}  // namespace

Facts dashboard_facts(const std::vector<KpiRating>& dashboard) {
  FactList kpis;
  FactTable kpi;
  for (auto& k : dashboard) {
    kpis.push_back(k.id);
    FactTable t{{"area", k.area}, {"label", k.label}, {"stage", k.moderated ? "moderated" : k.self ? "self" : "none"}};
    if (k.used()) t["level"] = *k.used();
    if (k.self) t["self"] = *k.self;
    kpi[k.id] = std::move(t);
  }
  Facts out = regime_facts();
  out.emplace("kpis", std::move(kpis));
  out.emplace("kpi", std::move(kpi));
  return out;
}

std::vector<const KpiRating*> missing_self(const std::vector<KpiRating>& dashboard) {
  std::vector<const KpiRating*> out;
  for (auto& k : dashboard)
    if (!k.self) out.push_back(&k);
  return out;
}

std::vector<std::string> rating_notes(const std::vector<KpiRating>& dashboard, const std::string& period,
                                      const PolicyView& policy) {
  std::vector<std::string> out;
  const std::string total = std::to_string(dashboard.size());
  auto names = [](const std::vector<const KpiRating*>& ks) {
    std::vector<std::string> n;
    for (auto* k : ks) n.push_back(k->label);
    return join(n);
  };
  auto missing = missing_self(dashboard);
  if (!missing.empty())
    out.push_back("Self-assessment missing: the headteacher has not self-assessed " + std::to_string(missing.size()) +
                  " of " + total + " dashboard indicators for " + period + " (" + names(missing) +
                  "); 000 §3.7 asks for every indicator each term, and the deadline is on the calendar.");
  std::vector<const KpiRating*> fallback;
  for (auto& k : dashboard)
    if (!k.moderated && k.self) fallback.push_back(&k);
  if (!fallback.empty())
    out.push_back("Provisional: " + std::to_string(fallback.size()) + " of " + total +
                  " indicators are not yet moderated by the SPSB (" + names(fallback) +
                  "); the headteacher's self-assessment stands in for them in the areas' judgements, which are "
                  "provisional until the SPSB moderates them; the tier counts the moderated ratings only (000 §3.11.2).");
  // Indicators nobody has rated. An area with none of its indicators rated
  // counts as the policy's unrated_area, and that judgement does count
  // towards the tier; elsewhere the area is judged on the indicators that are rated.
  std::vector<std::string> blank_areas;
  std::vector<const KpiRating*> blank_in_rated;
  for (auto& a : provisional_areas(dashboard)) {
    if (!a.unrated) continue;
    blank_areas.push_back(a.label);
  }
  for (auto& k : dashboard) {
    if (k.used()) continue;
    bool area_rated = false;
    for (auto& other : dashboard)
      if (other.area == k.area && other.used()) area_rated = true;
    if (area_rated) blank_in_rated.push_back(&k);
  }
  if (!blank_areas.empty()) {
    const std::string as = level_label(policy.text("thresholds.params.unrated_area").value_or("developing"));
    out.push_back(join(blank_areas) + (blank_areas.size() == 1 ? " has" : " have") +
                  " no indicator self-assessed or moderated, so " + (blank_areas.size() == 1 ? "it counts" : "each counts") +
                  " as " + as + " (policy: unrated_area), and that judgement counts towards the tier.");
  }
  if (!blank_in_rated.empty())
    out.push_back("Neither self-assessed nor moderated: " + names(blank_in_rated) +
                  "; " + (blank_in_rated.size() == 1 ? "its area is" : "their areas are") +
                  " judged on the indicators that are rated.");
  std::vector<std::string> ignored;
  for (auto& k : dashboard) ignored.insert(ignored.end(), k.ignored.begin(), k.ignored.end());
  if (!ignored.empty())
    out.push_back("Ignored, not being dashboard levels (" + join(dashboard_levels(), " or ") + "): " + join(ignored) + ".");
  std::vector<std::string> lower, higher;
  for (auto& k : dashboard) {
    if (!k.self || !k.moderated || *k.self == *k.moderated) continue;
    std::string s = k.label + " (self-assessed " + level_label(*k.self) + ", moderated " + level_label(*k.moderated) + ")";
    (score(*k.moderated) < score(*k.self) ? lower : higher).push_back(s);
  }
  if (!lower.empty())
    out.push_back("The SPSB moderated " + std::to_string(lower.size()) + " indicator(s) below the self-assessment: " +
                  join(lower) + ".");
  if (!higher.empty())
    out.push_back("The SPSB moderated " + std::to_string(higher.size()) + " indicator(s) above the self-assessment: " +
                  join(higher) + ".");
  return out;
}

std::vector<AreaStanding> provisional_areas(const std::vector<KpiRating>& dashboard) {
  std::vector<AreaStanding> out;
  for (auto& a : describe_regime().areas) {
    AreaStanding s;
    s.id = a.id;
    s.label = a.label;
    for (auto& k : dashboard) {
      if (k.area != a.id) continue;
      ++s.indicators;
      if (k.moderated) ++s.moderated;
      else if (k.self) ++s.self_only;
    }
    s.unrated = s.moderated == 0 && s.self_only == 0;
    if (s.indicators > 0 && s.moderated < s.indicators) out.push_back(s);
  }
  return out;
}

std::optional<std::string> weakest_area(const std::vector<KpiRating>& dashboard, const std::vector<std::string>& rotation) {
  std::optional<std::string> best;
  double best_mean = 0;
  for (auto& area : rotation) {
    int sum = 0, n = 0;
    for (auto& k : dashboard)
      if (k.area == area && k.used()) {
        sum += score(*k.used());
        ++n;
      }
    if (n == 0) continue;
    const double mean = static_cast<double>(sum) / n;
    if (!best || mean < best_mean) {  // strict: ties keep the earlier area of the rotation
      best = area;
      best_mean = mean;
    }
  }
  return best;
}

}  // namespace nexus
