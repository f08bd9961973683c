#pragma once
#include <cstdint>
#include <vector>

#include "connection.hpp"

namespace trellis::sqlite {

/// Fills the temporary table `temp.wanted(urn)` with `urns`, for queries that
/// join it to read many schools' rows in one pass.
void fill_wanted(Connection& c, const std::vector<std::int64_t>& urns);

}  // namespace trellis::sqlite
