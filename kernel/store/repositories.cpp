// The repositories' destructors, in one place: each interface is otherwise
// header-only.
#include "trellis/store/activity_repository.hpp"
#include "trellis/store/assessment_repository.hpp"
#include "trellis/store/audit_repository.hpp"
#include "trellis/store/body_repository.hpp"
#include "trellis/store/evidence_repository.hpp"
#include "trellis/store/letter_repository.hpp"
#include "trellis/store/note_repository.hpp"
#include "trellis/store/person_repository.hpp"
#include "trellis/store/rating_repository.hpp"
#include "trellis/store/school_repository.hpp"
#include "trellis/store/timeline_repository.hpp"

namespace trellis {

SchoolRepository::~SchoolRepository() = default;
BodyRepository::~BodyRepository() = default;
EvidenceRepository::~EvidenceRepository() = default;
RatingRepository::~RatingRepository() = default;
AssessmentRepository::~AssessmentRepository() = default;
ActivityRepository::~ActivityRepository() = default;
PersonRepository::~PersonRepository() = default;
NoteRepository::~NoteRepository() = default;
LetterRepository::~LetterRepository() = default;
AuditRepository::~AuditRepository() = default;
TimelineRepository::~TimelineRepository() = default;

}  // namespace trellis
