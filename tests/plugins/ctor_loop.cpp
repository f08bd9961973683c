// A static constructor that never returns (issue 19): it runs as the library loads.
#include <unistd.h>

#include "fixture_regime.hpp"

namespace {
struct Forever {
  Forever() {
    for (;;) pause();
  }
} forever;
}  // namespace

class CtorLoop final : public fixture::FixtureRegime {};

TRELLIS_REGIME_PLUGIN(CtorLoop, "fixture-ctor-loop", "1.0.0")
