// describe() throws: the regime cannot say what it is, so it cannot be used.
#include "fixture_regime.hpp"

class DescribeThrows final : public fixture::FixtureRegime {
 protected:
  trellis::sdk::RegimeDescription do_describe() const override {
    throw std::logic_error("no scales configured");
  }
};

TRELLIS_REGIME_PLUGIN(DescribeThrows, "fixture-describe-throws", "1.0.0")
