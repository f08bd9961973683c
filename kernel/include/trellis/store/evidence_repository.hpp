#pragma once
/// Evidence: indicators, items (each correction kept beside what it
/// corrects), the imports they came from and published benchmarks.
///
///     auto held = db.evidence().current(123456, "overall_absence_pct", "2023-24");
///     db.evidence().add(item, provenance, held.empty() ? std::nullopt : std::optional(held.front().id));
#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "trellis/evidence.hpp"

namespace trellis {

/// A published benchmark: national (la_code none) or one LA's.
struct BenchmarkFigure {
  std::string indicator, period;
  std::optional<int> la_code;
  double value = 0;
  std::string phase = {};  ///< "" every phase; "primary", "secondary" or "special" for a national figure by phase
};

/// What an import was: its file's hash, name and format, and the period it was for.
struct ImportRecord {
  std::string sha256, file, format;
  std::optional<std::string> period;
};

class EvidenceRepository {
 public:
  virtual ~EvidenceRepository();

  /// Keeps the first registration of an id: later ones change nothing.
  virtual void add_indicator(const Indicator& indicator) = 0;
  /// Sets the indicator's range (min, max, whole_number); the indicator is registered.
  virtual void set_indicator_range(const Indicator& indicator) = 0;
  virtual std::optional<Indicator> find_indicator(std::string_view id) = 0;
  virtual std::vector<Indicator> indicators() = 0;

  /// Every item about a school, superseded ones too: newest period first,
  /// then in the order its indicators were registered.
  virtual std::vector<EvidenceItem> of_school(std::int64_t urn) = 0;
  /// One item not superseded, as read: its text is valid only during the call.
  struct CurrentItem {
    std::int64_t id = 0, urn = 0;
    std::string_view indicator, period;
    std::optional<double> value;
    std::string_view text, missing, source, recorded_at;  ///< empty when none
    std::optional<int> line;
    bool imported = false;  ///< from a file, rather than recorded by a person
  };
  /// Calls `each` for the items not superseded about the schools among
  /// `urns`, in id order, without holding them all (issue 18: a million rows nationally).
  virtual void each_current(const std::vector<std::int64_t>& urns, const std::function<void(const CurrentItem&)>& each) = 0;
  /// The same, for a few thousand schools among many: their items found
  /// through the index on school, so that a window of schools costs its own
  /// items, not a pass over every item held.
  virtual void each_current_of_few(const std::vector<std::int64_t>& urns,
                                   const std::function<void(const CurrentItem&)>& each) = 0;
  /// The items not superseded about the schools among `urns` of one indicator, in id order.
  virtual std::vector<EvidenceItem> current_for(const std::vector<std::int64_t>& urns, std::string_view indicator) = 0;
  /// Every (indicator, period) that has evidence, as "indicator\x1fperiod":
  /// of the indicators named, or of all when none are.
  virtual std::set<std::string, std::less<>> pairs(std::span<const std::string> indicators) = 0;
  /// The items not superseded for one school, indicator and period, newest first.
  virtual std::vector<EvidenceWriter::Held> current(std::int64_t urn, std::string_view indicator,
                                                    std::string_view period) = 0;
  /// Stores an item and returns its id.
  virtual std::int64_t add(const EvidenceWriter::Item& item, const EvidenceWriter::Provenance& provenance,
                           std::optional<std::int64_t> supersedes) = 0;
  /// Stores new items (superseding none) in this order, so their ids follow one another.
  virtual void add_all(std::span<const EvidenceWriter::Item> items, const EvidenceWriter::Provenance& provenance) = 0;
  /// The newest item for one school, indicator and period, and what it supersedes.
  struct Newest {
    std::int64_t id = 0;
    std::optional<std::int64_t> supersedes;
  };
  virtual std::optional<Newest> newest(std::int64_t urn, std::string_view indicator, std::string_view period) = 0;

  /// Means of one indicator's values not superseded, per period: nationally,
  /// or per LA (`per_la`). One pass over the items held, so asked per
  /// indicator and scope as a regime needs them (issue 18).
  struct Mean {
    std::string period;
    std::optional<int> la_code;
    double value = 0;
  };
  virtual std::vector<Mean> means(std::string_view indicator, bool per_la) = 0;
  virtual std::vector<BenchmarkFigure> benchmarks() = 0;
  /// Replaces the published figure for its indicator, period, scope and phase.
  virtual void put_benchmark(const BenchmarkFigure& figure, const std::string& source, int line) = 0;

  /// When the same bytes were imported for the same period (or with none) before.
  virtual std::optional<std::string> previous_import(const std::string& sha256,
                                                     const std::optional<std::string>& period) = 0;
  virtual std::int64_t add_import(const ImportRecord& import, const std::string& at) = 0;
  virtual void set_import_rows(std::int64_t import_id, std::int64_t rows) = 0;
};

}  // namespace trellis
