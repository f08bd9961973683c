// A plugin built against SDK 1, whose record was the 32 bytes below: the host
// reads its version and id from the part every record shares, and refuses it
// by its version before anything else.
#include "fixture_regime.hpp"

static fixture::AbortIfLoaded abort_if_loaded;

struct PluginInfo_1 {
  std::uint32_t sdk_major, sdk_minor, cxx11_abi;
  const char* regime_id;
  const char* regime_version;
};

TRELLIS_PLUGIN_EXPORT constinit const PluginInfo_1 trellis_plugin_info = {1, 1, 1, "fixture-sdk1", "1.0.0"};
TRELLIS_PLUGIN_EXPORT void* trellis_create_regime() noexcept { return nullptr; }
