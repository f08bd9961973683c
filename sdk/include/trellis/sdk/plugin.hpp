#pragma once
/// Exporting a regime from a shared library.
///
/// The plugin exports two C symbols: `trellis_plugin_info`, a PluginInfo
/// record that the host reads from the file and checks before loading it, and
/// `trellis_create_regime`, the factory. Build plugins with hidden visibility;
/// only these two are visible, and, from SDK 3.1, the optional promise below.
///
///     TRELLIS_REGIME_PLUGIN(HelloRegime, "hello-regime", "1.0.0")
///     TRELLIS_REGIME_CONCURRENT_ASSESS   // optional (SDK 3.1): assess may run on several threads
#include <cstdint>

#include "trellis/sdk/fingerprint.hpp"
#include "trellis/sdk/regime_adapter.hpp"
#include "trellis/sdk/version.hpp"

namespace trellis::sdk {
inline namespace v3 {

/// A C-layout record. Its versions, id and version sit where SDK 1 put
/// them, so that a plugin of any SDK major is named, and refused for its
/// version, whatever else its record holds.
struct PluginInfo {
  std::uint32_t sdk_major;
  std::uint32_t sdk_minor;
  std::uint32_t record_size;   ///< sizeof(PluginInfo) as the plugin saw it
  const char* regime_id;       ///< e.g. "hello-regime"; the regime's id everywhere
  const char* regime_version;  ///< the plugin's own version, e.g. "1.2.0"
  Fingerprint fingerprint;     ///< how the plugin's compiler laid out the boundary types
};

constexpr PluginInfo plugin_info(const char* regime_id, const char* regime_version) {
  return {TRELLIS_SDK_VERSION_MAJOR, TRELLIS_SDK_VERSION_MINOR, sizeof(PluginInfo), regime_id, regime_version,
          this_fingerprint()};
}

}  // namespace v3
}  // namespace trellis::sdk

#define TRELLIS_PLUGIN_EXPORT extern "C" __attribute__((visibility("default")))

/// Factory signature: a new regime, or null with `failure` saying why. Never throws.
using trellis_create_regime_fn = trellis::sdk::RegimeBoundary*(trellis::sdk::Status& failure) noexcept;

/// Exports the record (written at compile time, so the host can read it from
/// the file) and the factory, which adapts RegimeClass in this translation unit.
#define TRELLIS_REGIME_PLUGIN(RegimeClass, plugin_id, plugin_version)                                   \
  TRELLIS_PLUGIN_EXPORT constinit const ::trellis::sdk::PluginInfo trellis_plugin_info =                 \
      ::trellis::sdk::plugin_info(plugin_id, plugin_version);                                           \
  TRELLIS_PLUGIN_EXPORT ::trellis::sdk::RegimeBoundary* trellis_create_regime(                           \
      ::trellis::sdk::Status& failure) noexcept {                                                       \
    return ::trellis::sdk::make_adapted_regime<RegimeClass>(trellis_plugin_info.regime_id,              \
                                                            trellis_plugin_info.regime_version, failure); \
  }

/// SDK 3.1: the version of the concurrency promise a plugin makes by
/// exporting `trellis_regime_concurrency` (TRELLIS_REGIME_CONCURRENT_ASSESS).
/// 1: the host may call `assess` and `plan` of one regime from several
/// threads at once, each call with its own request: each `EvidenceView`,
/// `AssessmentOut` and output vector is one thread's, and each thread has its
/// own `ThresholdRunner` (one Lua state each). The plugin promises that those
/// calls are re-entrant: no mutable state shared between calls (no static or
/// member written after construction, no cache, no non-reentrant C function
/// such as strtok or localtime); a function-local `static const` built on
/// first use is safe (C++ initialises it once). `describe`, `validate` and
/// `plan_body` are still called from one thread at a time.
#define TRELLIS_REGIME_CONCURRENCY_PROMISE 1u

/// Exports the promise above. Write it once, after TRELLIS_REGIME_PLUGIN, only
/// when the regime keeps it. A plugin without it (every SDK 3.0 plugin) is
/// called from one thread, whatever the host's thread count.
#define TRELLIS_REGIME_CONCURRENT_ASSESS                                                     \
  TRELLIS_PLUGIN_EXPORT constinit const std::uint32_t trellis_regime_concurrency = \
      TRELLIS_REGIME_CONCURRENCY_PROMISE;
