#pragma once
/// What regimes ask of a school's register entry before they assess it.
///
///     if (closed_school(school, "Not placed in a tier", out)) return Status::success();
///     facts["special_provision"] = special_provision(school);
#include <string_view>

#include "trellis/sdk/evidence_view.hpp"
#include "trellis/sdk/regime.hpp"

namespace trellis::sdk {
inline namespace v1 {

/// A special school, by its DfE type name ("Community special school",
/// "Academy special converter", "Non-maintained special school").
bool special_school(const SchoolInfo& school);

/// Special provision: a special school, a pupil referral unit or alternative
/// provision, by its DfE type name. Such schools' attainment is rarely
/// compared with national averages.
bool special_provision(const SchoolInfo& school);

/// When the register says the school is closed, fills `out` as not
/// classified, level "closed", with one reason ("<not_done>: <name> is
/// closed.") and returns true; otherwise leaves `out` alone.
///
///     closed_school(school, "Not classified", out);  // "Not classified: Old Primary is closed."
bool closed_school(const SchoolInfo& school, std::string_view not_done, AssessmentOut& out);

}  // namespace v1
}  // namespace trellis::sdk
