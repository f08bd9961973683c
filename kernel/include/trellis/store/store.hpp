#pragma once
/// The port a storage backend implements: its repositories, its units of
/// work and its schema's version. The kernel's use cases see only Database
/// (trellis/store/database.hpp); a second backend is one more Store.
#include <string>

#include "trellis/store/database.hpp"

namespace trellis {

class Store {
 public:
  virtual ~Store();

  virtual std::string location() const = 0;

  /// Units of work nest: begin() inside an open unit starts an inner one that
  /// commit() folds into the outer and rollback() undoes alone.
  virtual void begin() = 0;
  virtual void commit() = 0;
  virtual void rollback() noexcept = 0;

  /// A run of reads that all see one state of the store (ReadSnapshot).
  /// Inside a unit of work they add nothing: it is one already. They nest.
  virtual void begin_reads() = 0;
  virtual void end_reads() noexcept = 0;

  /// Many rows to write while it is open (BulkWrites): the store may hold
  /// more of them in memory before writing them out. They nest.
  virtual void begin_bulk() = 0;
  virtual void end_bulk() noexcept = 0;

  /// The schema version the data is at (0: a new, empty store).
  virtual int stored_version() = 0;
  /// Brings the schema from stored_version() to `to`, inside the open unit of work.
  virtual void upgrade(int to) = 0;
  /// The schema version this backend writes.
  virtual int current_version() const = 0;

  virtual SchoolRepository& schools() = 0;
  virtual BodyRepository& bodies() = 0;
  virtual EvidenceRepository& evidence() = 0;
  virtual RatingRepository& ratings() = 0;
  virtual AssessmentRepository& assessments() = 0;
  virtual ActivityRepository& activities() = 0;
  virtual PersonRepository& people() = 0;
  virtual NoteRepository& notes() = 0;
  virtual LetterRepository& letters() = 0;
  virtual AuditRepository& audit() = 0;
  virtual TimelineRepository& timeline() = 0;
};

}  // namespace trellis
