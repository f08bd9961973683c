// The regime's constructor calls _exit(0) (issue 19): `assess` exited 0 with nothing stored.
#include <unistd.h>

#include "fixture_regime.hpp"

class CtorExit final : public fixture::FixtureRegime {
 public:
  CtorExit() { _exit(0); }
};

TRELLIS_REGIME_PLUGIN(CtorExit, "fixture-ctor-exit", "1.0.0")
