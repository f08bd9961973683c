// Claims the same regime id as good.cpp: the second one found is refused,
// from the id read in the file, so its code never runs.
#include "fixture_regime.hpp"

static fixture::AbortIfLoaded abort_if_loaded;

class Twin final : public fixture::FixtureRegime {};

TRELLIS_REGIME_PLUGIN(Twin, "fixture-good", "9.9.9")
