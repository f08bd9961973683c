// A factory but no info record: not recognisably a Trellis plugin.
#include "fixture_regime.hpp"

static fixture::AbortIfLoaded abort_if_loaded;

class NoInfo final : public fixture::FixtureRegime {};

TRELLIS_PLUGIN_EXPORT trellis::sdk::RegimeBoundary* trellis_create_regime(trellis::sdk::Status& failure) noexcept {
  return trellis::sdk::make_adapted_regime<NoInfo>("fixture-no-info", "1.0.0", failure);
}
