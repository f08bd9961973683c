#pragma once
/// The evidence a database holds on a set of schools, loaded once, and the
/// sdk::EvidenceView a regime sees for one school and period.
///
///     EvidenceStore store(db, urns, "example-la", cal);   // one query for all schools; the body's calendar
///     SchoolEvidence view = store.view(urn, period, "example-la");
///     auto pa = view.latest("persistent_absence_pct");
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <tuple>
#include <vector>

#include "trellis/calendar.hpp"
#include "trellis/period.hpp"
#include "trellis/policy/kernel_sections.hpp"
#include "trellis/sdk/evidence_view.hpp"
#include "trellis/sdk/regime.hpp"
#include "trellis/store/database.hpp"

namespace trellis {

/// National and LA figures per (indicator, period): a published figure when
/// one was imported, else the mean over every school's items in the database
/// (not only the schools an EvidenceStore holds).
/// Means are computed per indicator on its first use, as a regime reads a
/// handful of the indicators held (issue 18). Safe to read from several
/// threads at once: the first reader of an indicator computes its means from
/// the database while the others wait, holding `database`, which whoever else
/// uses the database meanwhile holds too (EvidenceStore::lock_database).
class Benchmarks {
 public:
  Benchmarks(Database& db, std::recursive_mutex& database);
  /// The national figure a school of `phase` ("primary", "secondary",
  /// "special", or "" for any other) is compared with: its phase's, where
  /// DfE publishes the indicator by phase; else every school's. A special
  /// school is never given the mainstream figure of an indicator published
  /// by phase: none when special schools' own is not held.
  std::optional<double> national(const std::string& indicator, const std::string& period,
                                 const std::string& phase = "") const;
  std::optional<double> la(const std::string& indicator, const std::string& period, int la_code) const;

 private:
  /// The mean held for the LA, or nationally when `la_code` is empty.
  std::optional<double> computed(const std::string& indicator, const std::string& period,
                                 std::optional<int> la_code) const;
  /// Per indicator: its means by (period, LA code; 0 nationally).
  using Means = std::map<std::string, std::map<std::pair<std::string, int>, double>>;
  Database& db_;
  std::recursive_mutex& database_;
  std::map<std::pair<std::string, std::string>, double> national_;  ///< published
  std::map<std::tuple<std::string, std::string, std::string>, double> by_phase_;
  std::map<std::tuple<std::string, std::string, int>, double> la_published_;
  mutable Means national_means_, la_means_;
  mutable std::shared_mutex means_guard_;  ///< over both Means; taken after database_, never before
};

/// The phase whose national figures a school is compared with: "special" for
/// special provision (special schools, PRUs, AP), else "primary" or
/// "secondary" from the register's phase, else "".
std::string benchmark_phase(const sdk::SchoolInfo& school);

/// The register's entries for `urns` as a regime sees them, by URN; a URN the
/// register does not hold is left out.
std::vector<sdk::SchoolInfo> school_infos(Database& db, const std::vector<std::int64_t>& urns);

/// How a school's history is read: the regime in force, the stages that
/// decide under it, and the policy whose [crosswalk] maps other regimes' levels.
struct HistoryRules {
  std::string regime;                         ///< empty: compare with any regime (no switch known)
  std::vector<std::string> deciding_stages;   ///< see deciding_stages()
  const sdk::PolicyView* policy = nullptr;    ///< for [crosswalk]; may be null
};

/// Where the school last stood before a period.
struct PriorStanding {
  /// Comparable with the new level: the same regime's, or another's through the policy's crosswalk.
  std::optional<std::string> previous_level;
  /// The last level under another regime that the policy cannot compare, e.g. after a framework switch.
  std::optional<std::string> other_regime, other_level;
};

/// An item the policy's [evidence.max_age] keeps out of a judgement.
struct StaleItem {
  std::string indicator, period;
  bool recorded = false;  ///< recorded by a person, rather than imported
  int max_age = 0;        ///< academic years the policy allows
};

/// Everything current (not superseded) held on the given schools, with their
/// register entries, ratings under one body and earlier assessments. Items
/// older than the policy's [evidence.max_age] are not in the views. Each
/// view's calendar() is `calendar` (the body's, from its policy; kept as a copy).
/// A view points into the store: it must not outlive it, nor the schools held
/// when it was made (see hold()).
class EvidenceStore {
 public:
  /// Holds every school among `urns`, read now.
  EvidenceStore(Database& db, const std::vector<std::int64_t>& urns, const std::string& body_id,
                AcademicCalendar calendar, HistoryRules history = {}, KernelSections sections = {});
  /// Asks for a store that holds no school until hold() names some: a
  /// national run holds a window of its schools at a time, not the country (issue 18).
  struct ByWindow {};
  EvidenceStore(Database& db, ByWindow, const std::string& body_id, AcademicCalendar calendar,
                HistoryRules history = {}, KernelSections sections = {});
  ~EvidenceStore();

  /// Holds the schools among `urns` instead of those held before, read now
  /// from the database. Every view of the schools held before must be gone,
  /// and no other thread may use the store or the database meanwhile.
  void hold(const std::vector<std::int64_t>& urns);
  /// True for a store made ByWindow: whoever judges with it holds each window first.
  bool by_window() const;
  /// How many schools a store ByWindow holds at once when a body's schools
  /// are read in order: about 3 MB nationally, not the country's 200 MB;
  /// small enough that the next is read while this one is judged (judge_schools).
  static constexpr std::size_t kWindow = 256;
  /// For a store ByWindow, when `at` starts a window of `urns` (every
  /// kWindow schools), holds that window, as hold() does, or takes it when
  /// read_window_ahead read it; else does nothing. A window taken so keeps
  /// the one before it until the next is taken: views of a window's schools
  /// may outlive it by one window, no more.
  void hold_window_at(const std::vector<std::int64_t>& urns, std::size_t at);
  /// For a store ByWindow, when `at` starts a window of `urns`, reads that
  /// window now beside the one held, so that hold_window_at(urns, at) takes
  /// it rather than reading it then; else does nothing. Other threads may
  /// make views of the schools held meanwhile: it holds lock_database() while
  /// it reads, and touches nothing they read (issue 18).
  void read_window_ahead(const std::vector<std::int64_t>& urns, std::size_t at);
  /// The database's lock while several threads make views: the benchmarks
  /// compute a mean through the database on its first use, from whichever
  /// thread asks. Whoever else uses the database then (the thread that reads
  /// ahead, stores or prints) holds this. Recursive: what that thread does
  /// may itself ask for a mean.
  std::unique_lock<std::recursive_mutex> lock_database() const;

  /// Throws UsageError when the URN is not in the register, and
  /// std::logic_error when the store is ByWindow and the school is not held.
  std::unique_ptr<sdk::EvidenceView> view(std::int64_t urn, const Period& period) const;
  /// The same, its calendar() `calendar`: how several threads read one store
  /// at once (view, prior, stale and recorded are safe so), each with its own copy of
  /// calendar() (a calendar caches what it is asked), kept alive by the caller.
  std::unique_ptr<sdk::EvidenceView> view(std::int64_t urn, const Period& period,
                                          const sdk::CalendarView& calendar) const;
  const AcademicCalendar& calendar() const;
  bool has_school(std::int64_t urn) const;
  /// The school's standing before `period` (what the view's previous_level() says, and more).
  /// This and the two below answer for a school held, as if nothing were recorded on any other.
  PriorStanding prior(std::int64_t urn, const Period& period) const;
  /// The items too old for `period`, newest first by indicator.
  std::vector<StaleItem> stale(std::int64_t urn, const Period& period) const;
  /// The ratings people recorded for the school and `period` under the body
  /// and the history's regime, as an assessment shows them beside its own
  /// (newest of each subject and stage, overall first): read with the rest,
  /// not asked of the database school by school (issue 18).
  std::vector<sdk::RatingOut> recorded(std::int64_t urn, const Period& period) const;

 private:
  struct Data;
  std::unique_ptr<Data> data_;
};

}  // namespace trellis
