// A factory but no info record: not recognisably a Trellis plugin.
#include "fixture_regime.hpp"

static fixture::AbortIfLoaded abort_if_loaded;

class NoInfo final : public fixture::FixtureRegime {
 public:
  NoInfo() : FixtureRegime("fixture-no-info") {}
};

TRELLIS_PLUGIN_EXPORT trellis::sdk::Regime* trellis_create_regime() noexcept { return new NoInfo(); }
