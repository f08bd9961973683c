#pragma once
// Fixtures that export a record of their own making, rather than the one
// TRELLIS_REGIME_PLUGIN writes: each starts from the true record and changes
// one thing, at compile time, so the host reads it from the file.
#include <string_view>

#include "trellis/sdk/plugin.hpp"

namespace fixture {

/// The index of boundary type `name` in the fingerprint.
constexpr std::uint32_t type_index(std::string_view name) {
  for (std::uint32_t i = 0; i < trellis::sdk::boundary_type_count; ++i)
    if (trellis::sdk::boundary_type_names[i] == name) return i;
  throw "no such boundary type";  // not a constant expression: fails the build
}

}  // namespace fixture

#define FIXTURE_EXPORT_RECORD(expression) \
  TRELLIS_PLUGIN_EXPORT constinit const trellis::sdk::PluginInfo trellis_plugin_info = expression;
