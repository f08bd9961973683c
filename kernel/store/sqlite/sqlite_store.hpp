#pragma once
/// The SQLite Store. Private to kernel/store/sqlite and to the tests of the
/// SQLite backend, which may read its tables through connection().
#include <memory>
#include <set>
#include <string>

#include "connection.hpp"
#include "trellis/store/store.hpp"

namespace trellis::sqlite {

class SqliteStore final : public Store {
 public:
  explicit SqliteStore(Connection connection);
  ~SqliteStore() override;

  std::string location() const override;
  void begin() override;
  void commit() override;
  void rollback() noexcept override;
  void begin_reads() override;
  void end_reads() noexcept override;
  void begin_bulk() override;
  void end_bulk() noexcept override;
  int stored_version() override;
  void upgrade(int to) override;
  int current_version() const override;

  SchoolRepository& schools() override { return *schools_; }
  BodyRepository& bodies() override { return *bodies_; }
  EvidenceRepository& evidence() override { return *evidence_; }
  RatingRepository& ratings() override { return *ratings_; }
  AssessmentRepository& assessments() override { return *assessments_; }
  ActivityRepository& activities() override { return *activities_; }
  PersonRepository& people() override { return *people_; }
  NoteRepository& notes() override { return *notes_; }
  LetterRepository& letters() override { return *letters_; }
  AuditRepository& audit() override { return *audit_; }
  TimelineRepository& timeline() override { return *timeline_; }

  Connection& connection() { return connection_; }

 private:
  std::set<std::string> dangling_rows();
  void require_keys_hold();
  void keys_on_again() noexcept;

  Connection connection_;
  int depth_ = 0;               ///< open units of work; inner ones are savepoints
  int reads_ = 0;               ///< open read snapshots
  bool reading_ = false;        ///< the outermost snapshot began a read transaction
  int bulk_ = 0;                ///< open BulkWrites
  std::int64_t cache_before_ = 0;  ///< the page cache's size before the outermost BulkWrites
  bool keys_held_off_ = false;  ///< foreign keys off until the upgrade's unit of work ends
  std::set<std::string> dangling_before_;  ///< references that dangled when that unit began
  std::unique_ptr<SchoolRepository> schools_;
  std::unique_ptr<BodyRepository> bodies_;
  std::unique_ptr<EvidenceRepository> evidence_;
  std::unique_ptr<RatingRepository> ratings_;
  std::unique_ptr<AssessmentRepository> assessments_;
  std::unique_ptr<ActivityRepository> activities_;
  std::unique_ptr<PersonRepository> people_;
  std::unique_ptr<NoteRepository> notes_;
  std::unique_ptr<LetterRepository> letters_;
  std::unique_ptr<AuditRepository> audit_;
  std::unique_ptr<TimelineRepository> timeline_;
};

/// The connection under a database the SQLite backend opened; throws
/// std::logic_error for any other backend.
Connection& connection(Database& db);

}  // namespace trellis::sqlite
