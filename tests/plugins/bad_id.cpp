// A record whose regime id cannot be typed on a command line or stored.
#include "fixture_regime.hpp"

class BadId final : public fixture::FixtureRegime {};

TRELLIS_REGIME_PLUGIN(BadId, "Bad Id!", "1.0.0")
