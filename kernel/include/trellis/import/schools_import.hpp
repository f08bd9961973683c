#pragma once
/// Importing the school register: the DfE spine, a GIAS establishment export,
/// or the DfE list of LA names.
///
///     SchoolImportReport r = import_schools(db, {.file = "england_spine.csv"});
///     // r.format == "dfe-spine", r.added == 26078
///
/// Re-importing updates the register (it holds each school's current state);
/// closed schools stay, marked closed. Re-importing a file that changes
/// nothing writes nothing and says so (`already_imported_at`). One transaction; bad input throws
/// InputError naming file, line and column, and nothing is written.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "trellis/actor.hpp"
#include "trellis/clock.hpp"
#include "trellis/import/options.hpp"
#include "trellis/store/database.hpp"

namespace trellis {

struct SchoolImportReport {
  std::string file;
  std::string format;  ///< dfe-spine, gias or la-names
  std::string sha256;
  bool converted_from_windows1252 = false;
  std::optional<std::int64_t> import_id;
  /// Set when these bytes were imported before and the register holds them
  /// unchanged: nothing was written.
  std::optional<std::string> already_imported_at;
  std::int64_t rows = 0;
  std::int64_t added = 0, updated = 0, unchanged = 0;
  std::int64_t open = 0, closed = 0;        ///< status of the schools in the file
  std::int64_t la_names_set = 0;           ///< la-names: school rows given an LA name
  std::vector<std::string> unknown_types;  ///< type names grouped by their DfE group, not by name
  std::vector<std::string> notes;
  std::vector<RejectedRow> rejected;
};

const std::vector<std::string>& school_formats();

/// An admin or an officer imports the register (`by`); owns its audit row.
SchoolImportReport import_schools(Database& db, const Actor& by, const Clock& clock, const ImportOptions& options);

}  // namespace trellis
