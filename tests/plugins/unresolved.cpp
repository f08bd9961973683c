// Calls a function nothing defines (built without --no-undefined): loading
// with every symbol resolved at once refuses it, instead of a fatal lookup
// error in the middle of a call.
#include "fixture_regime.hpp"

extern "C" int trellis_fixture_nowhere();

class Unresolved final : public fixture::FixtureRegime {
 protected:
  trellis::sdk::RegimeDescription do_describe() const override {
    auto d = FixtureRegime::do_describe();
    d.name += std::to_string(trellis_fixture_nowhere());
    return d;
  }
};

TRELLIS_REGIME_PLUGIN(Unresolved, "fixture-unresolved", "1.0.0")
