// One academy for one period (§5.5): the grades its SAR gives and the panel
// validated, per pillar and overall. The validated grade counts (the regime's
// deciding stage); the policy's sar.lua says what stands and why. With no
// overall grade at either stage there is no overall view: insufficient evidence.
#include "hom_regime.hpp"
#include "trellis/sdk/school_kinds.hpp"

namespace hom {
namespace {

/// The kernel's level for a school whose evidence carries no judgement.
const std::string kInsufficientEvidence = "insufficient_evidence";

/// {self, validated} as the script reads them: "" where none is recorded.
FactTable grades_of(const EvidenceView& school, const std::string& subject) {
  return {{"self", school.rating(subject, "self").value_or("")},
          {"validated", school.rating(subject, "validated").value_or("")}};
}

Facts sar_facts(const EvidenceView& school, const PolicyView& policy) {
  FactList ids;
  FactTable pillars;
  for (auto& area : describe_regime().areas) {
    ids.push_back(area.id);
    FactTable p = grades_of(school, area.id);
    p.emplace("label", area.label);
    pillars.emplace(area.id, std::move(p));
  }
  const bool college = is_college(school.school());
  Facts facts{{"overall", grades_of(school, "overall")},
              {"college", college},
              {"lead", college ? "Principal" : "Headteacher"},
              {"central_support", central_support(school, policy)}};
  // Moved in: a braced list would copy the pillars' tables twice.
  facts.emplace("pillars", std::move(ids));
  facts.emplace("pillar", std::move(pillars));
  return facts;
}

}  // namespace

bool is_college(const SchoolInfo& school) { return school.type_group == "college"; }

std::string central_support(const EvidenceView& school, const PolicyView& policy) {
  if (auto o = school.latest("central_support"); o && o->present() && !o->text.empty()) return o->text;
  return policy.text("support.allocated." + std::to_string(school.school().urn)).value_or("");
}

Status HeartOfMerciaRegime::do_assess(const AssessmentRequest& in, AssessmentOut& out) const {
  const SchoolInfo& school = in.evidence.school();
  if (closed_school(school, "Not graded", out)) return Status::success();
  const std::string lead = is_college(school) ? "principal" : "headteacher";
  const auto self = in.evidence.rating("overall", "self");
  const auto validated = in.evidence.rating("overall", "validated");
  // §5.5: never good by default. No SAR (no overall grade), or one not yet
  // validated where the policy says so, gives no grade.
  if (!validated && (!self || in.policy.text("sar.unvalidated").value() == kInsufficientEvidence)) {
    out.level = kInsufficientEvidence;
    out.reasons = {self ? "§5.5: the " + lead + "'s self-assessment report (SAR) for " + in.evidence.period() +
                              " is not yet validated, and the policy gives no grade until it is (sar.unvalidated)."
                        : "§5.5: no self-assessment report (SAR) with an overall grade is held for " +
                              in.evidence.period() + ": insufficient evidence for a grade."};
    if (auto support = central_support(in.evidence, in.policy); !support.empty())
      out.reasons.push_back("§8.3: " + support + " of the Trust central team works with the academy's leaders.");
    return Status::success();
  }
  ThresholdOutcome sar = in.thresholds.run("sar", in.evidence, sar_facts(in.evidence, in.policy));
  if (!sar.status) return sar.status;
  out.level = sar.level;
  out.reasons = std::move(sar.reasons);
  out.ratings.push_back({"overall", out.level, "computed",
                         validated ? "§5.5: the panel's validated grade" : "§5.5: the SAR's grade, not yet validated",
                         {}});
  for (auto& pillar : sar.ratings)
    out.ratings.push_back({pillar.subject, pillar.level, "computed", "§1.3, §5.5: the pillar's grade as it stands",
                           std::move(pillar.evidence), std::move(pillar.reasons)});
  return Status::success();
}

}  // namespace hom
