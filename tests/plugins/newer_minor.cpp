// Built for a newer SDK minor than the host's: it may rely on what the host lacks.
#include "fixture_record.hpp"
#include "fixture_regime.hpp"

static fixture::AbortIfLoaded abort_if_loaded;

class NewerMinor final : public fixture::FixtureRegime {};

constexpr trellis::sdk::PluginInfo newer() {
  auto info = trellis::sdk::plugin_info("fixture-newer-minor", "1.0.0");
  ++info.sdk_minor;
  return info;
}
FIXTURE_EXPORT_RECORD(newer())
TRELLIS_PLUGIN_EXPORT trellis::sdk::RegimeBoundary* trellis_create_regime(trellis::sdk::Status& failure) noexcept {
  return trellis::sdk::make_adapted_regime<NewerMinor>("fixture-newer-minor", "1.0.0", failure);
}
