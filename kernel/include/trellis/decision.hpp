#pragma once
/// Decisions: the rating at a regime's deciding stage. The computed level is a
/// proposal; where a decision is recorded, it is the level that counts.
///
///     auto stages = deciding_stages(host.description("example-regime"));   // {"final"}
///     auto decided = decisions_for(db, "example-la", "example-regime", "2024-25", stages);
///     const std::string counts = decided.count(urn) ? decided.at(urn).level : computed_level;
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "trellis/sdk/description.hpp"
#include "trellis/store/database.hpp"

namespace trellis {

struct Decision {
  std::int64_t rating_id = 0;
  std::string level, stage, by, at, rationale;
  std::string on;  ///< the day it was decided, "YYYY-MM-DD"
};

/// The stages whose rating of "overall" decides, in precedence: the regime's
/// deciding stage, then the stages it declares before that one. "self" and
/// "computed" never decide. Empty when the regime names no deciding stage.
std::vector<std::string> deciding_stages(const sdk::RegimeDescription& d);
/// What decides when a regime's plugin cannot be loaded to say: final, then
/// validated, moderated and proposed.
const std::vector<std::string>& generic_deciding_stages();

/// The period and those that enclose it, most specific first: a decision on
/// the year stands for each of its terms until a term's own is recorded.
std::vector<std::string> period_and_enclosing(const std::string& period);

/// The decision on each school's overall level for the period under the
/// regime, by URN: the newest rating at the first of `stages` that has one,
/// for the period itself, else for the term or year that encloses it.
std::map<std::int64_t, Decision> decisions_for(Database& db, const std::string& body_id, const std::string& regime,
                                               const std::string& period, const std::vector<std::string>& stages);

/// The same for one school.
std::optional<Decision> decision_for(Database& db, const std::string& body_id, const std::string& regime,
                                     std::int64_t urn, const std::string& period,
                                     const std::vector<std::string>& stages);

}  // namespace trellis
