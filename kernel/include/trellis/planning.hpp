#pragma once
// What assess and a decision share: the rules that follow for one school from
// the level that counts, and re-planning the year from a date without losing
// what has happened.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "trellis/calendar.hpp"
#include "trellis/due_days.hpp"
#include "trellis/period.hpp"
#include "trellis/plugin_host.hpp"
#include "trellis/policy.hpp"
#include "trellis/policy/kernel_sections.hpp"
#include "trellis/schedule/plan.hpp"
#include "trellis/schedule/store.hpp"
#include "trellis/sdk/regime.hpp"
#include "trellis/store/database.hpp"

namespace trellis::planning {

/// The school's activity rules for `counted` (the assessment, its level the
/// one that counts): the regime's, and the policy's follow-up for a school
/// with too little evidence. "Within D days" with no anchor counts from `from`.
/// The rules of the policy's [discussion] before list start once the
/// discussion is due, leaving room for the deadlines planned before them.
/// `discussed`: the due day of the school's discussion already stored for the
/// year, which stands (a re-assessment does not push the agreed programme);
/// else it is worked out from `from`.
RuleSet school_rules(const RegimeHandle& regime, const Policy& policy, const KernelSections& sections,
                     const AcademicCalendar& cal, const sdk::EvidenceView& view, const sdk::AssessmentOut& counted,
                     Date from, std::optional<Date> discussed = std::nullopt);

/// The due day of each school's stored discussion (the policy's [discussion] rule) in `year`, by URN.
std::map<std::int64_t, Date> discussion_days(Database& db, const KernelSections& sections, const std::string& body,
                                             const std::string& year);

/// The due day of each school's deadlines stored for `year` and not
/// cancelled, by URN and rule id (the earliest, where a rule has several):
/// what an assessment judges a missing return against.
DueDays due_days(Database& db, const std::string& body, const std::string& year);

/// The policy's [workload] for the schools `urns`: each linked school's officer.
Workload workload(const KernelSections& sections, const std::vector<std::int64_t>& urns);

/// Books into `w` the stored activities still to happen of the schools other
/// than `except`, by the officer each names ("role: officer").
void book_stored(Workload& w, const std::vector<Activity>& stored, std::int64_t except);

/// What the planner could not keep of the workload (plan_year's `unmet`), as
/// warnings: a first line saying how many, then the first few, one a line.
std::vector<std::string> workload_warnings(const std::vector<std::string>& unmet);

/// The body-wide rules of the regime (boards, forums, a trust's conversation),
/// from the body's member schools (school_infos).
RuleSet body_rules(const RegimeHandle& regime, const Policy& policy, const std::vector<sdk::SchoolInfo>& members);

/// The first day a plan made now may use for `period`: today when today is in
/// its academic year (nothing is planned in the past), else the period's first day.
Date plan_from(const AcademicCalendar& cal, const Period& period, Date today);

}  // namespace trellis::planning
