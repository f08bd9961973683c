#pragma once
/// Builders for the activity rules a regime plans, so that each rule reads as
/// one statement of its policy document.
///
///     out.push_back(activity_rule("qa-visit", "visit", "Termly QA visit", Cadence::per_term,
///                                 {"QA lead", "headteacher"}, "the policy's visits section",
///                                 whole_number(policy, "visits.amber.per_term")));
///     out.push_back(deadline_rule("minutes", "Minutes to the headteacher", Cadence::after, "meeting",
///                                 whole_number(policy, "meetings.minutes_working_days_after"), DayKind::working,
///                                 {"headteacher"}, "minutes within the policy's working days"));
#include <string>
#include <vector>

#include "trellis/sdk/activity.hpp"

namespace trellis::sdk {
inline namespace v1 {

/// A rule with its id, type, title, cadence, attendees and note (the policy
/// section it comes from); `count` for the spread cadences.
ActivityRule activity_rule(std::string id, std::string type, std::string title, Cadence cadence,
                           std::vector<std::string> attendees, std::string note, int count = 1);

/// A due date (type "deadline", is_deadline) `days` counted as `kind`
/// before, after or within `anchor` (a rule id; empty with Cadence::within:
/// the day the school was assessed).
ActivityRule deadline_rule(std::string id, std::string title, Cadence cadence, std::string anchor, int days,
                           DayKind kind, std::vector<std::string> attendees, std::string note);

}  // namespace v1
}  // namespace trellis::sdk
