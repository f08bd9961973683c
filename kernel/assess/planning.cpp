#include "trellis/planning.hpp"

#include <algorithm>

#include "trellis/error.hpp"

namespace trellis::planning {

RuleSet school_rules(const RegimeHandle& regime, const Policy& policy, const KernelSections& sections,
                     const sdk::EvidenceView& view, const sdk::AssessmentOut& counted, Date from) {
  RuleSet set{view.school().urn, std::nullopt, {}};
  if (auto st = regime.plan(view, counted, policy.view(), set.rules); !st)
    throw InputError(Location{policy.path().string()}, "the " + policy.regime() + " regime could not plan activities for " +
                                                          view.school().name + ": " + st.message);
  if (counted.classified && counted.level == kInsufficientEvidence && sections.insufficient_follow_up)
    set.rules.push_back(*sections.insufficient_follow_up);
  for (auto& r : set.rules)
    if (r.cadence == sdk::Cadence::within && r.anchor.empty() && r.anchor_date.empty()) r.anchor_date = from.to_string();
  return set;
}

RuleSet body_rules(const RegimeHandle& regime, const Policy& policy) {
  RuleSet set;
  if (auto st = regime.plan_body(policy.view(), set.rules); !st)
    throw InputError(Location{policy.path().string()},
                     "the " + policy.regime() + " regime could not plan the body's activities: " + st.message);
  return set;
}

Date plan_from(const AcademicCalendar& cal, const Period& period, Date today) {
  const Date first = cal.ranges(period).front().first;
  const auto& year = cal.year(period.start_year());
  const DateRange whole{Date::from_ymd(year.start_year, 9, 1), Date::from_ymd(year.start_year + 1, 8, 31)};
  return whole.contains(today) ? std::max(today, first) : first;
}

}  // namespace trellis::planning
