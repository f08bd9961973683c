// Built for a newer SDK minor than the host's: it may rely on what the host lacks.
#include "fixture_regime.hpp"

static fixture::AbortIfLoaded abort_if_loaded;

class NewerMinor final : public fixture::FixtureRegime {
 public:
  NewerMinor() : FixtureRegime("fixture-newer-minor") {}
};

TRELLIS_PLUGIN_EXPORT const trellis::sdk::PluginInfo trellis_plugin_info = {
    TRELLIS_SDK_VERSION_MAJOR, TRELLIS_SDK_VERSION_MINOR + 1, trellis::sdk::this_cxx11_abi(), "fixture-newer-minor",
    "1.0.0"};
TRELLIS_PLUGIN_EXPORT trellis::sdk::Regime* trellis_create_regime() noexcept { return new NewerMinor(); }
