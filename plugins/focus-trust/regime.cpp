#include "ft_regime.hpp"
#include "trellis/sdk/plugin.hpp"

TRELLIS_REGIME_PLUGIN(ft::FocusTrustRegime, "focus-trust", "1.0.0")
// Assess and plan keep no state between calls: the regime has no members, and
// its statics (describe_regime() and its lists) are const, built once.
TRELLIS_REGIME_CONCURRENT_ASSESS
