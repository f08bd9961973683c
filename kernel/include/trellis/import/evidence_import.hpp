#pragma once
/// Importing official evidence files: the school census, absence, KS2, KS4
/// and Ofsted inspection history, and a long CSV of LA- or trust-held items.
///
///     EvidenceImportReport r = import_evidence(db, {.file = "england_abs.csv", .period = "2018-19"});
///     // r.format == "dfe-absence", r.added == 42428, r.missing == 866, ...
///
/// The whole import is one transaction: bad input throws InputError naming the
/// file, line and column, and nothing is written. Importing the same file for
/// the same period again does nothing and says so (`already_imported_at`).
/// Formats and their indicators are described in kernel/import/README.md.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "trellis/actor.hpp"
#include "trellis/clock.hpp"
#include "trellis/import/options.hpp"
#include "trellis/store/database.hpp"

namespace trellis {

struct EvidenceImportReport {
  std::string file;    ///< the file's name, as evidence cites it
  std::string format;  ///< dfe-census, dfe-absence, dfe-ks2, dfe-ks4, ofsted-history or long
  std::string sha256;
  std::optional<std::string> period;  ///< the period recorded with the import, if one
  bool converted_from_windows1252 = false;
  std::optional<std::int64_t> import_id;
  /// Set when the file was imported for this period before: nothing was done.
  std::optional<std::string> already_imported_at;
  std::int64_t rows = 0;        ///< data rows read
  std::int64_t added = 0;       ///< items stored that correct nothing
  std::int64_t superseded = 0;  ///< items stored that correct an earlier one
  std::int64_t unchanged = 0;   ///< items equal to the one held, not stored again
  std::int64_t missing = 0;     ///< stored items holding a reason instead of a value
  std::int64_t unknown_schools = 0;             ///< distinct URNs not in the register (stored all the same)
  std::vector<std::int64_t> unknown_examples;   ///< the first few of them
  std::int64_t benchmarks = 0;                  ///< published national and LA figures stored
  std::vector<std::string> new_indicators;      ///< registered by this import
  std::vector<std::string> notes;               ///< rows skipped and why, columns ignored
  std::vector<RejectedRow> rejected;            ///< with keep_going
};

/// The evidence formats, in the order detection tries them.
const std::vector<std::string>& evidence_formats();

/// Imports one evidence file. Throws InputError for bad input (exit 3) and
/// UsageError for bad options such as a malformed period (exit 2).
/// An admin or an officer imports evidence (`by`); owns its audit row.
EvidenceImportReport import_evidence(Database& db, const Actor& by, const Clock& clock, const ImportOptions& options);

}  // namespace trellis
