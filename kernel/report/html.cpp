// The report as one self-contained HTML page, colours from the regime's scale.
#include <sstream>

#include "areas.hpp"
#include "markdown_text.hpp"
#include "note_outcomes.hpp"
#include "trellis/report.hpp"

namespace trellis {
namespace {

std::string esc(const std::string& s) { return report_text::html(s); }

std::string colour_of(const Report& r, const std::string& level) {
  for (auto& c : r.counts)
    if (c.level == level && !c.colour.empty()) return c.colour;
  return "#757575";
}

std::string badge(const Report& r, const std::string& level) {
  return "<span class=\"badge\" style=\"background:" + esc(colour_of(r, level)) + "\">" + esc(level) + "</span>";
}

}  // namespace

void render_html(std::ostream& o, const Report& r) {
  o << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" << esc(r.body.name) << ": "
    << esc(r.period) << "</title>\n<style>body{font-family:sans-serif;max-width:60em;margin:2em auto;line-height:1.4}"
    << "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left}"
    << ".badge{color:#fff;padding:.1em .5em;border-radius:.3em}tr.differs td{background:#fff8e1}</style></head><body>\n";
  o << "<h1>" << esc(r.body.name) << ": " << esc(r.period) << "</h1>\n<p>Regime: " << esc(r.regime_name)
    << ". Policy " << esc(r.policy_file.empty() ? "" : r.policy_file + ", ") << "version " << esc(r.policy_version)
    << " (hash " << esc(r.policy_hash.substr(0, 12)) << ")."
    << (r.assessed_period != r.period ? " Levels are those assessed for " + esc(r.assessed_period) + "." : std::string())
    << "</p>\n<h2>Schools by level</h2>\n<table><tr><th>Level</th><th>Schools</th></tr>";
  for (auto& c : r.counts)
    o << "<tr><td>" << badge(r, c.level) << " " << esc(c.label) << (c.classified ? "" : " (not classified)")
      << "</td><td>" << c.schools << "</td></tr>";
  o << "</table>\n<h2>Changes since the last period</h2>\n<ul>";
  for (auto* s : r.changes())
    o << "<li>" << esc(s->assessment.name) << " (" << s->assessment.urn << "): " << badge(r, *s->assessment.previous_level)
      << " → " << badge(r, s->assessment.level) << (s->assessment.decision ? "" : " (computed, not yet decided)")
      << (s->letter ? std::string(" — ") + (s->letter->provisional ? "provisional " : "") + "letter " +
                          std::to_string(s->letter->id) + " (" + esc(s->letter->file) + ")"
                    : std::string())
      << "</li>";
  if (r.changes().empty()) o << "<li>No school's level changed.</li>";
  o << "</ul>\n";
  render_html_details(o, r);
  o << "</body></html>\n";
}

std::string render_html(const Report& r) {
  std::ostringstream o;
  render_html(o, r);
  return o.str();
}

void render_html_details(std::ostream& o, const Report& r) {
  if (auto switched = r.switches(); !switched.empty()) {
    o << "<h2>First assessed under this framework</h2>\n<p>Last assessed under another framework; not compared with it.</p><ul>";
    for (auto* s : switched)
      o << "<li>" << esc(s->assessment.name) << " (" << s->assessment.urn << "): " << esc(*s->assessment.switch_note()) << "</li>";
    o << "</ul>\n";
  }
  render_dashboard_html(o, r);
  render_area_html(o, r);
  o << "<h2>Schools</h2>\n";
  for (auto& s : r.schools) {
    o << "<h3>" << esc(s.assessment.name) << " (" << s.assessment.urn << ") " << badge(r, s.assessment.level);
    if (s.assessment.decision && s.assessment.decision->level != s.assessment.computed_level)
      o << " decided at " << esc(s.assessment.decision->stage) << " by " << esc(s.assessment.decision->by) << " on "
        << esc(s.assessment.decision->on) << "; computed: " << badge(r, s.assessment.computed_level);
    else if (s.assessment.decision)
      o << " confirmed by " << esc(s.assessment.decision->by) << " on " << esc(s.assessment.decision->on);
    else if (s.assessment.classified)
      o << " computed, not yet decided";
    o << "</h3>\n";
    if (s.assessment.decision && !s.assessment.decision->rationale.empty())
      o << "<p>Why it was decided: " << esc(s.assessment.decision->rationale) << "</p>\n";
    if (s.central_support) o << "<p>Central support: " << esc(*s.central_support) << "</p>\n";
    o << "<ul>";
    for (auto& reason : s.reasons) o << "<li>" << esc(reason) << "</li>";
    o << "</ul>\n";
    if (auto lines = r.subject_lines(s); !lines.empty()) {
      o << "<p>By area:</p><ul>";
      for (auto& line : lines) o << "<li>" << esc(line) << "</li>";
      o << "</ul>\n";
    }
    if (!s.ratings.empty()) {
      o << "<table><tr><th>Subject</th><th>" << esc(r.reported_stage) << " rating</th></tr>";
      for (auto& rt : s.ratings)
        o << "<tr><td>" << esc(r.words.subject(rt.subject)) << "</td><td>" << esc(r.words.level(rt.subject, rt.level))
          << "</td></tr>";
      o << "</table>\n";
    }
    if (s.letter)
      o << "<p>Letter to the head: " << (s.letter->provisional ? "provisional " : "") << "letter " << s.letter->id
        << " (" << esc(s.letter->file) << ")</p>\n";
  }
  render_joining_html(o, r);
  if (!r.differences.empty()) {
    o << "<h2>Where the stages disagree</h2>\n<table><tr><th>School</th><th>Subject</th><th>Earlier</th><th>Later</th><th>Rationale</th></tr>";
    for (auto& d : r.differences)
      o << "<tr><td>" << esc(d.school) << "</td><td>" << esc(d.subject) << "</td><td>" << esc(d.first_stage) << ": "
        << esc(d.first_level) << "</td><td>" << esc(d.second_stage) << ": " << esc(d.second_level) << "</td><td>"
        << esc(d.rationale) << "</td></tr>";
    o << "</table>\n";
  }
  o << "<h2>Activities in " << esc(r.period) << "</h2>\n<table><tr><th>Start</th><th>End</th><th>Due</th><th>School</th><th>Activity</th><th>Status</th></tr>";
  r.activities.each([&](const ReportActivity& a) {
    o << "<tr><td>" << a.start << "</td><td>" << a.end << "</td><td>" << a.due.value_or("") << "</td><td>"
      << esc(a.urn ? a.school : "(all schools)") << "</td><td>" << esc(a.title) << "</td><td>" << a.status << "</td></tr>";
  });
  o << "</table>\n";
  if (!r.reviews.empty()) {
    o << "<h2>Review requests</h2>\n<table><tr><th>School</th><th>Asked</th><th>By</th><th>Reason</th><th>Status</th>"
         "<th>Outcome</th></tr>";
    for (auto& v : r.reviews) {
      o << "<tr><td>" << esc(v.school) << " (" << v.urn << ")</td><td>" << esc(v.at.substr(0, 10)) << "</td><td>"
        << esc(v.by) << "</td><td>" << esc(v.reason) << "</td><td>" << esc(v.status) << "</td><td>";
      if (v.outcome_level)
        o << badge(r, *v.outcome_level) << " " << esc(v.outcome_on.value_or("")) << ", " << esc(v.outcome_by.value_or(""))
          << ": " << esc(v.outcome_rationale.value_or(""));
      o << "</td></tr>";
    }
    o << "</table>\n";
  }
  if (!r.notes.empty()) {
    o << "<h2>Notes of visits and meetings</h2>\n<table><tr><th>School</th><th>Activity</th><th>When</th><th>Note</th>"
         "<th>Status</th>";
    for (auto& [label, items] : note_outcomes(r.notes.front())) o << "<th>" << label << "</th>";
    o << "</tr>";
    for (auto& n : r.notes) {
      o << "<tr><td>" << esc(n.urn ? n.school : "(all schools)") << "</td><td>" << esc(n.activity) << "</td><td>"
        << esc(n.when) << "</td><td>" << n.id << "</td><td>" << esc(n.status) << (n.overdue ? " (overdue)" : "")
        << "</td>";
      for (auto& [label, items] : note_outcomes(n)) o << "<td>" << esc(joined(*items)) << "</td>";
      o << "</tr>";
    }
    o << "</table>\n";
  }
}

std::string render_html_details(const Report& r) {
  std::ostringstream o;
  render_html_details(o, r);
  return o.str();
}

}  // namespace trellis
