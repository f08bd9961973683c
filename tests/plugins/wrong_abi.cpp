// Claims the other libstdc++ string ABI: a std::string passed across would be misread.
#include "fixture_record.hpp"
#include "fixture_regime.hpp"

static fixture::AbortIfLoaded abort_if_loaded;

class WrongAbi final : public fixture::FixtureRegime {};

constexpr trellis::sdk::PluginInfo other_abi() {
  auto info = trellis::sdk::plugin_info("fixture-wrong-abi", "1.0.0");
  info.fingerprint.cxx11_abi = info.fingerprint.cxx11_abi ? 0 : 1;
  return info;
}
FIXTURE_EXPORT_RECORD(other_abi())
TRELLIS_PLUGIN_EXPORT trellis::sdk::RegimeBoundary* trellis_create_regime(trellis::sdk::Status& failure) noexcept {
  return trellis::sdk::make_adapted_regime<WrongAbi>("fixture-wrong-abi", "1.0.0", failure);
}
