#pragma once
// Internal to tk_policy: a light reading of a threshold script's text for
// likely typos in the names it reads: params.X that [thresholds.params]
// lacks, indicators.X / benchmarks.X the regime does not know. It only
// reports a name with a close match ("did you mean"), because a script may
// test for an optional name on purpose. It reads text, not Lua: a name built
// at run time escapes it.
#include <string>
#include <string_view>
#include <vector>

#include "trellis/error.hpp"

namespace trellis {

struct ScanFinding {
  Location where;
  std::string message;
};

std::vector<ScanFinding> scan_script(std::string_view text, const std::string& file,
                                     const std::vector<std::string>& params,
                                     const std::vector<std::string>& indicators);

}  // namespace trellis
