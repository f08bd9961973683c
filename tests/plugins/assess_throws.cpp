// Loads and describes itself, then throws in assess (with a non-std exception).
#include "fixture_regime.hpp"

class AssessThrows final : public fixture::FixtureRegime {
 protected:
  trellis::sdk::Status do_assess(const trellis::sdk::AssessmentRequest& in,
                                 trellis::sdk::AssessmentOut&) const override {
    if (in.evidence.school().urn == 0) throw 42;
    throw std::out_of_range("indicator absence_pct has no benchmark");
  }
};

TRELLIS_REGIME_PLUGIN(AssessThrows, "fixture-assess-throws", "1.0.0")
