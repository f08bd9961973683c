#pragma once
/// A run that hands each school's assessment on as it is judged (and, when
/// stored, once it is stored), rather than holding a country's assessments
/// until the last school is judged (issue 18).
///
///     AssessOptions opt{"england", Period::parse("2018-19")};
///     AssessRun run = assess_each(db, host, officer, clock, opt, [&](const AssessRun&, SchoolAssessment& a) { print(a); });
///     for (auto& w : run.warnings) warn(w);   // run.schools is empty
#include <functional>

#include "trellis/assessment.hpp"

namespace trellis {

/// Takes one school's assessment, in the order of the body's schools, with
/// the run so far: its regime and policy are known, its warnings not all yet.
/// It may read the school but should leave it whole: a stored run keeps the
/// schools that get a letter, to write it once the year is re-planned.
using SchoolSink = std::function<void(const AssessRun&, SchoolAssessment&)>;

/// assess_body without plan_preview (else std::invalid_argument), calling
/// `each` with every school in the order assess_body would keep them, a
/// stored run's with its stored id; the AssessRun returned holds the rest
/// (regime, policy, warnings, re-plan, letters) and no schools. A failure
/// throws as assess_body does (a stored run's transaction is rolled back:
/// nothing is stored), once `each` has taken the schools before it: a caller
/// that must print nothing then holds what it took until the run returns.
AssessRun assess_each(Database& db, PluginHost& host, const Actor& by, const Clock& clock, const AssessOptions& options,
                      const SchoolSink& each);

}  // namespace trellis
