// The report as Markdown (for boards and committees) and as plain text (for
// the terminal). Both follow the same order: counts, changes, schools,
// stage differences, activities, review requests.
#include <sstream>

#include "markdown_text.hpp"
#include "note_outcomes.hpp"

#include "areas.hpp"
#include "trellis/report.hpp"

namespace trellis {
namespace {

std::string upper(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

std::string shown(const std::string& level) {
  return level == kInsufficientEvidence ? std::string(kInsufficientEvidenceLabel) : level;
}

/// "yellow (decided: final, by X on D; computed: amber)", or the computed level alone.
std::string level_text(const ReportSchool& s) {
  const auto& a = s.assessment;
  std::string t = shown(a.level);
  if (a.decision && a.decision->level != a.computed_level)
    t += " (decided at " + a.decision->stage + " by " + a.decision->by + " on " + a.decision->on +
         "; computed: " + shown(a.computed_level) + ")";
  else if (a.decision)
    t += " (computed, confirmed at " + a.decision->stage + " by " + a.decision->by + " on " + a.decision->on + ")";
  else if (a.classified)
    t += " (computed)";
  return t;
}

std::string letter_text(const ReportSchool& s) {
  if (!s.letter) return "";
  return std::string(" — ") + (s.letter->provisional ? "provisional " : "") + "letter " + std::to_string(s.letter->id) +
         " (" + s.letter->file + ")";
}

/// A review's status: "requested", "under review", "confirmed at amber", "changed to yellow".
std::string review_status(const ReportReview& v) {
  if (!v.outcome_level) return v.status.empty() ? "requested" : v.status;
  return v.status + (v.status == "changed" ? " to " : " at ") + *v.outcome_level;
}

/// Once decided: " on 2019-01-21 by A. Officer: <rationale>".
std::string review_detail(const ReportReview& v) {
  if (!v.outcome_level) return "";
  return " on " + v.outcome_on.value_or("") + " by " + v.outcome_by.value_or("") + ": " + v.outcome_rationale.value_or("");
}

std::string when(const ReportActivity& a) {
  if (a.due) return "due " + *a.due;
  return a.start == a.end ? a.start : a.start + " to " + a.end;
}

using report_text::markdown;
std::string md(std::string_view s) { return markdown(s); }

}  // namespace

void render_markdown(std::ostream& o, const Report& r) {
  o << "# " << md(r.body.name) << ": " << r.period << "\n\n";
  o << "Regime: " << r.regime_name << ". Policy " << (r.policy_file.empty() ? "" : r.policy_file + ", ") << "version "
    << r.policy_version << " (hash " << r.policy_hash.substr(0, 12) << ").";
  if (r.assessed_period != r.period) o << " Levels are those assessed for " << r.assessed_period << ".";
  o << "\n\n## Schools by level\n\n| Level | Schools |\n|---|---:|\n";
  for (auto& c : r.counts) o << "| " << c.label << (c.classified ? "" : " (not classified)") << " | " << c.schools << " |\n";
  auto changes = r.changes();
  o << "\n## Changes since the last period\n\n";
  if (changes.empty()) o << "No school's level changed.\n";
  for (auto* s : changes)
    o << "- **" << md(s->assessment.name) << "** (" << s->assessment.urn << "): " << *s->assessment.previous_level << " → "
      << s->assessment.level << (s->assessment.decision ? "" : " (computed, not yet decided)") << letter_text(*s) << "\n";
  if (auto switched = r.switches(); !switched.empty()) {
    o << "\n## First assessed under this framework\n\n"
      << "These schools were last assessed under another framework. Their levels are not compared with it.\n\n";
    for (auto* s : switched)
      o << "- " << md(s->assessment.name) << " (" << s->assessment.urn << "): " << *s->assessment.switch_note() << "\n";
  }
  render_dashboard_markdown(o, r);
  render_area_markdown(o, r);
  o << "\n## Schools\n";
  for (auto& s : r.schools) {
    o << "\n### " << md(s.assessment.name) << " (" << s.assessment.urn << "): " << level_text(s) << "\n\n";
    if (s.assessment.decision && !s.assessment.decision->rationale.empty())
      o << "Why it was decided: " << md(s.assessment.decision->rationale) << "\n\n";
    if (s.central_support) o << "Central support: " << md(*s.central_support) << "\n\n";
    for (auto& reason : s.reasons) o << "- " << md(reason) << "\n";
    if (auto lines = r.subject_lines(s); !lines.empty()) {
      o << "\nBy area:\n\n";
      for (auto& line : lines) o << "- " << line << "\n";
    }
    if (!s.ratings.empty()) {
      o << "\n| Subject | " << r.reported_stage << " rating |\n|---|---|\n";
      for (auto& rt : s.ratings) o << "| " << r.words.subject(rt.subject) << " | " << r.words.level(rt.subject, rt.level) << " |\n";
    }
    if (s.letter)
      o << "\nLetter to the head: " << (s.letter->provisional ? "provisional " : "") << "letter " << s.letter->id << " ("
        << s.letter->file << ")\n";
  }
  render_joining_markdown(o, r);
  if (!r.differences.empty()) {
    o << "\n## Where the stages disagree\n\n| School | Subject | Earlier | Later | Rationale |\n|---|---|---|---|---|\n";
    for (auto& d : r.differences)
      o << "| " << md(d.school) << " (" << d.urn << ") | " << d.subject << " | " << d.first_stage << ": " << d.first_level
        << " | " << d.second_stage << ": " << d.second_level << " | " << md(d.rationale) << " |\n";
  }
  o << "\n## Activities in " << r.period << "\n\n";
  bool planned = false;
  r.activities.each([&](const ReportActivity& a) {
    if (!planned) o << "| When | School | Activity | Status |\n|---|---|---|---|\n";
    planned = true;
    o << "| " << when(a) << " | " << (a.urn ? md(a.school) : "(all schools)") << " | " << md(a.title) << " | " << a.status << " |\n";
  });
  if (!planned) o << "None planned.\n";
  if (!r.reviews.empty()) {
    o << "\n## Review requests\n\n";
    for (auto& v : r.reviews)
      o << "- " << md(v.school) << " (" << v.urn << "), " << v.at << ", by " << md(v.by) << ": " << md(v.reason) << " — **"
        << review_status(v) << "**" << md(review_detail(v)) << "\n";
  }
  if (!r.notes.empty()) {
    o << "\n## Notes of visits and meetings\n\n";
    for (auto& n : r.notes) {
      o << "- " << (n.urn ? md(n.school) : "(all schools)") << ": " << md(n.activity) << ", " << n.when << ": note " << n.id
        << " " << n.status << (n.overdue ? ", **overdue**" : "") << "\n";
      for (auto& [label, items] : note_outcomes(n))
        if (!items->empty()) o << "  - " << label << ": " << md(joined(*items)) << "\n";
    }
  }
}

std::string render_markdown(const Report& r) {
  std::ostringstream o;
  render_markdown(o, r);
  return o.str();
}

void render_text(std::ostream& o, const Report& r) {
  o << r.body.name << " — " << r.period << " — " << r.regime_name << ", policy " << (r.policy_file.empty() ? "" : r.policy_file + " ")
    << r.policy_version << "\n";
  if (r.assessed_period != r.period) o << "Levels are those assessed for " << r.assessed_period << ".\n";
  o << "\n";
  for (auto& c : r.counts) o << "  " << c.label << (c.classified ? "" : " (not classified)") << ": " << c.schools << "\n";
  auto changes = r.changes();
  o << "\nChanges since the last period: " << (changes.empty() ? "none" : std::to_string(changes.size())) << "\n";
  for (auto* s : changes)
    o << "  " << s->assessment.urn << "  " << s->assessment.name << ": " << *s->assessment.previous_level << " -> "
      << s->assessment.level << letter_text(*s) << "\n";
  for (auto* s : r.switches())
    o << "  " << s->assessment.urn << "  " << s->assessment.name << ": " << *s->assessment.switch_note() << "\n";
  render_area_text(o, r);
  o << "\nSchools:\n";
  for (auto& s : r.schools) {
    o << "  " << s.assessment.urn << "  " << s.assessment.name << "  " << upper(level_text(s)) << "\n";
    for (auto& reason : s.reasons) o << "      - " << reason << "\n";
    if (auto lines = r.subject_lines(s); !lines.empty()) {
      o << "      By area:\n";
      for (auto& line : lines) o << "        " << line << "\n";
    }
    if (!s.results.empty()) {
      o << "      Before and after joining (joined " << *s.joined << "):\n";
      for (auto& x : s.results)
        o << "        " << x.when << ": " << x.label << ", " << x.period << ": " << x.value << " (" << x.source << ")\n";
    }
  }
  if (!r.differences.empty()) {
    o << "\nWhere the stages disagree:\n";
    for (auto& d : r.differences)
      o << "  " << d.school << ": " << d.subject << " " << d.first_stage << " " << d.first_level << ", " << d.second_stage
        << " " << d.second_level << (d.rationale.empty() ? "" : " — " + d.rationale) << "\n";
  }
  o << "\nActivities in " << r.period << ": " << r.activities.size() << "\n";
  r.activities.each([&](const ReportActivity& a) {
    o << "  " << when(a) << "  " << (a.urn ? a.school : "(all schools)") << ": " << a.title << " [" << a.status << "]\n";
  });
  if (!r.reviews.empty()) {
    o << "\nReview requests:\n";
    for (auto& v : r.reviews)
      o << "  " << v.school << " (" << v.urn << ") by " << v.by << ": " << v.reason << " [" << review_status(v)
        << review_detail(v) << "]\n";
  }
  if (!r.notes.empty()) {
    o << "\nNotes of visits and meetings:\n";
    for (auto& n : r.notes) {
      o << "  " << (n.urn ? n.school : "(all schools)") << ": " << n.activity << ", " << n.when << ": note " << n.id << " ["
        << n.status << (n.overdue ? ", overdue" : "") << "]\n";
      for (auto& [label, items] : note_outcomes(n))
        if (!items->empty()) o << "      " << label << ": " << joined(*items) << "\n";
    }
  }
}

std::string render_text(const Report& r) {
  std::ostringstream o;
  render_text(o, r);
  return o.str();
}

}  // namespace trellis
