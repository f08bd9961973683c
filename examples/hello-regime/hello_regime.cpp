// hello-regime: a complete, minimal Trellis regime. It rates a school green,
// amber or red on one indicator, overall absence, with the thresholds in the
// policy and the rule in a Lua script.
#include <trellis/sdk/plugin.hpp>

using namespace trellis::sdk;

class HelloRegime final : public Regime {
 protected:
  // What the regime is: trellis reads this once, when it loads the plugin.
  RegimeDescription do_describe() const override {
    RegimeDescription d;  // its id and version come from TRELLIS_REGIME_PLUGIN, below
    d.name = "Hello regime: overall absence";
    d.scales.push_back({"rag", "RAG", {{"green", "Green", "#2e7d32"},
                                       {"amber", "Amber", "#f9a825"},
                                       {"red", "Red", "#c62828"}}});
    d.overall_scale = "rag";
    d.indicators.push_back({"overall_absence_pct", "Overall absence", "%", Direction::lower_is_better, ""});
    d.stages.push_back({"computed", {"trellis"}});
    d.policy_keys.push_back({"thresholds.params.amber_above", KeyType::number, true, 0.0, 100.0, {},
                             "amber when more than this % of sessions are missed"});
    d.policy_keys.push_back({"thresholds.params.red_above", KeyType::number, true, 0.0, 100.0, {},
                             "red when more than this % of sessions are missed"});
    d.threshold_scripts = {"classify"};
    return d;
  }

  // Checks that types and ranges cannot: here, that red is above amber.
  void do_validate(const PolicyView& policy, std::vector<Diagnostic>& out) const override {
    auto amber = policy.number("thresholds.params.amber_above");
    auto red = policy.number("thresholds.params.red_above");
    if (amber && red && *red <= *amber)
      out.push_back({"thresholds.params.red_above", "expected a number above amber_above"});
  }

  // One school, one period: the policy's classify.lua gives the level and the
  // reasons; the rating cites the evidence it rests on.
  Status do_assess(const AssessmentRequest& in, AssessmentOut& out) const override {
    ThresholdOutcome result = in.thresholds.run("classify", in.evidence, {});
    if (!result.status) return result.status;
    out.level = result.level;
    out.reasons = result.reasons;
    RatingOut overall{"overall", result.level, "computed", "classify.lua on overall absence", {}};
    if (auto absence = in.evidence.latest("overall_absence_pct")) overall.evidence.push_back(absence->id);
    out.ratings.push_back(overall);
    return Status::success();
  }
};

// The regime's id and version, written once; exports the info record trellis
// checks first, and the factory.
TRELLIS_REGIME_PLUGIN(HelloRegime, "hello-regime", "1.0.0")
