// Claims the same regime id as good.cpp: the second one found is refused.
#include "fixture_regime.hpp"

class Twin final : public fixture::FixtureRegime {
 public:
  Twin() : FixtureRegime("fixture-good") {}
};

TRELLIS_REGIME_PLUGIN(Twin, "fixture-good", "9.9.9")
