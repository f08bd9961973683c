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

/// Many rows written while it is open (an import, a stored national run):
/// the store may hold more of them in memory before writing them out. With
/// SQLite's default 2 MB of pages, importing the national KS2 file wrote its
/// pages over and over: 407,000 writes, 258,000 with 64 MiB (issue 18). The
/// memory is spent only while it is open.
///
///     Transaction tx(db);
///     BulkWrites bulk(db);
///     for (auto& row : file) db.evidence().add(row, provenance, std::nullopt);
///     tx.commit();
class BulkWrites {
 public:
  explicit BulkWrites(Database& db);
  ~BulkWrites();
  BulkWrites(const BulkWrites&) = delete;
  BulkWrites& operator=(const BulkWrites&) = delete;

 private:
  Store& store_;
};

/// A run of reads that all see one state of the store, for a use case that
/// reads much and writes nothing (a dry run). It also makes the run cheaper:
/// SQLite takes and drops its read lock once, not once per query (issue 18:
/// a national dry run made 15,000 queries, each with its lock calls).
/// No unit of work may begin while it is open.
///
///     ReadSnapshot reading(db);
///     for (auto& window : windows) read(db, window);
class ReadSnapshot {
 public:
  explicit ReadSnapshot(Database& db);
  ~ReadSnapshot();
  ReadSnapshot(const ReadSnapshot&) = delete;
  ReadSnapshot& operator=(const ReadSnapshot&) = delete;

 private:
  Store& store_;
};

}  // namespace trellis
