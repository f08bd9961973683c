#pragma once
// What the Nexus tests share: the real policy and tier script, schools held
// in memory, and a policy view that overrides a few keys of the real one.
#include <cstdio>
#include <map>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "../../../plugins/nexus/nexus_regime.hpp"
#include "trellis/policy.hpp"
#include "trellis/policy/fixed_evidence.hpp"
#include "trellis/sdk/regime_adapter.hpp"

namespace nexus_test {

inline std::string source(const std::string& rel) { return std::string(TRELLIS_SOURCE_DIR) + "/" + rel; }

/// The regime's description as the host holds it: the id and version come
/// from the plugin's export record, not from describe().
inline trellis::sdk::RegimeDescription described() {
  auto d = nexus::describe_regime();
  d.id = "nexus-mat";
  d.version = "1.0.0";
  return d;
}

/// policies/nexus.toml, its regime description and a runner over its scripts.
/// The policy bound to the regime, as the kernel binds it (defaults, the KPIs it declares).
inline trellis::Policy declared_policy(const std::string& path) {
  trellis::Policy p = trellis::Policy::load(path);
  p.declare(described());
  return p;
}

struct Nexus {
  trellis::Policy policy = declared_policy(source("policies/nexus.toml"));
  trellis::sdk::RegimeDescription description = described();
  std::unique_ptr<trellis::lua::ThresholdSandbox> runner = trellis::make_threshold_runner(policy, description);
  /// As trellis sees it: through the adapter TRELLIS_REGIME_PLUGIN makes.
  trellis::sdk::RegimeAdapter<nexus::NexusRegime> regime{"nexus-mat", "1.0.0"};

  /// The regime's own policy check, as check_policy takes it.
  trellis::RegimeValidate validate() const {
    return [this](const trellis::sdk::PolicyView& p, auto& out) { return regime.validate(p, out); };
  }

  /// Assesses through the regime's guarded entry point.
  trellis::sdk::AssessmentOut assess(const trellis::sdk::EvidenceView& school,
                                     const trellis::sdk::PolicyView* policy_view = nullptr) {
    trellis::sdk::AssessmentOut out;
    const trellis::sdk::PolicyView& pv = policy_view ? *policy_view : policy.view();
    auto status = regime.assess({school, pv, *runner}, out);
    if (!status) throw std::runtime_error(status.message);
    return out;
  }
};

/// One school, in memory. Special schools get communication and cognition.
inline trellis::FixedEvidence school(const std::string& period = "2019-20/autumn", std::int64_t urn = 142768,
                                     const std::string& type = "Academy - Converter mainstream") {
  trellis::sdk::SchoolInfo info;
  info.urn = urn;
  info.name = "Test Academy " + std::to_string(urn);
  info.la_code = 372;
  info.type = type;
  info.type_group = "academy";
  info.phase = "primary";
  info.status = "open";
  return trellis::FixedEvidence(info, period);
}

/// Every KPI of the policy's dashboard rated `level` at `stage`.
inline void rate_all(trellis::FixedEvidence& s, const trellis::sdk::PolicyView& policy, const std::string& stage,
                     const std::string& level) {
  for (auto& k : nexus::dashboard_kpis(policy)) s.set_rating(k.id, stage, level);
}

inline void inspected(trellis::FixedEvidence& s, const std::string& date, int grade, const std::string& word) {
  // Filed under the academic year of its date, as the ofsted-history importer does.
  const int y = std::stoi(date.substr(0, 4)) - (date.substr(5, 2) >= "09" ? 0 : 1);
  char year[16];
  std::snprintf(year, sizeof year, "%d-%02d", y, (y + 1) % 100);
  trellis::sdk::Observation d;
  d.indicator = "ofsted_inspection_date";
  d.period = year;
  d.text = date;
  d.source = "ofsted_ratings_2018.csv";
  d.line = 100;
  s.add(d);
  trellis::sdk::Observation g;
  g.indicator = "ofsted_grade";
  g.period = year;
  g.value = grade;
  g.text = word;
  g.source = "ofsted_ratings_2018.csv";
  g.line = 100;
  s.add(g);
}

/// The real policy with some keys replaced.
class OverridePolicy final : public trellis::sdk::PolicyView {
 public:
  using Value = std::variant<double, std::string, bool, std::vector<std::string>>;
  OverridePolicy(const trellis::sdk::PolicyView& base, std::map<std::string, Value> values)
      : base_(base), values_(std::move(values)) {}

  bool has(std::string_view p) const override { return find(p) || base_.has(p); }
  std::optional<std::string> text(std::string_view p) const override {
    if (auto v = find(p)) return std::get_if<std::string>(v) ? std::optional(std::get<std::string>(*v)) : std::nullopt;
    return base_.text(p);
  }
  std::optional<double> number(std::string_view p) const override {
    if (auto v = find(p)) return std::get_if<double>(v) ? std::optional(std::get<double>(*v)) : std::nullopt;
    return base_.number(p);
  }
  std::optional<bool> flag(std::string_view p) const override {
    if (auto v = find(p)) return std::get_if<bool>(v) ? std::optional(std::get<bool>(*v)) : std::nullopt;
    return base_.flag(p);
  }
  std::vector<std::string> texts(std::string_view p) const override {
    if (auto v = find(p))
      return std::get_if<std::vector<std::string>>(v) ? std::get<std::vector<std::string>>(*v) : std::vector<std::string>{};
    return base_.texts(p);
  }
  std::vector<std::string> keys(std::string_view p) const override { return base_.keys(p); }
  std::size_t count(std::string_view p) const override {
    if (auto v = find(p)) return std::get_if<std::vector<std::string>>(v) ? std::get<std::vector<std::string>>(*v).size() : 0;
    return base_.count(p);
  }

 private:
  const Value* find(std::string_view p) const {
    auto it = values_.find(std::string(p));
    return it == values_.end() ? nullptr : &it->second;
  }
  const trellis::sdk::PolicyView& base_;
  std::map<std::string, Value> values_;
};

/// The rules of `rules` whose id starts with `prefix`.
inline std::vector<trellis::sdk::ActivityRule> with_prefix(const std::vector<trellis::sdk::ActivityRule>& rules,
                                                           const std::string& prefix) {
  std::vector<trellis::sdk::ActivityRule> out;
  for (auto& r : rules)
    if (r.id.rfind(prefix, 0) == 0) out.push_back(r);
  return out;
}

/// The sentences one a line, for Catch::Contains.
inline std::string joined(const std::vector<std::string>& v) {
  std::string s;
  for (auto& x : v) s += x + "\n";
  return s;
}

inline bool contains(const std::vector<std::string>& v, const std::string& s) {
  for (auto& x : v)
    if (x == s) return true;
  return false;
}

}  // namespace nexus_test
