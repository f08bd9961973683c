#pragma once
/// One item of evidence recorded by a person rather than imported from a
/// file: an officer's note of a safeguarding concern, a complaint count.
/// Its provenance is who recorded it and when; a later record for the same
/// school, indicator and period supersedes it.
///
///     record_evidence(db, officer, clock, {123456, "2024-25", "safeguarding_concern", 1.0, "", "LADO referral", "j.smith"});
#include <cstdint>
#include <optional>
#include <string>

#include "trellis/actor.hpp"
#include "trellis/clock.hpp"
#include "trellis/store/database.hpp"

namespace trellis {

struct RecordedEvidence {
  std::int64_t urn = 0;
  std::string period;
  std::string indicator;
  std::optional<double> value;
  std::string missing;  ///< why there is no value, when there is none
  std::string note;
  std::string by;  ///< the source named on the item; empty: the person recording it
};

/// Checks the school, period and indicator id, registers a new indicator,
/// and appends the item, in one transaction with its audit row. An admin, an
/// officer, or the school's own head may record. Throws UsageError naming
/// what is wrong, NotPermitted for anyone else. Returns the id.
std::int64_t record_evidence(Database& db, const Actor& by, const Clock& clock, const RecordedEvidence& item);

}  // namespace trellis
