#pragma once
/// What a letter to a head says of the school's plan as stored. The context
/// itself (body, policy's words, labels, contact, copies) is letter_context()
/// in trellis/letters.hpp; this adds the steps once the school is planned.
///
///     LetterContext c = letter_context(find_body(db, "example-la")->name, policy.view(), "2018-10-01",
///                                      policy.description());
///     c.steps = letter_steps(db, c, sections, assessment);   // after the school is (re-)planned
#include <string>
#include <vector>

#include "trellis/letters.hpp"
#include "trellis/policy/kernel_sections.hpp"
#include "trellis/store/database.hpp"

namespace trellis {

/// The school's activities of the assessment's year still to happen from the
/// letter's day on, by date; the one of the policy's discussion rule marked.
std::vector<LetterStep> letter_steps(Database& db, const LetterContext& context, const KernelSections& sections,
                                     const SchoolAssessment& a);

}  // namespace trellis
