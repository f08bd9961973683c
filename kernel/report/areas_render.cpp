// The report's sections per area, as Markdown and HTML: a table per area,
// schools and colleges apart, a column per stage, how the reported stage
// stands against the self-assessment, and the schools not rated there; and
// the dashboard, a school-by-indicator table per area.
#include <map>
#include <sstream>
#include <unordered_map>

#include "areas.hpp"
#include "markdown_text.hpp"

namespace trellis {
namespace {

std::string cell(const std::string& s) { return report_text::markdown(s); }

std::string esc(const std::string& s) { return report_text::html(s); }

/// The columns a section's table needs.
struct Columns {
  std::vector<std::size_t> stages;  ///< indices into AreaSection::stages
  bool subject = false, against = false, support = false;
  std::string against_header;
};

/// The computed stage adds a column only where it says something no person's stage in its row says.
bool computed_adds_nothing(const AreaSection& a, std::size_t i) {
  if (a.stages[i] != "computed") return false;
  for (auto& s : a.schools)
    for (auto& rt : s.ratings) {
      if (rt.levels[i].empty()) continue;
      bool repeated = false;
      for (std::size_t j = 0; j < rt.levels.size(); ++j) repeated = repeated || (j != i && rt.levels[j] == rt.levels[i]);
      if (!repeated) return false;
    }
  return true;
}

Columns columns(const Report& r, const AreaSection& a) {
  Columns c;
  for (std::size_t i = 0; i < a.stages.size(); ++i)
    if (!computed_adds_nothing(a, i)) c.stages.push_back(i);
  for (auto& s : a.schools) {
    c.support = c.support || s.central_support.has_value();
    for (auto& rt : s.ratings) {
      c.subject = c.subject || rt.indicator;
      c.against = c.against || rt.against_self != AgainstSelf::none;
    }
  }
  c.against_header = r.compared_stage + " against " + r.self_stage;
  return c;
}

/// "agrees", or the difference in bold (Markdown) or strong (HTML).
std::string against_text(AgainstSelf a, bool html) {
  const std::string t = to_string(a);
  if (a == AgainstSelf::none || a == AgainstSelf::agrees) return t;
  return html ? "<strong>" + t + "</strong>" : "**" + t + "**";
}

/// The section's schools in groups: {"", all} where it holds one kind, else {"Schools", ...}, {"Colleges", ...}.
std::vector<std::pair<std::string, std::vector<const AreaSchool*>>> groups(const AreaSection& a) {
  std::vector<const AreaSchool*> schools, colleges;
  for (auto& s : a.schools) (s.college ? colleges : schools).push_back(&s);
  if (schools.empty() || colleges.empty()) {
    schools.insert(schools.end(), colleges.begin(), colleges.end());
    return {{"", schools}};
  }
  return {{"Schools", schools}, {"Colleges", colleges}};
}

/// What the section shows, in a sentence.
std::string intro(const Report& r) {
  std::string t = "Each area across the body's schools: the level at each stage";
  if (!r.self_stage.empty() && !r.compared_stage.empty() && r.self_stage != r.compared_stage)
    return t + ", whether the " + r.compared_stage + " level agrees with the " + r.self_stage +
           " one or is higher or lower on the scale, and why (the " + r.compared_stage +
           " rating's rationale, else the latest one's).";
  return t + ", and why (the latest rating's rationale).";
}

/// "Validated against self: 9 agree, 1 higher, 2 lower." Empty where nothing is set against self.
std::string tally(const Report& r, const AreaSection& a) {
  std::map<AgainstSelf, int> n;
  for (auto& s : a.schools)
    for (auto& rt : s.ratings) ++n[rt.against_self];
  std::string t;
  for (auto [kind, word] : {std::pair{AgainstSelf::agrees, " agree"}, std::pair{AgainstSelf::higher, " higher"},
                            std::pair{AgainstSelf::lower, " lower"}, std::pair{AgainstSelf::differs, " differ"}})
    if (n[kind] > 0) t += (t.empty() ? "" : ", ") + std::to_string(n[kind]) + word;
  if (t.empty()) return "";
  std::string head = r.compared_stage + " against " + r.self_stage + ": ";
  head[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(head[0])));
  return head + t + ".";
}

/// "Not rated here: A (1), B (2)." Empty when every school is rated.
std::string unrated(const AreaSection& a) {
  std::string t;
  for (auto& [urn, name] : a.unrated) t += (t.empty() ? "" : ", ") + name + " (" + std::to_string(urn) + ")";
  return t.empty() ? "" : "Not rated here: " + t + ".";
}

/// "School" or "College" as the group is.
std::string first_header(const std::string& group) { return group == "Colleges" ? "College" : "School"; }

}  // namespace

void render_area_markdown(std::ostream& o, const Report& r) {
  if (r.areas.empty()) return;
  o << "\n## By area\n\n" << intro(r) << "\n";
  for (auto& a : r.areas) {
    const Columns c = columns(r, a);
    o << "\n### " << a.label << "\n";
    if (auto line = tally(r, a) + (tally(r, a).empty() || unrated(a).empty() ? "" : " ") + unrated(a); !line.empty())
      o << "\n" << line << "\n";
    for (auto& [group, schools] : groups(a)) {
      if (!group.empty()) o << "\n#### " << group << "\n";
      o << "\n| " << first_header(group) << " |" << (c.subject ? " Subject |" : "");
      for (auto i : c.stages) o << " " << cell(a.stage_labels[i]) << " |";
      o << (c.against ? " " + cell(c.against_header) + " |" : "") << " Why |" << (c.support ? " Central support |" : "")
        << "\n|---|" << (c.subject ? "---|" : "");
      for (std::size_t i = 0; i < c.stages.size(); ++i) o << "---|";
      o << (c.against ? "---|" : "") << "---|" << (c.support ? "---|" : "") << "\n";
      for (const AreaSchool* s : schools)
        for (std::size_t k = 0; k < s->ratings.size(); ++k) {
          const AreaRating& rt = s->ratings[k];
          o << "| " << (k == 0 ? cell(s->name) + " (" + std::to_string(s->urn) + ")" : "") << " |";
          if (c.subject) o << " " << cell(rt.indicator ? r.words.subject(rt.subject) : "the area") << " |";
          for (auto i : c.stages) o << " " << (rt.levels[i].empty() ? "" : cell(r.words.level(rt.subject, rt.levels[i]))) << " |";
          if (c.against) o << " " << against_text(rt.against_self, false) << " |";
          o << " " << cell(rt.rationale) << " |";
          if (c.support) o << " " << (k == 0 ? cell(s->central_support.value_or("")) : "") << " |";
          o << "\n";
        }
    }
  }
}

void render_area_text(std::ostream& o, const Report& r) {
  if (r.areas.empty()) return;
  o << "\nBy area";
  if (!r.self_stage.empty() && !r.compared_stage.empty() && r.self_stage != r.compared_stage)
    o << ", with each " << r.compared_stage << " level that differs from the " << r.self_stage << " one";
  o << ":\n";
  for (auto& a : r.areas) {
    o << "  " << a.label << ": " << a.schools.size() << " rated";
    if (!a.unrated.empty()) o << ", " << a.unrated.size() << " not";
    if (auto t = tally(r, a); !t.empty()) o << ". " << t;
    o << "\n";
    const auto at = [&](const AreaRating& rt, const std::string& stage) {
      for (std::size_t i = 0; i < a.stages.size(); ++i)
        if (a.stages[i] == stage) return r.words.level(rt.subject, rt.levels[i]);
      return std::string();
    };
    for (auto& s : a.schools)
      for (auto& rt : s.ratings)
        if (rt.against_self != AgainstSelf::none && rt.against_self != AgainstSelf::agrees)
          o << "    " << s.name << " (" << s.urn << ")" << (rt.indicator ? ", " + r.words.subject(rt.subject) : "") << ": "
            << r.self_stage << " " << at(rt, r.self_stage) << ", " << r.compared_stage << " " << at(rt, r.compared_stage)
            << " (" << to_string(rt.against_self) << ")" << (rt.rationale.empty() ? "" : " — " + rt.rationale.str()) << "\n";
  }
}

void render_area_html(std::ostream& o, const Report& r) {
  if (r.areas.empty()) return;
  o << "<h2>By area</h2>\n<p>" << esc(intro(r)) << "</p>\n";
  for (auto& a : r.areas) {
    const Columns c = columns(r, a);
    o << "<h3>" << esc(a.label) << "</h3>\n";
    if (auto line = tally(r, a) + (tally(r, a).empty() || unrated(a).empty() ? "" : " ") + unrated(a); !line.empty())
      o << "<p>" << esc(line) << "</p>\n";
    for (auto& [group, schools] : groups(a)) {
      if (!group.empty()) o << "<h4>" << esc(group) << "</h4>\n";
      o << "<table class=\"area\"><tr><th>" << first_header(group) << "</th>" << (c.subject ? "<th>Subject</th>" : "");
      for (auto i : c.stages) o << "<th>" << esc(a.stage_labels[i]) << "</th>";
      o << (c.against ? "<th>" + esc(c.against_header) + "</th>" : "") << "<th>Why</th>"
        << (c.support ? "<th>Central support</th>" : "") << "</tr>\n";
      for (const AreaSchool* s : schools)
        for (std::size_t k = 0; k < s->ratings.size(); ++k) {
          const AreaRating& rt = s->ratings[k];
          const bool differs = rt.against_self != AgainstSelf::none && rt.against_self != AgainstSelf::agrees;
          o << "<tr" << (differs ? " class=\"differs\"" : "") << "><td>"
            << (k == 0 ? esc(s->name) + " (" + std::to_string(s->urn) + ")" : "") << "</td>";
          if (c.subject) o << "<td>" << esc(rt.indicator ? r.words.subject(rt.subject) : "the area") << "</td>";
          for (auto i : c.stages) o << "<td>" << (rt.levels[i].empty() ? "" : esc(r.words.level(rt.subject, rt.levels[i]))) << "</td>";
          if (c.against) o << "<td>" << against_text(rt.against_self, true) << "</td>";
          o << "<td>" << esc(rt.rationale) << "</td>";
          if (c.support) o << "<td>" << (k == 0 ? esc(s->central_support.value_or("")) : "") << "</td>";
          o << "</tr>\n";
        }
      o << "</table>\n";
    }
  }
}

// The dashboard: for each area, in the regime's order, each indicator across
// the body's schools at the compared stage (the reported one, else the
// deciding one), with the priority it serves, and the area's own judgement
// first; a judgement not held at the compared stage names its stage.
namespace dashboard {

/// One row of an area's table: the subject, the priority it serves, and a level per school.
struct Row {
  std::string subject, priority;
  bool area = false;
  std::vector<std::string> levels;
};

/// The level a school's rating shows: at the compared stage, else the latest
/// stage held, named ("Secure (computed)"); "" when none is held.
std::string shown(const Report& r, const AreaSection& a, const AreaRating& rt) {
  for (std::size_t i = 0; i < a.stages.size(); ++i)
    if (a.stages[i] == r.compared_stage && !rt.levels[i].empty()) return r.words.level(rt.subject, rt.levels[i]);
  if (!rt.indicator)
    for (std::size_t i = a.stages.size(); i-- > 0;)
      if (!rt.levels[i].empty()) return r.words.level(rt.subject, rt.levels[i]) + " (" + a.stages[i] + ")";
  return "";
}

std::vector<Row> rows(const Report& r, const AreaSection& a) {
  std::vector<Row> out;
  auto row_of = [&](const std::string& subject, bool area) -> Row& {
    for (auto& row : out)
      if (row.subject == subject) return row;
    auto p = a.priority.find(subject);
    out.push_back({subject, p == a.priority.end() ? "" : p->second, area, {}});
    return out.back();
  };
  // The area's row first, then its indicators in the regime's order (the order AreaSchool holds them).
  row_of(a.area, true);
  for (auto& s : a.schools)
    for (auto& rt : s.ratings)
      if (rt.indicator) row_of(rt.subject, false);
  // Each school's level of the row's subject (its last rating of it, should
  // it hold two) goes to the school's columns, found by URN: one pass over a
  // country's ratings, not one per row (issue 18).
  constexpr std::size_t none = static_cast<std::size_t>(-1);
  std::unordered_map<std::int64_t, std::size_t> first_column;  // URN -> its first column in r.schools
  std::vector<std::size_t> next_column(r.schools.size(), none);  // the next column of the same URN
  first_column.reserve(r.schools.size());
  for (std::size_t i = r.schools.size(); i-- > 0;) {
    auto [at, added] = first_column.try_emplace(r.schools[i].assessment.urn, i);
    if (!added) {
      next_column[i] = at->second;
      at->second = i;
    }
  }
  std::unordered_map<std::string_view, Row*> row_for;
  for (auto& row : out) {
    row_for.emplace(row.subject, &row);
    row.levels.resize(r.schools.size());
  }
  for (auto& s : a.schools) {
    const auto column = first_column.find(s.urn);
    if (column == first_column.end()) continue;
    for (auto& rt : s.ratings) {
      const auto row = row_for.find(rt.subject.str());
      if (row == row_for.end()) continue;
      const std::string level = shown(r, a, rt);
      for (std::size_t i = column->second; i != none; i = next_column[i]) row->second->levels[i] = level;
    }
  }
  return out;
}

bool any_priority(const std::vector<Row>& rs) {
  for (auto& row : rs)
    if (!row.priority.empty()) return true;
  return false;
}

}  // namespace dashboard

void render_dashboard_markdown(std::ostream& o, const Report& r) {
  if (r.areas.empty() || r.compared_stage.empty()) return;
  o << "\n## Dashboard\n\nEach indicator across the body's schools at the " << r.compared_stage
    << " stage, area by area; the area's own judgement first, with its stage where it is not " << r.compared_stage
    << ". A blank cell: no " << r.compared_stage << " rating.\n";
  for (auto& a : r.areas) {
    const auto table = dashboard::rows(r, a);
    const bool priorities = dashboard::any_priority(table);
    o << "\n### " << a.label << "\n\n| Indicator |" << (priorities ? " Priority |" : "");
    for (auto& s : r.schools) o << " " << cell(s.assessment.name) << " |";
    o << "\n|---|" << (priorities ? "---|" : "");
    for (std::size_t i = 0; i < r.schools.size(); ++i) o << "---|";
    o << "\n";
    for (auto& row : table) {
      o << "| " << (row.area ? "**" + cell(a.label) + "**" : cell(r.words.subject(row.subject))) << " |";
      if (priorities) o << " " << cell(row.priority) << " |";
      for (auto& l : row.levels) o << " " << cell(l) << " |";
      o << "\n";
    }
  }
}

void render_dashboard_html(std::ostream& o, const Report& r) {
  if (r.areas.empty() || r.compared_stage.empty()) return;
  o << "<h2>Dashboard</h2>\n<p>Each indicator across the body's schools at the " << esc(r.compared_stage)
    << " stage, area by area; the area's own judgement first, with its stage where it is not "
    << esc(r.compared_stage) << ".</p>\n";
  for (auto& a : r.areas) {
    const auto table = dashboard::rows(r, a);
    const bool priorities = dashboard::any_priority(table);
    o << "<h3>" << esc(a.label) << "</h3>\n<table><tr><th>Indicator</th>" << (priorities ? "<th>Priority</th>" : "");
    for (auto& s : r.schools) o << "<th>" << esc(s.assessment.name) << "</th>";
    o << "</tr>";
    for (auto& row : table) {
      o << "<tr><td>" << (row.area ? "<strong>" + esc(a.label) + "</strong>" : esc(r.words.subject(row.subject)))
        << "</td>";
      if (priorities) o << "<td>" << esc(row.priority) << "</td>";
      for (auto& l : row.levels) o << "<td>" << esc(l) << "</td>";
      o << "</tr>";
    }
    o << "</table>\n";
  }
}

}  // namespace trellis
