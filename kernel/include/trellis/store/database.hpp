#pragma once
/// The kernel's one handle on storage: a repository per aggregate and the
/// unit of work (Transaction). It names no storage engine: a backend is a
/// `Store` (trellis/store/store.hpp); the SQLite one is opened with
/// `sqlite::open` (trellis/store/sqlite.hpp).
///
///     Database db = sqlite::open("trellis.db");
///     Transaction tx(db);                    // one unit of work
///     db.people().add(person, clock.timestamp(), by.id);
///     tx.commit();                           // else it rolls back
#include <memory>
#include <string>

namespace trellis {

class Store;
class SchoolRepository;
class BodyRepository;
class EvidenceRepository;
class RatingRepository;
class AssessmentRepository;
class ActivityRepository;
class PersonRepository;
class NoteRepository;
class LetterRepository;
class AuditRepository;
class TimelineRepository;

class Database {
 public:
  explicit Database(std::unique_ptr<Store> store);
  Database(Database&&) noexcept;
  Database& operator=(Database&&) noexcept;
  ~Database();

  /// Where the data lives, for messages: a file name, or ":memory:".
  std::string location() const;

  SchoolRepository& schools();
  BodyRepository& bodies();  ///< bodies, memberships and adoptions
  EvidenceRepository& evidence();
  RatingRepository& ratings();  ///< ratings and reviews of them
  AssessmentRepository& assessments();
  ActivityRepository& activities();
  PersonRepository& people();
  NoteRepository& notes();
  LetterRepository& letters();  ///< the outbox
  AuditRepository& audit();
  TimelineRepository& timeline();  ///< one school across bodies, read-only

  /// The backend, for the schema's versions (trellis/store/schema.hpp).
  Store& store();

 private:
  std::unique_ptr<Store> store_;
};

/// One unit of work: every change made while it is open lands together on
/// commit(), or not at all. Units nest: an inner one commits into the outer.
class Transaction {
 public:
  explicit Transaction(Database& db);
  ~Transaction();
  void commit();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

 private:
  Store& store_;
  bool done_ = false;
};

}  // namespace trellis
