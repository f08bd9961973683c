// Built "for SDK 99": refused from its record, before any of its code runs.
#include "fixture_record.hpp"
#include "fixture_regime.hpp"

static fixture::AbortIfLoaded abort_if_loaded;

class WrongMajor final : public fixture::FixtureRegime {};

constexpr trellis::sdk::PluginInfo major_99() {
  auto info = trellis::sdk::plugin_info("fixture-wrong-major", "1.0.0");
  info.sdk_major = 99;
  info.sdk_minor = 0;
  return info;
}
FIXTURE_EXPORT_RECORD(major_99())
TRELLIS_PLUGIN_EXPORT trellis::sdk::RegimeBoundary* trellis_create_regime(trellis::sdk::Status& failure) noexcept {
  return trellis::sdk::make_adapted_regime<WrongMajor>("fixture-wrong-major", "1.0.0", failure);
}
