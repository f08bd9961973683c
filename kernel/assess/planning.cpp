#include "trellis/planning.hpp"

#include <algorithm>
#include <set>

#include "trellis/error.hpp"
#include "trellis/store/activity_repository.hpp"

namespace trellis::planning {

namespace {

/// Each rule of `after` starts no earlier than the discussion's due day, with
/// room after it for what is planned before the rule (an agenda two weeks ahead).
void after_the_discussion(const KernelSections& sections, const AcademicCalendar& cal, std::optional<Date> discussed,
                          std::vector<sdk::ActivityRule>& rules) {
  if (sections.discussion_rule.empty() || sections.after_discussion.empty()) return;
  auto talk = std::find_if(rules.begin(), rules.end(), [&](const sdk::ActivityRule& r) {
    return r.id == sections.discussion_rule && r.cadence == sdk::Cadence::within && !r.anchor_date.empty();
  });
  if (talk == rules.end()) return;
  const Date due =
      discussed ? *discussed : offset_date(cal, Date::parse(talk->anchor_date), talk->offset_days, talk->offset_kind());
  for (auto& r : rules) {
    if (std::find(sections.after_discussion.begin(), sections.after_discussion.end(), r.id) == sections.after_discussion.end())
      continue;
    Date start = due + 1;
    for (const auto& f : rules)
      if (f.anchor == r.id && f.cadence == sdk::Cadence::before)
        start = std::max(start, offset_date(cal, due + 1, f.offset_days, f.offset_kind()));
    if (!r.from || *Date::try_parse(*r.from) < start) r.from = start.to_string();
  }
}

}  // namespace

RuleSet school_rules(const RegimeHandle& regime, const Policy& policy, const KernelSections& sections,
                     const AcademicCalendar& cal, const sdk::EvidenceView& view, const sdk::AssessmentOut& counted,
                     Date from, std::optional<Date> discussed) {
  RuleSet set{view.school().urn, std::nullopt, {}};
  if (auto st = regime.plan(view, counted, policy.view(), set.rules); !st)
    throw InputError(Location{policy.path().string()}, "the " + policy.regime() + " regime could not plan activities for " +
                                                          view.school().name + ": " + st.message);
  if (counted.classified && counted.level == kInsufficientEvidence && sections.insufficient_follow_up)
    set.rules.push_back(*sections.insufficient_follow_up);
  for (auto& r : set.rules)
    if (r.cadence == sdk::Cadence::within && r.anchor.empty() && r.anchor_date.empty()) r.anchor_date = from.to_string();
  after_the_discussion(sections, cal, discussed, set.rules);
  return set;
}

std::map<std::int64_t, Date> discussion_days(Database& db, const KernelSections& sections, const std::string& body,
                                             const std::string& year) {
  std::map<std::int64_t, Date> out;
  if (sections.discussion_rule.empty()) return out;
  for (const auto& d : db.activities().of_rule(body, year, sections.discussion_rule)) out[d.urn] = d.due;
  return out;
}

DueDays due_days(Database& db, const std::string& body, const std::string& year) {
  return DueDays(db.activities().deadlines(body, year));
}

Workload workload(const KernelSections& sections, const std::vector<std::int64_t>& urns) {
  Workload w;
  if (sections.officers.empty()) return w;
  w.role = sections.workload_role;
  w.daily_limit = sections.daily_limit;
  w.types = sections.workload_types;
  const std::set<std::int64_t> members(urns.begin(), urns.end());
  for (std::size_t i = 0; i < sections.officers.size(); ++i) {
    w.officers.push_back(sections.officers[i].name);
    for (auto urn : sections.officers[i].schools)
      if (members.count(urn)) w.officer_of.emplace(urn, i);
  }
  return w;
}

void book_stored(Workload& w, const std::vector<Activity>& stored, std::int64_t except) {
  if (w.empty()) return;
  w.booked.resize(w.officers.size());
  for (const auto& a : stored) {
    if (!a.urn || *a.urn == except || !to_happen(a.status)) continue;
    if (std::find(w.types.begin(), w.types.end(), a.type) == w.types.end()) continue;
    for (std::size_t i = 0; i < w.officers.size(); ++i) {
      const std::string tail = ": " + w.officers[i];
      if (std::any_of(a.attendees.begin(), a.attendees.end(), [&](const std::string& who) {
            return who.rfind(w.role, 0) == 0 && who.size() >= tail.size() &&
                   who.compare(who.size() - tail.size(), tail.size(), tail) == 0;
          })) {
        ++w.booked[i][a.start];
        break;
      }
    }
  }
}

std::vector<std::string> workload_warnings(const std::vector<std::string>& unmet) {
  if (unmet.empty()) return {};
  constexpr std::size_t shown = 10;
  std::vector<std::string> out{"the plan does not keep the policy's [workload] (its officers and their daily limit) in " +
                               std::to_string(unmet.size()) + (unmet.size() == 1 ? " place" : " places") +
                               ": linking each school to an officer, more officers, a higher limit or fewer "
                               "activities would keep it"};
  for (std::size_t i = 0; i < unmet.size() && i < shown; ++i) out.push_back("  " + unmet[i]);
  if (unmet.size() > shown) out.push_back("  and " + std::to_string(unmet.size() - shown) + " more");
  return out;
}

RuleSet body_rules(const RegimeHandle& regime, const Policy& policy, const std::vector<sdk::SchoolInfo>& members) {
  RuleSet set;
  if (auto st = regime.plan_body(policy.view(), set.rules, members); !st)
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
