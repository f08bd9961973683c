#pragma once
#include <vector>

namespace trellis::sqlite {

/// migrations()[N - 1] takes a database from schema N - 1 to N.
const std::vector<const char*>& migrations();

}  // namespace trellis::sqlite
