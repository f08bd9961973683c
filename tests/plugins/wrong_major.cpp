// Built "for SDK 99": refused from its record, before any of its code runs.
#include "fixture_regime.hpp"

static fixture::AbortIfLoaded abort_if_loaded;

class WrongMajor final : public fixture::FixtureRegime {
 public:
  WrongMajor() : FixtureRegime("fixture-wrong-major") {}
};

TRELLIS_PLUGIN_EXPORT const trellis::sdk::PluginInfo trellis_plugin_info = {
    99, 0, trellis::sdk::this_cxx11_abi(), "fixture-wrong-major", "1.0.0"};
TRELLIS_PLUGIN_EXPORT trellis::sdk::Regime* trellis_create_regime() noexcept { return new WrongMajor(); }
