#pragma once
// The DfE files with one row per school and one column per measure: census,
// absence, KS2 and KS4. Each is described as data; wide_import.cpp reads them all.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "source.hpp"
#include "trellis/evidence.hpp"

namespace trellis::importing {

/// One measure column and the indicator it becomes.
struct WideColumn {
  std::string header;
  Indicator indicator;
  bool numeric = true;     ///< false: a text column (KS2's progress descriptions)
  bool required = false;   ///< part of the format: without it the file is not this format
  /// The values the file's own definition allows, beyond what the unit does
  /// (EvidenceWriter::check): e.g. Progress 8 bands 1 to 5.
  std::optional<std::pair<int, int>> range = std::nullopt;
};

/// What a row is: a school, a published LA or national figure, or a summary
/// row that has no place to go (reported, not stored).
struct RowKind {
  enum Kind { school, national, la, skipped } kind = school;
  int la_code = 0;
  std::string what;  ///< for skipped rows: what they are and why they are left
  std::string phase = {};  ///< for national rows of one phase: primary, secondary or special
};

/// Columns a classifier reads, resolved once per file.
struct ClassifyColumns {
  std::optional<std::size_t> urn, la, rectype, estab;
};

struct WideFormat {
  std::string id;
  std::vector<std::string> signature;  ///< headers that together identify the format
  std::vector<WideColumn> columns;
  std::vector<std::string> context;    ///< identifying columns, not measures: not warned about
  std::string year_column;             ///< KS2: "Academic Year", the calendar year the academic year ends in
  bool period_required = true;         ///< false when year_column can give it
  RowKind (*classify)(const csv::Reader&, const ClassifyColumns&) = nullptr;
};

/// census, absence, KS2, KS4, in the order detection tries them.
const std::vector<WideFormat>& wide_formats();
const WideFormat* find_wide_format(const std::string& id);

}  // namespace trellis::importing
