// One school's QA year as activity rules: the planning visit after the Annual
// Support and Challenge Board (000 §3.10.5), a half-day collaborative enquiry
// each term (000 §3.10.6-3.10.9), the dashboard self-assessment before each
// SPSB (000 §3.7), each term's data drop (000 §3.8) and the school rows of
// the CSIF calendar table. The kernel's scheduler dates them.
#include <algorithm>

#include "nexus_regime.hpp"
#include "rule_parts.hpp"
#include "trellis/sdk/school_kinds.hpp"

namespace nexus {
namespace {

std::string area_label(const std::string& id) {
  for (auto& a : describe_regime().areas)
    if (a.id == id) return a.label;
  return id;
}

std::vector<std::string> rotation(const PolicyView& p) {
  auto r = p.texts("enquiry.rotation");
  if (r.empty())
    for (auto& a : describe_regime().areas) r.push_back(a.id);
  return r;
}

/// The half-term the list at `key` gives for term index `t` (validate.cpp checks there is one a term).
std::string half_term_for(const PolicyView& p, const std::string& key, std::size_t t) {
  auto list = p.texts(key);
  return t < list.size() ? list[t] : "";
}

/// 000 §3.10.6-3.10.9: the enquiry team for one term.
std::vector<std::string> enquiry_team(const std::string& partner, const OfstedWindow& window, const PolicyView& p) {
  std::vector<std::string> team = {partner + " (QA & Improvement partner)"};
  auto others = p.texts("enquiry.team");
  team.insert(team.end(), others.begin(), others.end());
  if (window.in_window)
    team.push_back(p.text("ofsted.external_professional").value());
  return team;
}

void enquiries(const EvidenceView& school, const PolicyView& p, const std::string& partner,
               const std::optional<AssessedPeriod>& at, const std::vector<std::string>& questions,
               std::vector<ActivityRule>& out) {
  const auto areas = rotation(p);
  const int year = at ? at->start_year : 0;
  const auto assessed = at && !at->term.empty()
                            ? static_cast<std::size_t>(std::find(terms().begin(), terms().end(), at->term) - terms().begin())
                            : terms().size();
  // 000 §3.10.3: the enquiry works on the Deep Dive area of the dashboard.
  // By default (focus = "rotation") the rotation gives one area a term, moving
  // on a place each year: the year's three enquiries look into three different
  // areas, all four are covered over the years, and a re-assessment never
  // changes the focus of an enquiry already planned. With focus = "weakest",
  // terms after the one assessed look into its weakest area instead, ties
  // broken by the rotation's order (enquiry.weakest_ties).
  std::optional<std::string> weakest;
  if (p.text("enquiry.focus").value() == "weakest") weakest = weakest_area(rate_dashboard(school, p), areas);
  for (std::size_t t = 0; t < terms().size(); ++t) {
    const std::string& term = terms()[t];
    std::string focus = areas[(t + static_cast<std::size_t>(year > 0 ? year : 0)) % areas.size()];
    std::string why = "the rotation of areas";
    if (weakest && t > assessed) {
      focus = *weakest;
      why = "the weakest area of the dashboard as assessed for " + school.period();
    }
    // Whether the school is in its Ofsted window as the term starts (its first school day).
    const OfstedWindow window = ofsted_window(school, p, at ? term_start(school, at->year, term) : "");
    ActivityRule r = rule("000-3.10.6.enquiry." + term, "visit", "Collaborative enquiry (half day): " + area_label(focus),
                          Cadence::in_half_term, enquiry_team(partner, window, p),
                          "000 §3.10.6-3.10.9: a half-day collaborative enquiry in the format of a deep dive into " +
                              area_label(focus) + " (" + why + "). " + window.reason + ".");
    r.documents = {"School Self-Evaluation Dashboard", "CSIF delivery plan actions for the area"};
    // 000 §3.8.1: the questions this term's data drop raised go to the term's enquiry.
    if (at && at->term == term)
      for (auto& q : questions) r.documents.push_back(q);
    if (term == "autumn") {
      // 000 §3.10.11: enquiry feedback reaches the QA Intelligence Sharing
      // Forum before the SPSB, so the autumn enquiry is held a set number of
      // school days before the autumn Forum (and so after the planning visit
      // of 000 §3.10.5, early in the term).
      r.cadence = Cadence::before;
      r.anchor = forum_rule("autumn");
      // School days: a visit to the school falls in term time (000 §3.10.6 "each term").
      r.offset_days = whole_number(p, "enquiry.autumn_school_days_before_forum");
      r.day_kind = DayKind::school;
    } else {
      r.window = p.text("enquiry." + term + "_half_term").value();
    }
    out.push_back(std::move(r));
  }
}

/// 000 §3.7: the termly self-assessment, due before the SPSB moderates it.
/// For the term assessed, the deadline stays only while indicators are
/// missing, naming them; a complete self-assessment needs no reminder.
void self_assessment_deadlines(const EvidenceView& school, const PolicyView& p, const std::optional<AssessedPeriod>& at,
                               std::vector<ActivityRule>& out) {
  const auto dashboard = rate_dashboard(school, p);
  const auto missing = missing_self(dashboard);
  bool passed_assessed = !at || at->term.empty();
  for (auto& term : terms()) {
    const bool assessed = at && at->term == term;
    if (assessed && missing.empty()) {
      passed_assessed = true;
      continue;
    }
    // Earlier terms were settled by their own assessments.
    if (!assessed && !passed_assessed) continue;
    ActivityRule r = rule("000-3.7.self-assessment." + term, "deadline", "Dashboard self-assessment due to the SPSB",
                          Cadence::before, {"Headteacher"},
                          "000 §3.7: headteachers self-assess each dashboard indicator termly before the SPSB "
                          "moderates the ratings");
    if (assessed) {
      r.title = "Dashboard self-assessment incomplete: " + std::to_string(missing.size()) + " of " +
                std::to_string(dashboard.size()) + " indicators missing";
      for (auto* k : missing) r.documents.push_back(k->label);
      passed_assessed = true;
    } else {
      r.documents = {"Self-assessed rating of every dashboard indicator"};
    }
    r.anchor = spsb_rule(term);
    // School days: headteachers self-assess "on a termly basis" (000 §3.7), in
    // term time, so the deadline does not fall in a school holiday.
    r.offset_days = whole_number(p, "school_year.self_assessment_working_days_before_spsb");
    r.day_kind = DayKind::school;
    r.is_deadline = true;
    out.push_back(std::move(r));
  }
}

/// 000 §3.8: each term's data drop, with its due date. For the term
/// assessed, a drop received in full needs no reminder; a drop missing any
/// item stays, naming what is missing, and is overdue once its deadline passes.
void data_submissions(const EvidenceView& school, const PolicyView& p, const std::optional<AssessedPeriod>& at,
                      std::vector<ActivityRule>& out) {
  auto items = p.texts("data_submissions.items");  // required by description.cpp
  // "or where these subjects are not taught explicitly communication and cognition"
  if (special_school(school.school()) && !items.empty())
    items.front() = p.text("data_submissions.special_school_tracking").value();
  const auto missing = missing_drop(school, p);
  bool passed_assessed = !at || at->term.empty();
  for (std::size_t t = 0; t < terms().size(); ++t) {
    const bool assessed = at && at->term == terms()[t];
    if (assessed) passed_assessed = true;
    if (assessed && missing.empty()) continue;
    if (!assessed && !passed_assessed) continue;  // earlier terms were settled by their own assessments
    ActivityRule r = rule("000-3.8.data." + terms()[t], "submission", "Termly data submission to the Trust",
                          Cadence::in_half_term, {"Headteacher", "School data lead"},
                          "000 §3.8.1: data collated centrally to form questions for further enquiry");
    r.window = half_term_for(p, "data_submissions.half_terms", t);
    r.is_deadline = true;
    r.documents = items;
    if (assessed) {
      r.title = "Termly data drop not yet received in full: " + std::to_string(missing.size()) + " of " +
                std::to_string(p.texts("data_submissions.evidence").size()) + " items missing";
      r.documents = missing;
    }
    out.push_back(std::move(r));
  }
}

/// 000 §3.5, §5.2: the extra activities the policy declares for the tier
/// ([tier_support.TIER.ID]); the seed leaves them to the Academies of Concern policy.
void tier_support(const PolicyView& p, const std::string& tier, const std::string& partner,
                  std::vector<ActivityRule>& out) {
  const std::string base = "tier_support." + tier;
  for (auto& id : p.keys(base)) {
    const std::string key = base + "." + id + ".";
    const std::string cadence = p.text(key + "cadence").value_or("monthly");
    ActivityRule r = rule("000-5.2." + tier + "." + id, p.text(key + "type").value_or("meeting"),
                          p.text(key + "title").value_or(id), Cadence::monthly, p.texts(key + "attendees"),
                          "000 §5.2: the school's tier (" + tier + ") guides the support it receives; declared in "
                          "the policy's [" + base + "]");
    r.cadence = cadence == "per_term" ? Cadence::per_term : cadence == "per_half_term" ? Cadence::per_half_term
                                                                                       : Cadence::monthly;
    r.count = static_cast<int>(p.number(key + "count").value_or(1));
    r.documents = p.texts(key + "documents");
    for (auto& a : r.attendees)
      if (a == "QA & Improvement partner") a = partner + " (QA & Improvement partner)";
    out.push_back(std::move(r));
  }
}

}  // namespace

std::string partner_of(const EvidenceView& school, const PolicyView& policy) {
  if (auto o = school.latest("qa_partner"); o && o->present() && !o->text.empty()) return o->text;
  if (auto name = policy.text("partners." + std::to_string(school.school().urn)); name && !name->empty()) return *name;
  return kNoPartner;
}

std::optional<AssessedPeriod> assessed_period(const EvidenceView& school) {
  // "2019-20", "2019-20/spring" or "2019-20/spring-1": the kernel's calendar
  // says whether it is a period; the plan only needs its parts.
  const std::string period = school.period();
  if (!school.calendar().period_first_day(period)) return std::nullopt;
  AssessedPeriod at;
  at.year = period.substr(0, 7);
  at.start_year = std::stoi(period.substr(0, 4));
  if (const auto slash = period.find('/'); slash != std::string::npos) {
    at.term = period.substr(slash + 1);                                  // "spring" or "spring-1"
    if (const auto dash = at.term.find('-'); dash != std::string::npos) at.term.resize(dash);
  }
  return at;
}

std::string term_start(const EvidenceView& school, const std::string& year, const std::string& term) {
  return school.calendar().first_school_day(term.empty() ? year : year + "/" + term).value_or("");
}

std::vector<std::string> missing_drop(const EvidenceView& school, const PolicyView& p) {
  std::vector<std::string> out;
  const auto at = assessed_period(school);
  if (!at || at->term.empty()) return out;  // a drop is a term's
  const auto indicators = describe_regime().indicators;
  for (auto& id : p.texts("data_submissions.evidence")) {
    const auto o = school.latest(id);
    if (o && o->present() && o->period == school.period()) continue;
    std::string label = id;
    for (auto& i : indicators)
      if (i.id == id) label = i.label;
    out.push_back(label);
  }
  return out;
}

std::vector<ActivityRule> school_rules(const EvidenceView& school, const PolicyView& p,
                                       const std::vector<std::string>& questions, const std::string& tier) {
  std::vector<ActivityRule> out;
  const auto at = assessed_period(school);
  const std::string partner = partner_of(school, p);
  ActivityRule planning = rule("000-3.10.5.planning-visit", "visit", "Planning visit: the year's QA & Improvement programme",
                               Cadence::within, {partner + " (QA & Improvement partner)", "Headteacher"},
                               "000 §3.10.5: after the Annual Support and Challenge Board, to establish the year's "
                               "work programme");
  planning.anchor = kAscbRule;
  // School days: a visit to the school, at the start of the year (000 §3.10.5).
  planning.offset_days = whole_number(p, "school_year.planning_visit_within_working_days");
  planning.day_kind = DayKind::school;
  planning.documents = {"School Self-Evaluation Form (SEF)", "School Improvement Plan (SIP)"};
  out.push_back(std::move(planning));
  enquiries(school, p, partner, at, questions, out);
  self_assessment_deadlines(school, p, at, out);
  data_submissions(school, p, at, out);
  csif_rows(p, "school", partner, out);
  if (!tier.empty()) tier_support(p, tier, partner, out);
  return out;
}

}  // namespace nexus
