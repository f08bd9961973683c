#pragma once
// Nexus Multi Academy Trust's quality assurance regime: the Quality Assurance
// and Improvement Policy (January 2023, cited "000 §n") and the Collaborative
// School Improvement Framework (cited "CSIF"). Headteachers self-assess a
// dashboard of KPIs each term (000 §3.7), the Schools Performance and Scrutiny
// Board moderates them (000 §3.11), and the aggregated judgements place each
// school in one of three intervention tiers (000 §5.2). The QA calendar
// follows 000 §3.9-3.11, §6.1 and the CSIF calendar table.
//
// Dates come from the body's calendar (EvidenceView::calendar()). Neither
// seed counts days (000 says "following", "before", "each term"; the CSIF
// table gives half-terms), so the policy gives the numbers and each rule says
// what they count: visits and meetings with schools count school days (term
// time), office work counts working days (weekdays less bank holidays, all
// year). See school_plan.cpp and trust_plan.cpp at each rule.
#include <optional>
#include <string>
#include <vector>

#include "trellis/sdk/regime.hpp"

namespace nexus {

using namespace trellis::sdk;

// ---- description.cpp -------------------------------------------------------

/// The regime's description, built on first use and kept.
const RegimeDescription& describe_regime();

/// The dashboard's rating levels, best first (000 §3.7 "the defined rating
/// system"; the seed leaves it open: see policies/nexus.toml [dashboard]).
const std::vector<std::string>& dashboard_levels();
/// The three terms, in order.
const std::vector<std::string>& terms();
/// "autumn-1" ... "summer-2".
const std::vector<std::string>& half_terms();

// ---- dashboard.cpp ---------------------------------------------------------

/// One KPI of the dashboard as it stands for the period: what the headteacher
/// self-assessed and what the SPSB moderated.
struct KpiRating {
  std::string id;
  std::string area;
  std::string label;
  std::optional<std::string> self;
  std::optional<std::string> moderated;
  std::vector<std::string> ignored;  ///< ratings that are not dashboard levels, described

  /// 000 §3.11: the moderated rating stands; the self-assessment only where
  /// moderation is missing.
  const std::optional<std::string>& used() const { return moderated ? moderated : self; }
};

/// The KPIs of the dashboard: the policy's [indicators] that belong to an
/// area, in file order, each with its area and label.
std::vector<KpiRating> dashboard_kpis(const PolicyView& policy);

/// The dashboard of one school for the evidence view's period.
std::vector<KpiRating> rate_dashboard(const EvidenceView& school, const PolicyView& policy);

/// What Lua's tier script sees beside the evidence (the facts contract is
/// documented at the top of scripts/nexus/tiers.lua).
Facts dashboard_facts(const std::vector<KpiRating>& dashboard);

/// Sentences about the ratings themselves, not the tier: self-assessments
/// missing (000 §3.7), moderation missing (000 §3.11), and where the SPSB
/// moderated differently from the headteacher (000 §2.3 "stress test").
std::vector<std::string> rating_notes(const std::vector<KpiRating>& dashboard, const std::string& period,
                                      const PolicyView& policy);

/// An area whose judgement does not rest on moderated ratings alone (000
/// §3.11.2: only moderated judgements go to Directors, so it is provisional).
struct AreaStanding {
  std::string id;
  std::string label;
  int indicators = 0;
  int moderated = 0;
  int self_only = 0;     ///< rated by the headteacher, not yet by the SPSB
  bool unrated = false;  ///< no indicator rated at all
};
/// The areas, in the regime's order, with at least one indicator the SPSB has not moderated.
std::vector<AreaStanding> provisional_areas(const std::vector<KpiRating>& dashboard);

/// KPIs with no self-assessment for the period.
std::vector<const KpiRating*> missing_self(const std::vector<KpiRating>& dashboard);

/// The area to take as the next enquiry's focus: the lowest mean of the
/// ratings in use, ties (and no ratings at all) broken by `rotation` order.
std::optional<std::string> weakest_area(const std::vector<KpiRating>& dashboard,
                                        const std::vector<std::string>& rotation);

// ---- ofsted_window.cpp -----------------------------------------------------

/// 000 §3.10.9: whether a school is within its Ofsted window on a date.
struct OfstedWindow {
  bool in_window = false;
  std::optional<std::string> last_inspection;  ///< ISO date
  std::optional<int> grade;                    ///< 1 outstanding ... 4 inadequate
  int months_since = 0;                        ///< whole months from the last inspection
  double window_after_years = 0;
  std::string reason;  ///< a sentence a head could read
};

OfstedWindow ofsted_window(const EvidenceView& school, const PolicyView& policy, const std::string& on_date);

// ---- school_plan.cpp / trust_plan.cpp ---------------------------------------

/// The period a school is assessed for, as the plan needs it.
struct AssessedPeriod {
  std::string year;  ///< "2019-20"
  int start_year = 0;
  std::string term;  ///< "", or autumn, spring, summer
};
/// The school's period; nullopt when the body's calendar does not know it.
std::optional<AssessedPeriod> assessed_period(const EvidenceView& school);

/// The first school day of `term` (or of the year when `term` is empty) of
/// `year` in the body's calendar (its policy's [calendar], else the default
/// England pattern); "" when the calendar does not know the period.
std::string term_start(const EvidenceView& school, const std::string& year, const std::string& term);

/// What partner_of answers for a school with no partner allocated.
inline constexpr const char* kNoPartner = "QA & Improvement partner (not yet allocated)";
/// The QA & Improvement partner allocated to the school (000 §3.10.2).
std::string partner_of(const EvidenceView& school, const PolicyView& policy);

/// One school's year: planning visit, termly collaborative enquiry,
/// self-assessment and data deadlines, the school rows of the CSIF table, and
/// the extra activities the policy declares for the school's `tier` (000
/// §5.2). `questions` (000 §3.8.1) go to the assessed term's enquiry.
std::vector<ActivityRule> school_rules(const EvidenceView& school, const PolicyView& policy,
                                       const std::vector<std::string>& questions = {}, const std::string& tier = "");

/// 000 §3.8: the items of the assessed term's data drop not received (their
/// labels), from the policy's data_submissions.evidence; empty for a year.
std::vector<std::string> missing_drop(const EvidenceView& school, const PolicyView& policy);

/// The reasons that are questions for further enquiry (000 §3.8.1).
inline constexpr const char* kQuestionPrefix = "Question for further enquiry";

/// The trust's own year: Annual Support and Challenge Board, the termly SPSB
/// with the QA Intelligence Sharing Forum before it, the Standards Committee
/// report after it, and the trust rows of the CSIF table.
std::vector<ActivityRule> trust_rules(const PolicyView& policy);

/// The rows of the CSIF calendar table ([csif] in the policy) whose scope is
/// "school" or "trust"; a school's rows name its partner where a row's
/// attendees say "QA & Improvement partner".
void csif_rows(const PolicyView& policy, const std::string& scope, const std::string& partner,
               std::vector<ActivityRule>& out);

/// Rule ids shared by the two plans (a school's deadlines anchor on the SPSB).
std::string spsb_rule(const std::string& term);
std::string forum_rule(const std::string& term);
inline const std::string kAscbRule = "000-3.9.ascb";

// ---- validate.cpp ----------------------------------------------------------

void validate_policy(const PolicyView& policy, std::vector<Diagnostic>& out);

// ---- regime.cpp ------------------------------------------------------------

class NexusRegime final : public Regime {
 protected:
  RegimeDescription do_describe() const override { return describe_regime(); }
  void do_validate(const PolicyView& policy, std::vector<Diagnostic>& out) const override {
    validate_policy(policy, out);
  }
  Status do_assess(const AssessmentRequest& in, AssessmentOut& out) const override;
  void do_plan(const EvidenceView& school, const AssessmentOut& assessment, const PolicyView& policy,
               std::vector<ActivityRule>& out) const override;
  void do_plan_body(const PolicyView& policy, std::vector<ActivityRule>& out) const override;
};

}  // namespace nexus
