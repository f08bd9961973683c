// Behaves while the host loads it (one regime, described once), then throws
// from every entry point: describe, validate, assess, plan, plan_body, and
// the factory from the third regime made on. The host must stay up, and every
// failure name the plugin.
#include "fixture_regime.hpp"

namespace {

int regimes_made = 0;
int descriptions = 0;

}  // namespace

class ThrowsEverywhere final : public fixture::FixtureRegime {
 public:
  ThrowsEverywhere() {
    if (++regimes_made >= 3) throw std::runtime_error("no more regimes");
  }

 protected:
  trellis::sdk::RegimeDescription do_describe() const override {
    if (++descriptions >= 2) throw std::logic_error("describe thrown");
    return FixtureRegime::do_describe();
  }
  void do_validate(const trellis::sdk::PolicyView&, std::vector<trellis::sdk::Diagnostic>&) const override {
    throw std::invalid_argument("validate thrown");
  }
  trellis::sdk::Status do_assess(const trellis::sdk::AssessmentRequest&, trellis::sdk::AssessmentOut&) const override {
    throw 42;  // not a std::exception
  }
  void do_plan(const trellis::sdk::EvidenceView&, const trellis::sdk::AssessmentOut&, const trellis::sdk::PolicyView&,
               std::vector<trellis::sdk::ActivityRule>&) const override {
    throw std::out_of_range("plan thrown");
  }
  void do_plan_body(const trellis::sdk::PolicyView&, std::vector<trellis::sdk::ActivityRule>&) const override {
    throw std::bad_alloc();
  }
};

TRELLIS_REGIME_PLUGIN(ThrowsEverywhere, "fixture-throws-everywhere", "1.0.0")
