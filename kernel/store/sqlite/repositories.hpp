#pragma once
/// The SQLite repositories, one per aggregate, each over the store's one
/// connection. Private to kernel/store/sqlite and to its tests.
#include <memory>
#include <string>

#include "connection.hpp"
#include "trellis/store/database.hpp"  // declares the repositories

namespace trellis::sqlite {

std::unique_ptr<SchoolRepository> make_schools(Connection& c);
std::unique_ptr<BodyRepository> make_bodies(Connection& c);
std::unique_ptr<EvidenceRepository> make_evidence(Connection& c);
std::unique_ptr<RatingRepository> make_ratings(Connection& c);
std::unique_ptr<AssessmentRepository> make_assessments(Connection& c);
std::unique_ptr<ActivityRepository> make_activities(Connection& c);
std::unique_ptr<PersonRepository> make_people(Connection& c);
std::unique_ptr<NoteRepository> make_notes(Connection& c);
std::unique_ptr<LetterRepository> make_letters(Connection& c);
std::unique_ptr<AuditRepository> make_audit(Connection& c);
std::unique_ptr<TimelineRepository> make_timeline(Connection& c);

/// The query behind ActivityRepository::each_in_scope: a body's year, or one
/// school's in it (parameters body, year, urn). Named for the test that checks
/// SQLite reads one school's rows through activities_school.
std::string activities_in_scope_sql(bool one_school);

}  // namespace trellis::sqlite
