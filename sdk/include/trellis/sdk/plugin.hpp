#pragma once
/// Exporting a regime from a shared library.
///
/// The plugin exports two C symbols, which the host loads through Boost.DLL:
/// `trellis_plugin_info` (a PluginInfo record, read and checked first) and
/// `trellis_create_regime` (the factory). Build plugins with hidden
/// visibility; only these two are visible.
///
///     TRELLIS_REGIME_PLUGIN(HelloRegime, "hello-regime", "1.0.0")
#include "trellis/sdk/regime.hpp"
#include "trellis/sdk/version.hpp"

#define TRELLIS_PLUGIN_EXPORT extern "C" __attribute__((visibility("default")))

/// Factory signature: returns a new regime, or null on failure. Never throws.
using trellis_create_regime_fn = trellis::sdk::Regime*() noexcept;

#define TRELLIS_REGIME_PLUGIN(RegimeClass, regime_id, regime_version)                 \
  TRELLIS_PLUGIN_EXPORT const ::trellis::sdk::PluginInfo trellis_plugin_info = {       \
      TRELLIS_SDK_VERSION_MAJOR, TRELLIS_SDK_VERSION_MINOR,                           \
      ::trellis::sdk::this_cxx11_abi(), regime_id, regime_version};                   \
  TRELLIS_PLUGIN_EXPORT ::trellis::sdk::Regime* trellis_create_regime() noexcept {     \
    try {                                                                             \
      return new RegimeClass();                                                       \
    } catch (...) {                                                                   \
      return nullptr;                                                                 \
    }                                                                                 \
  }
