#pragma once
/// The policy sections the kernel itself reads, whatever the regime:
/// how old evidence may be, the least evidence a judgement needs, when
/// letters go out, and how another regime's levels map onto this one's.
///
///     [evidence.max_age]          # academic years before the assessed one
///     default = 1                 # any item: this year's or last year's
///     recorded = 0                # items a person recorded with `trellis record` (no file behind them)
///     complaints_qualifying = 0   # per indicator, overriding the two above
///
///     [evidence.minimum]
///     required = ["overall_absence_pct", "ks2_rwm_expected_pct|ks4_attainment8"]
///     at_least = 2                # of the entries above; default: all of them
///
///     [evidence.insufficient]     # what follows a school below the minimum
///     title = "Desk review of the school's evidence"
///     within_working_days = 10
///     attendees = ["LA Quality Assurance Lead"]
///
///     [decisions]
///     letters = "on_decision"     # or "provisional": on the computed change, marked provisional
///
///     [letters]                   # what letters to heads say beyond the level
///     contact = "the LA Quality Assurance Lead, 01952 380000"
///     copy_to = ["Chair of Governors"]
///
///     [discussion]                # the discussion of a school's level with its head
///     rule = "s7.discuss-level"   # its activity rule: letters give its date as the day to arrange it by
///     before = ["s8.monitoring-meeting"]  # rules planned only after it is due (with room for their agendas)
///
///     [events]                    # how dated visits and meetings show in a calendar file
///     start = "09:00"             # local time (default 09:00)
///     minutes = 210               # how long (default: half a school day)
///     starts.meeting = "13:30"    # per activity type
///
///     [notes]                     # the written record of a visit or meeting
///     send_within_working_days = 7    # to the school's head, from the day it was held
///     agree_within_working_days = 5   # agreed, from the day it was sent
///     shared_with = ["Headteacher", "Chair of Governors"]   # who a sent note goes to
///
///     [crosswalk.other-regime]    # its level = this regime's level
///     good = "green"
///
///     KernelSections k = read_kernel_sections(policy.view());
///     if (auto age = k.max_age_for("complaints_qualifying", /*recorded=*/true)) ...
#include <optional>
#include <string>
#include <vector>

#include "trellis/sdk/activity.hpp"
#include "trellis/sdk/description.hpp"
#include "trellis/sdk/policy_view.hpp"

namespace trellis {

/// The level of a school below the policy's minimum evidence. Every report
/// counts it on a row of its own; it is never a band of any regime.
inline constexpr const char* kInsufficientEvidence = "insufficient_evidence";
inline constexpr const char* kInsufficientEvidenceLabel = "Insufficient evidence";

enum class LetterPolicy { provisional, on_decision };

struct KernelSections {
  /// Academic years an item may be older than the assessed period's year;
  /// none: any age.
  std::optional<int> default_max_age, recorded_max_age;
  std::vector<std::pair<std::string, int>> indicator_max_age;
  /// Entries of [evidence.minimum] required: each an indicator, or
  /// alternatives joined by "|" (any one of them will do).
  std::vector<std::string> minimum;
  int minimum_at_least = 0;  ///< how many entries must be met; 0 when there is no minimum
  std::optional<sdk::ActivityRule> insufficient_follow_up;
  LetterPolicy letters = LetterPolicy::provisional;
  /// [letters]: whom the head contacts and who is copied.
  std::string letter_contact;
  std::vector<std::string> letter_copy_to;
  /// [discussion]: the rule of the discussion of the level (empty: none), and
  /// the rules planned only once it is due.
  std::string discussion_rule;
  std::vector<std::string> after_discussion;
  /// [events]: a dated visit or meeting's start ("HH:MM"), length, and start per activity type.
  std::optional<std::string> event_start;
  std::optional<int> event_minutes;
  std::vector<std::pair<std::string, std::string>> event_start_by_type;
  /// [notes]: working days to send a visit's note to the school (from the day
  /// held) and to agree it (from the day sent); none: no deadline.
  std::optional<int> note_send_within, note_agree_within;
  /// [notes] shared_with: who a sent note goes to besides the school ("Chair of Governors").
  std::vector<std::string> note_shared_with;

  /// How old (in academic years) an item of `indicator` may be; none: any age.
  std::optional<int> max_age_for(const std::string& indicator, bool recorded) const;
};

KernelSections read_kernel_sections(const sdk::PolicyView& policy);

/// The keys of those sections, for `trellis policy check`.
const std::vector<sdk::PolicyKeySpec>& kernel_policy_keys();

/// `level` of regime `other` on this policy's scale through its
/// [crosswalk.OTHER] table; none when the policy declares no such mapping.
std::optional<std::string> crosswalk(const sdk::PolicyView& policy, const std::string& other,
                                     const std::string& level);

}  // namespace trellis
