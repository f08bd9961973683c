#pragma once
/// The evidence a database holds on a set of schools, loaded once, and the
/// sdk::EvidenceView a regime sees for one school and period.
///
///     EvidenceStore store(db, urns, "example-la", cal);   // one query for all schools; the body's calendar
///     SchoolEvidence view = store.view(urn, period, "example-la");
///     auto pa = view.latest("persistent_absence_pct");
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "trellis/calendar.hpp"
#include "trellis/period.hpp"
#include "trellis/sdk/evidence_view.hpp"
#include "trellis/store/database.hpp"

namespace trellis {

/// National and LA means per (indicator, period): a published figure when one
/// was imported, else the mean over the schools whose evidence is held.
class Benchmarks {
 public:
  explicit Benchmarks(Database& db);
  std::optional<double> national(const std::string& indicator, const std::string& period) const;
  std::optional<double> la(const std::string& indicator, const std::string& period, int la_code) const;

 private:
  std::map<std::pair<std::string, std::string>, double> national_;
  std::map<std::tuple<std::string, std::string, int>, double> la_;
};

/// Everything current (not superseded) held on the given schools, with their
/// register entries, ratings under one body and earlier assessments. Each
/// view's calendar() is `calendar` (the body's, from its policy; kept as a copy).
class EvidenceStore {
 public:
  EvidenceStore(Database& db, const std::vector<std::int64_t>& urns, const std::string& body_id,
                AcademicCalendar calendar);
  ~EvidenceStore();

  /// Throws UsageError when the URN is not in the register.
  std::unique_ptr<sdk::EvidenceView> view(std::int64_t urn, const Period& period) const;
  bool has_school(std::int64_t urn) const;

 private:
  struct Data;
  std::unique_ptr<Data> data_;
};

}  // namespace trellis
