// Built with -D_GLIBCXX_DEBUG (tests/plugins/CMakeLists.txt): its containers
// are libstdc++'s checked ones, laid out differently from the host's, though
// its source is the same as good.cpp's. Its record, written by the compiler,
// says so.
#include "fixture_regime.hpp"

static fixture::AbortIfLoaded abort_if_loaded;

class DebugMode final : public fixture::FixtureRegime {};

TRELLIS_REGIME_PLUGIN(DebugMode, "fixture-debug-mode", "1.0.0")
