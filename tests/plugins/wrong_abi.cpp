// Claims the other libstdc++ string ABI: a std::string passed across would be misread.
#include "fixture_regime.hpp"

static fixture::AbortIfLoaded abort_if_loaded;

class WrongAbi final : public fixture::FixtureRegime {
 public:
  WrongAbi() : FixtureRegime("fixture-wrong-abi") {}
};

TRELLIS_PLUGIN_EXPORT const trellis::sdk::PluginInfo trellis_plugin_info = {
    TRELLIS_SDK_VERSION_MAJOR, TRELLIS_SDK_VERSION_MINOR, trellis::sdk::this_cxx11_abi() ? 0u : 1u,
    "fixture-wrong-abi", "1.0.0"};
TRELLIS_PLUGIN_EXPORT trellis::sdk::Regime* trellis_create_regime() noexcept { return new WrongAbi(); }
