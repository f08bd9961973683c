// A plugin that does everything right.
#include "fixture_regime.hpp"

class Good final : public fixture::FixtureRegime {};

TRELLIS_REGIME_PLUGIN(Good, "fixture-good", "1.2.3")
