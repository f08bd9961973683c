// One academy for one term (Trust intervention: "a termly RAG report"): the
// facts the policy's rag.lua needs beside the evidence, and its outcome as
// the computed RAG with each KPI's rating. The Chief Executive confirms it at
// the deciding stage; the kernel counts the confirmed level.
#include <algorithm>

#include "ft_regime.hpp"
#include "trellis/sdk/policy_keys.hpp"
#include "trellis/sdk/policy_parts.hpp"
#include "trellis/sdk/school_kinds.hpp"

namespace ft {
namespace {

/// "autumn", "spring" or "summer" of "2019-20/spring-1"; "" for a year.
std::string term_of(const std::string& period) {
  const auto slash = period.find('/');
  if (slash == std::string::npos) return "";
  const std::string part = period.substr(slash + 1);
  return part.substr(0, part.find('-'));
}

const char* direction_word(Direction d) {
  return d == Direction::higher_is_better ? "higher" : d == Direction::lower_is_better ? "lower" : "neutral";
}

/// A table of text facts. Filled key by key: GCC 12's -O2 flags a braced list
/// of variant-holding pairs as maybe-uninitialized (a false positive).
FactTable text_table(std::initializer_list<std::pair<const char*, std::string>> items) {
  FactTable t;
  for (const auto& [key, value] : items) t[key] = value;
  return t;
}

/// The improvement plan's criteria (the regime's ip_ indicators): the same for every academy, so built once.
const FactList& plan_criteria() {
  static const FactList criteria = [] {
    FactList out;
    for (const auto& spec : describe_regime().indicators)
      if (spec.id.rfind("ip_", 0) == 0) out.emplace_back() = text_table({{"id", spec.id}, {"label", spec.label}});
    return out;
  }();
  return criteria;
}

Facts rag_facts(const EvidenceView& school, const PolicyView& policy) {
  FactList kpis;
  for (const IndicatorSpec& i : policy_indicators(policy))
    if (i.area == kKpiArea)
      kpis.emplace_back() = text_table({{"id", i.id}, {"label", i.label}, {"unit", i.unit}, {"direction", direction_word(i.direction)}});
  const std::string term = term_of(school.period());
  // The rules of the term's returns (plan.cpp), so the script can read their
  // due days: a return is overdue only once its deadline has passed (§05).
  FactTable returns = text_table({{"kpis", return_rule(kKpiReturn, term)},
                                  {"ses", return_rule(kSesReturn, term)},
                                  {"profile", return_rule(kProfileReturn, term)}});
  Facts facts{{"term", term},
              {"term_ends", school.calendar().period_last_day(school.period()).value_or("")},
              {"levels", FactList{"green", "amber", "red"}},
              {"intervention", school.rating(kIntervention, kDecidingStage).value_or("")},
              {"consultancy_allowed", static_cast<double>(whole_number(policy, "consultancy.days_per_year"))},
              {"year_end", term == "summer" || term.empty()}};
  // Moved (or copied once) in: a braced list would copy them twice.
  facts.emplace("plan_criteria", plan_criteria());
  facts.emplace("returns", std::move(returns));
  facts.emplace("kpis", std::move(kpis));
  return facts;
}

}  // namespace

Status FocusTrustRegime::do_assess(const AssessmentRequest& in, AssessmentOut& out) const {
  if (closed_school(in.evidence.school(), "No RAG rating", out)) return Status::success();
  ThresholdOutcome rag = in.thresholds.run("rag", in.evidence, rag_facts(in.evidence, in.policy));
  if (!rag.status) return rag.status;
  out.level = rag.level;
  out.reasons = std::move(rag.reasons);
  out.ratings.push_back({"overall", out.level, "computed", "Trust intervention: the termly RAG from the evidence", {}});
  for (auto& kpi : rag.ratings)
    out.ratings.push_back({kpi.subject, kpi.level, "computed", "§05: the KPI against the policy's thresholds",
                           std::move(kpi.evidence), std::move(kpi.reasons)});
  return Status::success();
}

}  // namespace ft
