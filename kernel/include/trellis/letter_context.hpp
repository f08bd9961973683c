#pragma once
/// What a letter to a head says beyond the level, gathered from the policy's
/// [letters] section and the school's plan as stored.
///
///     LetterContext c = letter_context(db, policy, "telford", "2018-10-01");
///     c.steps = letter_steps(db, c, sections, assessment);   // after the school is (re-)planned
#include <string>
#include <vector>

#include "trellis/letters.hpp"
#include "trellis/policy.hpp"
#include "trellis/policy/kernel_sections.hpp"
#include "trellis/store/database.hpp"

namespace trellis {

/// The body's name, the policy's words and labels, contact and copies; `on`
/// ("YYYY-MM-DD") is the day of the decision or assessment the letter tells of.
LetterContext letter_context(Database& db, const Policy& policy, const std::string& body_id, const std::string& on);

/// The school's activities of the assessment's year still to happen from the
/// letter's day on, by date; the one of the policy's discussion rule marked.
std::vector<LetterStep> letter_steps(Database& db, const LetterContext& context, const KernelSections& sections,
                                     const SchoolAssessment& a);

}  // namespace trellis
