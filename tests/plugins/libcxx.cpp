// Says it was built with LLVM's libc++ (clang -stdlib=libc++): its std::string
// and std::vector are other types altogether, whatever their sizes.
#include "fixture_record.hpp"
#include "fixture_regime.hpp"

static fixture::AbortIfLoaded abort_if_loaded;

class Libcxx final : public fixture::FixtureRegime {};

constexpr trellis::sdk::PluginInfo with_libcxx() {
  auto info = trellis::sdk::plugin_info("fixture-libcxx", "1.0.0");
  info.fingerprint.library = trellis::sdk::StandardLibrary::libcxx;
  info.fingerprint.library_version = 170006;  // _LIBCPP_VERSION of LLVM 17.0.6
  return info;
}
FIXTURE_EXPORT_RECORD(with_libcxx())
TRELLIS_PLUGIN_EXPORT trellis::sdk::RegimeBoundary* trellis_create_regime(trellis::sdk::Status& failure) noexcept {
  return trellis::sdk::make_adapted_regime<Libcxx>("fixture-libcxx", "1.0.0", failure);
}
