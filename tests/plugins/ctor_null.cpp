// The regime's constructor dereferences null (issue 19): a crash, in the plugin.
#include <csignal>

#include "fixture_regime.hpp"

class CtorNull final : public fixture::FixtureRegime {
 public:
  // A real null dereference is UB the compiler may remove; the signal it raises is what the host sees.
  CtorNull() { std::raise(SIGSEGV); }
};

TRELLIS_REGIME_PLUGIN(CtorNull, "fixture-ctor-null", "1.0.0")
