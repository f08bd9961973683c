// A plugin built against SDK 2.0, whose record is frozen below as SDK 2 laid
// it out (its fingerprint listed 38 boundary types): SDK 3 changed SchoolInfo,
// IndicatorSpec and plan_body, so the host refuses it by its version, before
// anything else is read and before any of its code runs.
#include "fixture_regime.hpp"

static fixture::AbortIfLoaded abort_if_loaded;

struct Fingerprint_2 {
  std::uint32_t library, library_version, cxx11_abi, debug_mode, type_count;
  trellis::sdk::TypeLayout types[38];
};
struct PluginInfo_2 {
  std::uint32_t sdk_major, sdk_minor, record_size;
  const char* regime_id;
  const char* regime_version;
  Fingerprint_2 fingerprint;
};

TRELLIS_PLUGIN_EXPORT constinit const PluginInfo_2 trellis_plugin_info = {
    2, 0, sizeof(PluginInfo_2), "fixture-sdk2", "2.0.0", {1, 12, 1, 0, 38, {}}};
TRELLIS_PLUGIN_EXPORT void* trellis_create_regime() noexcept { return nullptr; }
