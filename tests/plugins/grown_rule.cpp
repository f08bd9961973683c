// Built against SDK headers whose ActivityRule has one more field than the
// host's (as if edited without a major version): its record says 8 bytes more.
#include "fixture_record.hpp"
#include "fixture_regime.hpp"

static fixture::AbortIfLoaded abort_if_loaded;

class GrownRule final : public fixture::FixtureRegime {};

constexpr trellis::sdk::PluginInfo grown() {
  auto info = trellis::sdk::plugin_info("fixture-grown-rule", "1.0.0");
  info.fingerprint.types[fixture::type_index("ActivityRule")].size += 8;
  return info;
}
FIXTURE_EXPORT_RECORD(grown())
TRELLIS_PLUGIN_EXPORT trellis::sdk::RegimeBoundary* trellis_create_regime(trellis::sdk::Status& failure) noexcept {
  return trellis::sdk::make_adapted_regime<GrownRule>("fixture-grown-rule", "1.0.0", failure);
}
