#pragma once
/// Evidence: observations about a school for a period, append-only, each with
/// its provenance. A correction is a new item that supersedes the old one; a
/// missing value keeps its reason.
///
///     register_indicator(db, {"persistent_absence_pct", "Persistent absentees", "%", "lower"});
///     EvidenceWriter w(db, {import_id, "england_abs.csv", current_user(), now_timestamp()});
///     w.append({.urn = 123456, .period = "2018-19", .indicator = "persistent_absence_pct",
///               .value = 21.3, .line = 4102, .column = 5});
///     w.append({.urn = 123457, .period = "2018-19", .indicator = "persistent_absence_pct",
///               .missing = "suppressed", .line = 4103, .column = 5});
///     for (const EvidenceItem& e : evidence_for(db, 123456)) ...
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "trellis/period.hpp"
#include "trellis/store/database.hpp"

namespace trellis {

/// A named measure with a unit and the direction that is better.
struct Indicator {
  std::string id;         ///< snake_case, e.g. "overall_absence_pct"
  std::string label;      ///< what a head reads: "Overall absence (% of sessions missed)"
  std::string unit;       ///< "%", "pupils", "score", "points", "band", "grade", "date", or ""
  std::string direction;  ///< "higher", "lower" or "neutral"
  /// The values evidence may take, as an adopted policy declares them (SDK 3's IndicatorSpec).
  std::optional<double> min = {};
  std::optional<double> max = {};
  bool whole_number = false;
};

/// Lower-case letters, digits and underscores, starting with a letter; at most 64.
bool is_indicator_id(std::string_view id);
/// Adds the indicator unless its id is registered already: an existing
/// definition stands, so ids keep their meaning. Throws UsageError for a bad
/// id or direction.
void register_indicator(Database& db, const Indicator& indicator);
std::optional<Indicator> find_indicator(Database& db, std::string_view id);
std::vector<Indicator> list_indicators(Database& db);

/// One stored item with its provenance and its indicator's definition.
struct EvidenceItem {
  std::int64_t id = 0;
  std::int64_t urn = 0;
  std::string period;
  std::string indicator;
  std::optional<double> value;
  std::optional<std::string> text;     ///< a text value, a grade's word, a date, or a note
  std::optional<std::string> missing;  ///< why there is no value: "suppressed", "no entries", ...
  std::string source;                  ///< file name, or who recorded it
  std::optional<int> line;
  std::optional<int> column;
  std::optional<std::int64_t> import_id;
  std::optional<std::string> recorded_by;
  std::string recorded_at;
  std::optional<std::int64_t> supersedes;     ///< the item this one corrects
  std::optional<std::int64_t> superseded_by;  ///< the item that corrects this one
  std::string label;                   ///< from the indicator; the id when it is not registered
  std::string unit;
  std::string direction;
};

struct EvidenceQuery {
  std::optional<Period> period = {};  ///< only items for this period or a period within it
  bool include_superseded = false;  ///< also items a correction has replaced
};

/// What is held on a school: newest period first, then indicators in the
/// order they were registered (a file's column order), then oldest item first.
std::vector<EvidenceItem> evidence_for(Database& db, std::int64_t urn, const EvidenceQuery& query = {});

/// Appends items in bulk under one provenance (an import, or a person).
///
/// `append` keeps the store append-only: when the school already has a current
/// item for the indicator and period, an equal one is skipped ("unchanged")
/// and a different one is stored as superseding it. So that importing a
/// national file stays fast, the (indicator, period) pairs that have evidence
/// are read once when the writer starts; items are looked up school by school
/// only for those pairs. One writer therefore appends each (school, indicator,
/// period) at most once; callers with several items for a key (inspection
/// history) use `insert` with an explicit `supersedes`.
/// The longest note or reason-it-is-missing an item of evidence may carry, in bytes.
constexpr std::size_t kMaxEvidenceText = 4000;

class EvidenceWriter {
 public:
  struct Provenance {
    std::optional<std::int64_t> import_id;
    std::string source;       ///< file name, or who recorded it
    std::string recorded_by;
    std::string recorded_at;
  };
  /// An item to store. The views need only live for the call.
  struct Item {
    std::int64_t urn = 0;
    std::string_view period = {};
    std::string_view indicator = {};
    std::optional<double> value = {};
    std::string_view text = {};     ///< "" for none
    std::string_view missing = {};  ///< "" when there is a value
    int line = 0;              ///< 0: none
    int column = 0;
  };
  /// A current item, as `current` returns it.
  struct Held {
    std::int64_t id = 0;
    std::optional<double> value;
    std::optional<std::string> text;
    std::optional<std::string> missing;
    std::optional<std::int64_t> import_id;
    std::optional<int> line;
  };
  enum class Outcome { added, superseded, unchanged };

  /// `indicators`, when given, are all the indicators the writer will be
  /// given (an import knows them from its header): the pairs that have
  /// evidence are then read for those alone, and an item of another is a
  /// programming error (std::logic_error).
  EvidenceWriter(Database& db, Provenance provenance, std::vector<std::string> indicators = {});
  ~EvidenceWriter();
  EvidenceWriter(const EvidenceWriter&) = delete;
  EvidenceWriter& operator=(const EvidenceWriter&) = delete;

  /// Refuses an item that cannot be stored (issue 19): a value that is not
  /// finite, a percentage (unit "%") outside 0 to 100, a count of pupils
  /// (unit "pupils") that is not a whole number from 0, a value outside the
  /// range an adopted policy declares for the indicator, a note or reason
  /// longer than kMaxEvidenceText or not UTF-8. InputError at the item's line
  /// and column in the file; UsageError (Field::value) for an item with no line.
  void check(const Item& item);
  /// New items wait and are stored many at a time: call flush() before the
  /// unit of work commits. Reads through the writer (current) and insert()
  /// flush first, so they see every item appended before them.
  Outcome append(const Item& item);
  /// Checks the item and stores it, as a new item, with the next flush.
  void add(const Item& item);
  /// Stores the items waiting, in the order they came.
  void flush();
  /// Stores the item as it is, now; returns its id.
  std::int64_t insert(const Item& item, std::optional<std::int64_t> supersedes = std::nullopt);
  /// Whether the pair had evidence before this writer started.
  bool pair_has_evidence(std::string_view indicator, std::string_view period);
  /// The school's current (not superseded) items for the indicator and period, newest first.
  std::vector<Held> current(std::int64_t urn, std::string_view indicator, std::string_view period);

  std::int64_t added() const { return added_; }
  std::int64_t superseded() const { return superseded_; }
  std::int64_t unchanged() const { return unchanged_; }

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::int64_t added_ = 0, superseded_ = 0, unchanged_ = 0;
};

}  // namespace trellis
