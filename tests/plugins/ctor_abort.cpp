// The regime's constructor calls abort() (issue 19): it must not take the host down.
#include "fixture_regime.hpp"

class CtorAbort final : public fixture::FixtureRegime {
 public:
  CtorAbort() { std::abort(); }
};

TRELLIS_REGIME_PLUGIN(CtorAbort, "fixture-ctor-abort", "1.0.0")
