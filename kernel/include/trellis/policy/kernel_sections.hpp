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
///     standing = ["intervention"] # decisions that stand until another ends them (see decision_notice)
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
///     # or send_within_calendar_days / agree_within_calendar_days (moved to the next working day),
///     # agree_counted_from = "held" (default "sent"), internal_sections = ["Internal"]
///
///     [workload]                  # who carries out visits and conversations, and how many a day
///     role = "QA lead"            # the attendee the officers stand for (matched as the start of one)
///     daily_limit = 2             # events per officer per day (the planner says where it cannot keep it)
///     types = ["visit", "meeting", "conversation"]   # what counts (this is the default)
///     [workload.officers.a-smith]
///     name = "A. Smith"
///     schools = ["123456", "123457"]  # URNs linked to the officer; a school linked to none is
///                                     # named in a warning, its activities with no officer
///
///     [received]                  # deadlines met when what they ask for comes in
///     rules = ["data-drop."]      # rules (by how their id begins) a re-plan that drops them marks done
///
///     [assess]
///     warn_reasons = ["No partner is allocated"]  # reasons (by how they begin) also given as warnings
///
///     [history]
///     earlier_bodies = true       # history --body shows other bodies' judgements made before joining
///
///     [crosswalk.other-regime]    # its level = this regime's level
///     good = "green"
///
///     KernelSections k = read_kernel_sections(policy.view());
///     if (auto age = k.max_age_for("complaints_qualifying", /*recorded=*/true)) ...
#include <cstdint>
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
  /// [notes]: the same counted in calendar days, a date that is not a working
  /// day moved to the next one; a policy sets one kind or the other.
  std::optional<int> note_send_calendar, note_agree_calendar;
  /// [notes] agree_counted_from = "held": the agree deadline counts from the
  /// day the visit was held, not the day its note was sent.
  bool note_agree_from_held = false;
  /// [notes] internal_sections: headings of a note's sections that its
  /// shareable edition leaves out (matched case-insensitively as a prefix).
  std::vector<std::string> note_internal_sections;

  /// [decisions] standing: subjects (beside "overall") whose decision at a
  /// deciding stage stands until another decision replaces it: a regime reads
  /// the latest at or before the period it assesses, and recording one
  /// re-plans the school and writes the policy's notice, if any.
  std::vector<std::string> standing_decisions;
  /// [notes] shared_with: who a sent note goes to besides the school ("Chair of Governors").
  std::vector<std::string> note_shared_with;
  /// [notes] concerns_to: who a notice of concerns raised during a visit goes to.
  std::vector<std::string> note_concerns_to;

  /// [workload]: the officers (name, linked URNs, in the policy's order), the
  /// role they stand for, their daily limit and the activity types that count.
  struct Officer {
    std::string id, name;
    std::vector<std::int64_t> schools;
  };
  std::vector<Officer> officers;
  std::string workload_role;
  int daily_limit = 0;
  std::vector<std::string> workload_types;

  /// [assess] warn_reasons: a school's reason that begins with one of these is
  /// also a warning of the run, naming the school (a gap the body must fill).
  std::vector<std::string> warn_reasons;
  /// [received] rules: deadline rules (by how their id begins) that the regime
  /// stops planning once what they ask for has come in; a re-plan marks their
  /// activity done, not cancelled (ReplanScope::met_when_dropped).
  std::vector<std::string> met_when_dropped;

  /// How old (in academic years) an item of `indicator` may be; none: any age.
  std::optional<int> max_age_for(const std::string& indicator, bool recorded) const;
};

KernelSections read_kernel_sections(const sdk::PolicyView& policy);

/// A URN written as text ("123456"); none when it is not 1 to 9 digits.
std::optional<std::int64_t> urn_of(const std::string& text);

/// [decisions.notices.SUBJECT.LEVEL]: the notice a standing decision writes
/// into the outbox, to the people the policy names.
///
///     [decisions.notices.intervention.formal]
///     to = ["Principal", "Chair of Governors"]
///     title = "Notice of formal intervention"
///     text = "The Trust has decided ..."
struct DecisionNotice {
  std::vector<std::string> to;
  std::string title, text;
};
std::optional<DecisionNotice> decision_notice(const sdk::PolicyView& policy, const std::string& subject,
                                              const std::string& level);

/// The keys of those sections, for `trellis policy check`.
const std::vector<sdk::PolicyKeySpec>& kernel_policy_keys();

/// `level` of regime `other` on this policy's scale through its
/// [crosswalk.OTHER] table; none when the policy declares no such mapping.
std::optional<std::string> crosswalk(const sdk::PolicyView& policy, const std::string& other,
                                     const std::string& level);

}  // namespace trellis
