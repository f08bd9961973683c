// An info record but no factory.
#include "fixture_record.hpp"
#include "fixture_regime.hpp"

static fixture::AbortIfLoaded abort_if_loaded;

FIXTURE_EXPORT_RECORD(trellis::sdk::plugin_info("fixture-no-factory", "1.0.0"))
