#pragma once
/// A dry run that hands each school's assessment on as it is judged, rather
/// than holding a country's assessments until the last school is judged (issue 18).
///
///     AssessOptions opt{"england", Period::parse("2018-19")};
///     opt.dry_run = true;
///     AssessRun run = assess_each(db, host, officer, clock, opt, [&](const AssessRun&, SchoolAssessment& a) { print(a); });
///     for (auto& w : run.warnings) warn(w);   // run.schools is empty
#include <functional>

#include "trellis/assessment.hpp"

namespace trellis {

/// Takes one school's assessment, in the order of the body's schools, with
/// the run so far: its regime and policy are known, its warnings not all yet.
using SchoolSink = std::function<void(const AssessRun&, SchoolAssessment&)>;

/// assess_body for a dry run (options.dry_run, without plan_preview; else
/// std::invalid_argument), calling `each` with every school in the order
/// assess_body would keep them; the AssessRun returned holds the rest
/// (regime, policy, warnings) and no schools. A failure throws as assess_body
/// does, once `each` has taken the schools before it: a caller that must print
/// nothing then holds what it took until the run returns.
AssessRun assess_each(Database& db, PluginHost& host, const Actor& by, const Clock& clock, const AssessOptions& options,
                      const SchoolSink& each);

}  // namespace trellis
