#include "hom_regime.hpp"
#include "trellis/sdk/plugin.hpp"

TRELLIS_REGIME_PLUGIN(hom::HeartOfMerciaRegime, "heart-of-mercia", "1.0.0")
