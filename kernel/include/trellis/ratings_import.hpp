#pragma once
/// Bulk import of ratings people set: a term's self-assessments from every
/// school, or a board's moderation, as one CSV.
///
///     urn,period,subject,level,stage,by,rationale,on
///     100001,2024-25/autumn,attendance,secure,self,Headteacher (J. Smith),,2024-11-29
///
///     RatingsImportReport r = import_ratings(db, host, "self-assessments.csv", "trust-a");
///
/// Columns may come in any order; `rationale` and `on` (the day each rating
/// was decided) are optional; no others are allowed (a misspelt column would
/// otherwise be dropped silently). A row with no `on` takes the file's `on`,
/// and with neither it is dated today. Every row
/// is checked as record_rating checks a single rating. The file is one
/// transaction: the first bad row throws InputError naming file, line and
/// column, and nothing is written. A row that is a decision (overall, at the
/// regime's deciding stage) re-plans its school from the day decided, as
/// `trellis rate` does.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "trellis/letter.hpp"
#include "trellis/plugin_host.hpp"
#include "trellis/store/database.hpp"

namespace trellis {

struct RatingsImportReport {
  std::string file;     ///< the file's name, as messages cite it
  std::string sha256;
  std::int64_t rows = 0;        ///< ratings recorded
  std::int64_t superseded = 0;  ///< of them, ones that supersede an earlier rating of the same subject and stage
  std::int64_t schools = 0;     ///< distinct schools rated
  std::int64_t decisions = 0;   ///< of them, decisions on a school's overall level: each re-plans that school
  std::vector<Letter> letters;  ///< letters to heads those decisions stored in the outbox (see `trellis letters`)
};

/// Throws InputError for a bad file or row (exit 3), UsageError for an unknown body.
/// Each row's stage must be one the actor may record (NotPermitted, naming the row).
RatingsImportReport import_ratings(Database& db, PluginHost& host, const Actor& actor, const Clock& clock,
                                   const std::filesystem::path& file,
                                   const std::string& body_id, const std::string& on = {});

}  // namespace trellis
