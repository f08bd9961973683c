// The regime's constructor throws: the SDK's factory turns that into null.
#include "fixture_regime.hpp"

class FactoryThrows final : public fixture::FixtureRegime {
 public:
  FactoryThrows() { throw std::runtime_error("cannot start"); }
};

TRELLIS_REGIME_PLUGIN(FactoryThrows, "fixture-factory-throws", "1.0.0")
