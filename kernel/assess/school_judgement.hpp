#pragma once
// Internal to tk_assess: the part of a school's assessment that reads no
// database (its evidence view, the regime's assess, the kernel's sufficiency
// and age rules), run for a body's schools on several threads when the regime
// promises it may be (RegimeHandle::concurrent), and handed back to the
// calling thread in the schools' order, so that what the run stores, warns
// and prints is the same on one thread or several (issue 18).
#include <cstdint>
#include <exception>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "trellis/due_days.hpp"
#include "trellis/lua_sandbox.hpp"
#include "trellis/period.hpp"
#include "trellis/plugin_host.hpp"
#include "trellis/policy.hpp"
#include "trellis/policy/kernel_sections.hpp"
#include "trellis/schedule/plan.hpp"
#include "trellis/school_evidence.hpp"
#include "trellis/sdk/regime.hpp"

namespace trellis {

/// One school judged: what the calling thread needs to finish its assessment.
struct SchoolJudgement {
  std::int64_t urn = 0;
  std::unique_ptr<sdk::EvidenceView> view;  ///< the school's evidence, for planning
  sdk::AssessmentOut out;                   ///< the regime's, after the kernel's sufficiency and age rules
  /// A failure of the regime or its scripts (or a level off the scale): the run stops at the first in order.
  sdk::Status status;
  PriorStanding prior;
  std::vector<sdk::RatingOut> recorded;  ///< what people recorded for the school and period (EvidenceStore::recorded)
  RuleSet rules;                         ///< what JudgementSetup::plan made of the school, if anything
};

/// What every school's judgement shares; all of it is only read while schools
/// are judged, but the evidence store, which reads the next window meanwhile.
struct JudgementSetup {
  const RegimeHandle& regime;
  const Policy& policy;
  const sdk::RegimeDescription& description;  ///< with the policy's own parts
  const KernelSections& sections;
  /// A store ByWindow is given each window of schools between blocks, on the calling thread.
  EvidenceStore& evidence;
  Period period;
  std::string made_on;  ///< the day the assessment is made, as scripts see it
  /// Per school, the due day of each deadline planned for the year (ThresholdSandbox::set_day).
  const DueDays& due_days;
  /// When set, the school's activity rules, made on the judging thread once
  /// it is judged (not on a failure): with `regime` (the setup's, logging for
  /// the calling thread) and `calendar`, that thread's own. What it throws
  /// is thrown as judging a school throws (judge_schools).
  std::function<RuleSet(const SchoolJudgement&, const RegimeHandle& regime, const AcademicCalendar& calendar)> plan = {};
};

/// Judges `urns` on `threads` threads, each with a Lua state of its own (the
/// calling thread's is `thresholds`). The calling thread also reads the next
/// window of schools from a store ByWindow (a few hundred at a time, in their
/// order, so memory stays bounded) and calls `take` with each judgement in the
/// order of `urns`, judging a school itself while the next in order is not
/// ready. On the calling thread alone when `threads` is 1 or the regime has
/// not promised concurrency. The first school whose judgement
/// fails, in that order, is the last one taken, whichever thread judged it; no
/// school after it is judged once a thread sees the failure (issue 19). An
/// exception from judging a school (e.g. a URN the register lacks) is thrown
/// here, in the same order, instead of taking it. `take` runs holding the
/// store's lock_database(), so it may use the database.
void judge_schools(const JudgementSetup& setup, const std::vector<std::int64_t>& urns,
                   lua::ThresholdSandbox& thresholds, unsigned threads,
                   const std::function<void(SchoolJudgement&)>& take);

}  // namespace trellis
