// An info record but no factory.
#include "fixture_regime.hpp"

static fixture::AbortIfLoaded abort_if_loaded;

TRELLIS_PLUGIN_EXPORT const trellis::sdk::PluginInfo trellis_plugin_info = {
    TRELLIS_SDK_VERSION_MAJOR, TRELLIS_SDK_VERSION_MINOR, trellis::sdk::this_cxx11_abi(), "fixture-no-factory",
    "1.0.0"};
