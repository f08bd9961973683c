#pragma once
// One evidence import in progress: the provenance it writes under, the
// counts it reports, and the schools it has seen. Shared by the importers of
// each format (wide_import.cpp, ofsted_import.cpp, long_import.cpp).
#include <cstdint>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_set>

#include "source.hpp"
#include "trellis/evidence.hpp"
#include "trellis/import/evidence_import.hpp"

namespace trellis::importing {

class EvidenceRun {
 public:
  EvidenceRun(Database& db, const Actor& by, const Clock& clock, const ImportOptions& options, Source& src,
              EvidenceImportReport& report);

  /// Call before the first write, with the period to record for the import
  /// and, when the format knows them, every indicator it may write.
  /// False when this file was imported for that period before: nothing to do.
  bool start(const std::optional<std::string>& period, std::vector<std::string> indicators = {});
  /// Registers the indicator (if new) and notes it in the report.
  void use_indicator(const Indicator& indicator);
  /// Notes a school the evidence is about; URNs not in the register are counted.
  void saw_school(std::int64_t urn);
  /// Appends through the writer and counts the outcome.
  EvidenceWriter::Outcome append(const EvidenceWriter::Item& item);
  /// Adds a new item, stored with the writer's next flush, and counts it
  /// (history formats that manage supersession themselves).
  void add(const EvidenceWriter::Item& item);
  /// Inserts as is, now, and returns the id (history formats that manage supersession themselves).
  std::int64_t insert(const EvidenceWriter::Item& item, std::optional<std::int64_t> supersedes = std::nullopt);
  void count_unchanged(std::int64_t n = 1) { report_.unchanged += n; }
  /// Stores a published national or LA figure; `phase` ("primary", "secondary",
  /// "special") for a national figure of one phase, "" for every phase.
  void benchmark(const std::string& indicator, const std::string& period, bool national, int la_code, double value,
                 int line, const std::string& phase = "");
  /// Records the number of rows read and closes the import's books.
  void finish(std::int64_t rows);

  EvidenceWriter& writer() { return *writer_; }
  Database& db() { return db_; }
  Source& source() { return src_; }
  const ImportOptions& options() const { return options_; }
  EvidenceImportReport& report() { return report_; }

 private:
  Database& db_;
  std::string by_;  ///< who imports: the person's id
  std::string at_;  ///< when
  const ImportOptions& options_;
  Source& src_;
  EvidenceImportReport& report_;
  std::unique_ptr<EvidenceWriter> writer_;
  std::unordered_set<std::int64_t> known_;
  std::unordered_set<std::int64_t> unknown_;
  std::int64_t last_seen_ = -1;
  std::set<std::string> registered_;
};

}  // namespace trellis::importing
