#include "ft_regime.hpp"
#include "trellis/sdk/plugin.hpp"

TRELLIS_REGIME_PLUGIN(ft::FocusTrustRegime, "focus-trust", "1.0.0")
