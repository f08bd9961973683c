#include "trellis/store/database.hpp"

#include "trellis/store/store.hpp"

namespace trellis {

Store::~Store() = default;

Database::Database(std::unique_ptr<Store> store) : store_(std::move(store)) {}
Database::Database(Database&&) noexcept = default;
Database& Database::operator=(Database&&) noexcept = default;
Database::~Database() = default;

std::string Database::location() const { return store_->location(); }
SchoolRepository& Database::schools() { return store_->schools(); }
BodyRepository& Database::bodies() { return store_->bodies(); }
EvidenceRepository& Database::evidence() { return store_->evidence(); }
RatingRepository& Database::ratings() { return store_->ratings(); }
AssessmentRepository& Database::assessments() { return store_->assessments(); }
ActivityRepository& Database::activities() { return store_->activities(); }
PersonRepository& Database::people() { return store_->people(); }
NoteRepository& Database::notes() { return store_->notes(); }
LetterRepository& Database::letters() { return store_->letters(); }
AuditRepository& Database::audit() { return store_->audit(); }
TimelineRepository& Database::timeline() { return store_->timeline(); }
Store& Database::store() { return *store_; }

BulkWrites::BulkWrites(Database& db) : store_(db.store()) { store_.begin_bulk(); }
BulkWrites::~BulkWrites() { store_.end_bulk(); }

ReadSnapshot::ReadSnapshot(Database& db) : store_(db.store()) { store_.begin_reads(); }
ReadSnapshot::~ReadSnapshot() { store_.end_reads(); }

Transaction::Transaction(Database& db) : store_(db.store()) { store_.begin(); }
Transaction::~Transaction() {
  if (!done_) store_.rollback();
}
void Transaction::commit() {
  store_.commit();
  done_ = true;
}

}  // namespace trellis
