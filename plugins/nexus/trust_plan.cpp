// The trust's own QA year: the Annual Support and Challenge Board (000 §3.9),
// the termly Schools Performance and Scrutiny Board (000 §3.11) with the QA
// Intelligence Sharing Forum before it (000 §3.10.11) and the report to the
// Standards Committee after it (000 §6.1), and the CSIF calendar table.
#include "nexus_regime.hpp"
#include "rule_parts.hpp"

namespace nexus {
namespace {

std::string capitalised(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

}  // namespace

std::string spsb_rule(const std::string& term) { return "000-3.11.spsb." + term; }
std::string forum_rule(const std::string& term) { return "000-3.10.11.forum." + term; }

std::vector<ActivityRule> trust_rules(const PolicyView& p) {
  std::vector<ActivityRule> out;
  ActivityRule ascb = rule(kAscbRule, "meeting", "Annual Support and Challenge Board", Cadence::in_half_term,
                           p.texts("boards.ascb_attendees"),
                           "000 §3.9: at the start of the year headteachers present the SEF and new SIP; a "
                           "subcommittee of the Standards Committee");
  ascb.window = p.text("boards.ascb_half_term").value();
  ascb.documents = {"Each school's Self-Evaluation Form (SEF)", "Each school's new School Improvement Plan (SIP)"};
  out.push_back(std::move(ascb));

  const auto spsb_half_terms = p.texts("boards.spsb_half_terms");  // one a term: validate.cpp
  for (std::size_t t = 0; t < terms().size(); ++t) {
    const std::string& term = terms()[t];
    ActivityRule spsb = rule(spsb_rule(term), "meeting", "Schools Performance and Scrutiny Board (" + term + ")",
                             Cadence::in_half_term,
                             p.texts("boards.spsb_attendees"),
                             "000 §3.11: triangulates the evidence, stress tests self-evaluation and moderates each "
                             "school's dashboard before the executive reports to Directors");
    spsb.window = t < spsb_half_terms.size() ? spsb_half_terms[t] : "";
    spsb.documents = {"Dashboard self-assessments", "Data submissions",
                      "Each school's questions for further enquiry from its data drop (000 §3.8.1)",
                      "Collaborative enquiry feedback"};
    out.push_back(spsb);

    ActivityRule forum = rule(forum_rule(term), "meeting",
                              "QA Intelligence Sharing Forum (" + term + ")", Cadence::before,
                              p.texts("boards.forum_attendees"),
                              "000 §3.10.11: collaborative enquiry feedback and evidence shared in preparation for "
                              "the SPSB and Standards Committee");
    forum.anchor = spsb.id;
    // School days: a meeting in preparation for the SPSB (000 §3.10.11) that
    // headteachers may attend (the policy's forum_attendees), so in term time.
    forum.offset_days = whole_number(p, "boards.forum_working_days_before_spsb");
    forum.day_kind = DayKind::school;
    out.push_back(std::move(forum));

    ActivityRule report = rule("000-6.1.standards-report." + term, "report",
                               "Report to the Standards Committee: outcomes of the " + term + " SPSB", Cadence::within,
                               {"Assistant CEO - School Improvement"},
                               "000 §6.1: SPSB outcomes reported directly to the Standards Committee at least every "
                               "term, which reports to the Board of Directors");
    report.anchor = spsb.id;
    // Working days: the trust executive's report to the Standards Committee
    // (000 §6.1) is office work, done in school holidays too.
    report.offset_days = whole_number(p, "boards.standards_report_working_days_after_spsb");
    report.day_kind = DayKind::working;
    report.is_deadline = true;
    report.documents = {"Moderated dashboards", "Intervention tiers with reasons", "Self/moderated differences"};
    out.push_back(report);

    // 000 §6.1: the Standards Committee "reports to the Board of Directors".
    ActivityRule board = rule("000-6.1.directors-report." + term, "report",
                              "Standards Committee report to the Board of Directors (" + term + ")", Cadence::within,
                              {"Chair of the Standards Committee", "Board of Directors"},
                              "000 §6.1: the Standards Committee reports on the SPSB's outcomes to the Board of "
                              "Directors; moderated judgements only (000 §3.11.2)");
    board.anchor = report.id;
    board.offset_days = whole_number(p, "boards.directors_report_working_days_after_standards");
    board.day_kind = DayKind::working;
    board.is_deadline = true;
    board.documents = {"The Standards Committee's report on the " + term + " SPSB", "Moderated intervention tiers"};
    out.push_back(std::move(board));
  }
  csif_rows(p, "trust", "", out);
  return out;
}

void csif_rows(const PolicyView& p, const std::string& scope, const std::string& partner,
               std::vector<ActivityRule>& out) {
  for (auto& row : p.keys("csif")) {
    const std::string base = "csif." + row + ".";
    if (p.text(base + "scope").value_or("school") != scope) continue;
    auto attendees = p.texts(base + "attendees");
    for (auto& a : attendees)
      if (a == "QA & Improvement partner" && !partner.empty()) a = partner + " (QA & Improvement partner)";
    const bool deadline = p.flag(base + "deadline").value_or(false);
    for (auto& half : p.texts(base + "half_terms")) {
      ActivityRule r = rule("csif." + row + "." + half, p.text(base + "type").value_or(deadline ? "deadline" : "meeting"),
                            p.text(base + "title").value_or(capitalised(row)), Cadence::in_half_term, attendees,
                            "CSIF Quality Assurance calendar, " + half);
      r.window = half;
      r.is_deadline = deadline;
      r.documents = p.texts(base + "documents");
      out.push_back(std::move(r));
    }
  }
}

}  // namespace nexus
