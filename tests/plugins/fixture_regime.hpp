#pragma once
// The regime the test fixtures build on: one indicator, one RAG scale, and a
// level from the policy's "classify" threshold script. Each fixture then
// breaks one thing, to show the host refusing or surviving it.
#include <cstdlib>
#include <new>
#include <stdexcept>
#include <string>

#include "trellis/sdk/plugin.hpp"

namespace fixture {

using namespace trellis::sdk;

/// Its id and version are the ones its fixture's record gives.
class FixtureRegime : public Regime {
 protected:
  RegimeDescription do_describe() const override {
    RegimeDescription d;
    d.name = "Fixture regime";
    d.scales.push_back({"rag", "RAG", {{"green", "Green", "#2e7d32"}, {"amber", "Amber", ""}, {"red", "Red", ""}}});
    d.overall_scale = "rag";
    d.indicators.push_back({"absence_pct", "Overall absence", "%", Direction::lower_is_better, ""});
    d.stages.push_back({"computed", {}});
    d.threshold_scripts = {"classify"};
    return d;
  }

  Status do_assess(const AssessmentRequest& in, AssessmentOut& out) const override {
    Facts extra{{"fixture", true}};
    ThresholdOutcome o = in.thresholds.run("classify", in.evidence, extra);
    if (!o.status) return o.status;
    out.level = o.level;
    out.reasons = o.reasons;
    RatingOut overall{"overall", o.level, "computed", "from the classify script", {}};
    if (auto a = in.evidence.latest("absence_pct")) overall.evidence.push_back(a->id);
    out.ratings.push_back(overall);
    return Status::success();
  }

  void do_plan(const EvidenceView&, const AssessmentOut& a, const PolicyView&,
               std::vector<ActivityRule>& out) const override {
    ActivityRule r;
    r.id = "visit";
    r.type = "visit";
    r.title = "Visit (" + a.level + ")";
    out.push_back(r);
  }
};

/// Kills the process if the host ever runs this fixture's code: fixtures the
/// host must refuse from the file alone hold one.
struct AbortIfLoaded {
  AbortIfLoaded() { std::abort(); }
};

}  // namespace fixture
