// The section 7 grid and section 8 meetings as activity rules. The kernel's
// scheduler places them in the academic calendar. Every number is the
// policy's, or the default description.cpp declares from the seed.
#include <algorithm>
#include <cctype>
#include <optional>
#include <string>

#include "telford_regime.hpp"
#include "trellis/sdk/activity_rules.hpp"
#include "trellis/sdk/policy_keys.hpp"

namespace telford {
namespace {

const std::vector<std::string> kVisitTeam = {"LA Quality Assurance Lead", "Headteacher"};

ActivityRule rule(std::string id, std::string type, std::string title, Cadence cadence, int count,
                  std::vector<std::string> attendees, std::string note) {
  return activity_rule(std::move(id), std::move(type), std::move(title), cadence, std::move(attendees),
                       std::move(note), count);
}

/// Section 8: the termly Monitoring and Support meeting with its agenda,
/// papers and minutes deadlines.
void monitoring_meetings(const PolicyView& p, int per_term, std::vector<ActivityRule>& out) {
  ActivityRule meeting = rule("s8.monitoring-meeting", "meeting", "Monitoring and Support meeting (chaired by the LA)",
                              Cadence::per_term, per_term, p.texts("meetings.attendees"),
                              "Section 8: focuses on education and outcomes, behaviour and attitudes, personal "
                              "development, and leadership, management and safeguarding");
  meeting.documents = p.texts("documents.amber_red");
  out.push_back(meeting);
  out.push_back(deadline_rule("s8.agenda", "Agenda circulated for the Monitoring and Support meeting", Cadence::before,
                         meeting.id, whole_number(p, "meetings.agenda_days_before"), DayKind::calendar,
                         {"LA Quality Assurance Lead"}, "Section 8: agenda circulated two weeks before the meeting"));
  out.push_back(deadline_rule("s8.papers", "Papers to the LA Quality Assurance Lead", Cadence::before, meeting.id,
                         whole_number(p, "meetings.papers_days_before"), DayKind::calendar, {"Headteacher"},
                         "Section 8: supporting paperwork sent seven days before the meeting"));
  out.push_back(deadline_rule("s8.minutes", "Minutes to the headteacher to check for factual accuracy", Cadence::after,
                         meeting.id, whole_number(p, "meetings.minutes_working_days_after"), DayKind::working,
                         {"LA Quality Assurance Lead", "Headteacher"},
                         "Section 8: minutes within seven working days of the meeting (the LA's working days: "
                         "half-term does not stop the count)"));
}

}  // namespace

std::vector<ActivityRule> visit_rules(const std::string& band, bool changed, const PolicyView& p) {
  std::vector<ActivityRule> out;
  if (band == "green") {
    out.push_back(rule("s7.green.qa-visit", "visit", "QA visit", Cadence::per_year, whole_number(p, "visits.green.per_year"),
                       kVisitTeam,
                       "Section 7, Green: lines of enquiry agreed with the headteacher from desktop monitoring; the "
                       "agenda is set out in the note of visit"));
    // Section 7, Green: the desktop monitoring's findings "form the basis for a conversation with the
    // headteacher to agree the lines of enquiry for the visit": before each visit.
    ActivityRule talk = rule("s7.green.lines-of-enquiry", "conversation",
                             "Conversation with the headteacher to agree the lines of enquiry for the QA visit",
                             Cadence::before, 1, kVisitTeam,
                             "Section 7, Green: lines of enquiry agreed with the headteacher before the visit");
    talk.anchor = "s7.green.qa-visit";
    talk.offset_days = whole_number(p, "visits.green.enquiry_working_days_before");
    talk.day_kind = DayKind::working;
    out.push_back(talk);
  } else if (band == "yellow") {
    out.push_back(rule("s7.yellow.qa-visit", "visit", "Termly QA visit", Cadence::per_term,
                       whole_number(p, "visits.yellow.per_term"), kVisitTeam, "Section 7, Yellow: light-touch monitoring"));
    out.back().documents = {"Improvement plan including accurate and evaluative impact measures",
                            "Summary of impact on teaching, learning and outcomes, if requested by the LA QA Lead"};
  } else if (band == "amber" || band == "red") {
    const std::string key = "visits." + band + ".";
    monitoring_meetings(p, whole_number(p, key + "meetings_per_term"), out);
    out.push_back(rule("s7." + band + ".interim-visit", "visit", "Interim visit", Cadence::per_term,
                       whole_number(p, key + "interim_per_term"),
                       {"LA Quality Assurance Lead", "Headteacher", "Senior leaders", "Governors where appropriate"},
                       band == "red" ? "Section 7, Red: at least two interim visits a term to support self-evaluation, "
                                                       "between the monitoring and support meetings"
                                     : "Section 7, Amber: an interim visit each term to review impact and progress"));
    // Section 7, Red: "between the monitoring and Intervention meetings", never the day before one.
    if (band == "red") out.back().anchor = "s8.monitoring-meeting";
    ActivityRule docs = deadline_rule("s7.documents", "Documents requested from " + band + " schools", Cadence::within, "",
                                 whole_number(p, "documents.due_working_days"), DayKind::working, {"Headteacher"},
                                 "Section 7: amber and red schools are asked to provide these to support visits");
    docs.documents = p.texts("documents.amber_red");
    out.push_back(docs);
  }
  // Section 6 and 7 grid: every maintained school's governing board.
  ActivityRule governance = rule("s6.governance-conversation", "conversation", "Annual conversation with the governing board",
                                 Cadence::in_half_term, 1,
                                 {"LA Quality Assurance Lead", "Chair of Governors", "Headteacher"},
                                 "Section 6: how core functions are carried out and statutory duties fulfilled");
  // "year": one conversation a year, each school's at its own point of the year, not every board in one half-term.
  // (The text read once into an optional, then compared: GCC 12 -O2 warns maybe-uninitialized on the
  // string a value() call makes in an if's init-statement.)
  const std::optional<std::string> when = p.text("governance.half_term");
  if (when && *when == "year") governance.cadence = Cadence::per_year;
  else governance.window = when.value();
  governance.documents = p.texts("governance.areas");
  out.push_back(governance);
  // Section 7: "In every instance the classification level will be discussed
  // with the school"; section 5: after a change of band, with its reasons.
  out.push_back(deadline_rule("s7.discuss-level",
                              changed ? "Discussion of the change of classification and its reasons with the headteacher"
                                      : "Discussion of the classification with the headteacher",
                              Cadence::within, "", whole_number(p, "notification.discuss_within_working_days"),
                              DayKind::working, {"LA Quality Assurance Lead", "Headteacher"},
                              changed ? "Section 5: headteachers are told of a change and its reasons, with the chance "
                                        "to discuss it; section 7: every classification is discussed with the school"
                                      : "Section 7: in every instance the classification level is discussed with the school"));
  return out;
}

std::vector<ActivityRule> academy_rules(const PolicyView& p) {
  ActivityRule r = rule("s7.academy.ceo-conversation", "conversation",
                        "Offer of an initial conversation (no known trust: offered to the school)", Cadence::in_half_term,
                        1, {"LA Quality Assurance Lead", "Headteacher"},
                        "Section 7, Academies: how the school's contribution and the LA offer could be deployed; no "
                        "trust is known, so the offer goes to the school");
  r.window = p.text("academies.conversation_half_term").value();
  return {r};
}

std::optional<Trust> trust_of(const SchoolInfo& school, const PolicyView& policy) {
  if (auto listed = policy.text("academies.trusts." + std::to_string(school.urn)); listed && !listed->empty())
    return Trust{*listed, false};
  if (!school.trust_name.empty()) return Trust{school.trust_name, true};
  return std::nullopt;
}

std::vector<ActivityRule> trust_rules(const PolicyView& p, const std::vector<SchoolInfo>& members) {
  // Each trust once, in the order the list first names it, then the register's trusts of the body's open
  // academies by URN, each with its academies' URNs.
  std::vector<std::pair<std::string, std::vector<std::string>>> trusts;
  auto add = [&](const std::string& name, const std::string& urn) {
    auto it = std::find_if(trusts.begin(), trusts.end(), [&](const auto& t) { return t.first == name; });
    if (it == trusts.end()) trusts.push_back({name, {urn}});
    else if (std::find(it->second.begin(), it->second.end(), urn) == it->second.end()) it->second.push_back(urn);
  };
  for (const auto& urn : p.keys("academies.trusts")) {
    const std::string name = p.text("academies.trusts." + urn).value_or("");
    if (!name.empty()) add(name, urn);
  }
  for (const auto& school : members) {
    if (school.status == "closed" || categorise(school, p) != Category::academy) continue;
    if (auto trust = trust_of(school, p); trust && trust->from_register) add(trust->name, std::to_string(school.urn));
  }
  std::vector<ActivityRule> out;
  for (const auto& [name, urns] : trusts) {
    // The rule id is part of each calendar UID: from the trust's name, so that it stays put when the list changes.
    std::string slug;
    for (char c : name) {
      if (std::isalnum(static_cast<unsigned char>(c))) slug += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      else if (!slug.empty() && slug.back() != '-') slug += '-';
    }
    while (!slug.empty() && slug.back() == '-') slug.pop_back();
    std::string academies;
    for (const auto& u : urns) academies += (academies.empty() ? "URN " : ", URN ") + u;
    ActivityRule r = rule("s7.academy.trust-conversation." + slug, "conversation",
                          "Offer of an initial conversation with the CEO of " + name + " (its academies: " + academies + ")",
                          Cadence::in_half_term, 1, {"LA Quality Assurance Lead", "Trust CEO"},
                          "Section 7, Academies: with the accountable body in the first instance, rather than the "
                          "individual school; visits to individual academies follow where appropriate");
    r.window = p.text("academies.conversation_half_term").value();
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace telford
