#include "trellis/compare_render.hpp"

#include <set>
#include <sstream>

#include "trellis/assessment_json.hpp"
#include <algorithm>

namespace trellis {
namespace {

/// Where a level sits on the policy's scale, best first; a level off the scale after it.
std::size_t rank(const ComparedPolicy& p, const std::string& level) {
  for (std::size_t i = 0; i < p.scale.size(); ++i)
    if (p.scale[i].first == level) return i;
  return p.scale.size();
}

/// "REGIME VERSION (adopted)", or "REGIME VERSION (PATH)" for a policy tried beside it.
std::string name_of(const ComparedPolicy& p) {
  return p.regime + " " + p.version + (p.adopted ? " (adopted)" : " (" + p.policy_path + ")");
}

std::string joined(const std::vector<std::string>& items, const std::string& sep) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : sep) + s;
  return out;
}

/// "Area quality_of_education (from quality_of_education): at the same place 3; at another 2; not matched 0."
std::vector<std::string> area_lines(const LevelTable& t) {
  std::vector<std::string> out;
  for (const auto& a : t.areas)
    out.push_back("Area " + a.area + " (from " + a.from + "): at the same place " + std::to_string(a.agree) +
                  "; at another " + std::to_string(a.differ) + "; not rated or not mapped " +
                  std::to_string(a.unmatched) + ".");
  return out;
}

/// Markdown (the terminal's table is the same text): a person's reading of the run.
std::string markdown(const CompareRun& run) {
  std::ostringstream o;
  const auto& adopted = run.policies.front();
  o << "# " << run.body_id << ", " << run.period << ": " << run.policies.size() << " policies on the same evidence\n\n"
    << "Nothing was stored.\n\n";
  for (std::size_t i = 0; i < run.policies.size(); ++i) o << i + 1 << ". " << name_of(run.policies[i]) << "\n";
  for (const auto& t : run.tables) {
    const auto& other = run.policies[t.other];
    const auto [rows, cols] = table_sides(run, t);
    o << "\n## Level against level: " << adopted.regime << " (rows) and " << other.regime << " " << other.version
      << " (columns)\n\n| " << adopted.regime << " |";
    for (const auto& c : cols) o << " " << level_label(other, c) << " |";
    o << "\n|---|";
    for (std::size_t i = 0; i < cols.size(); ++i) o << "---:|";
    o << "\n";
    for (const auto& r : rows) {
      o << "| " << level_label(adopted, r) << " |";
      for (const auto& c : cols) o << " " << table_count(t, r, c) << " |";
      o << "\n";
    }
    o << "\n" << crosswalk_sentence(t) << "\n";
    for (const auto& line : area_lines(t)) o << "\n- " << line;
    if (!t.areas.empty()) o << "\n";
  }
  o << "\n## Workload per term: activities each policy would plan\n\n| policy | term | type | activities |\n|---|---|---|---:|\n";
  for (const auto& p : run.policies)
    for (const auto& [term, types] : p.workload)
      for (const auto& [type, n] : types) o << "| " << name_of(p) << " | " << term << " | " << type << " | " << n << " |\n";
  o << "\n## Schools\n";
  for (const auto& s : adopted.run.schools) {
    o << "\n### " << s.urn << " " << s.name << "\n\n";
    for (const auto& p : run.policies)
      for (const auto& a : p.run.schools) {
        if (a.urn != s.urn) continue;
        o << "- **" << name_of(p) << "**: " << level_label(p, a.level);
        if (auto note = a.switch_note()) o << " (" << *note << ")";
        o << "\n";
        for (const auto& r : a.reasons) o << "  - " << r << "\n";
        if (auto g = p.gaps.find(a.urn); g != p.gaps.end())
          o << "  - Evidence: " << g->second.sentence() << "\n";
      }
  }
  return o.str();
}

std::string esc(const std::string& s) {
  std::string o;
  for (char c : s) o += c == '&' ? "&amp;" : c == '<' ? "&lt;" : c == '>' ? "&gt;" : c == '"' ? "&quot;" : std::string(1, c);
  return o;
}

std::string html(const CompareRun& run) {
  std::ostringstream o;
  const auto& adopted = run.policies.front();
  o << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" << esc(run.body_id) << " "
    << esc(run.period) << ": policies compared</title></head><body>\n<h1>" << esc(run.body_id) << ", " << esc(run.period)
    << ": " << run.policies.size() << " policies on the same evidence</h1>\n<p>Nothing was stored.</p>\n<ol>\n";
  for (const auto& p : run.policies) o << "<li>" << esc(name_of(p)) << "</li>\n";
  o << "</ol>\n";
  for (const auto& t : run.tables) {
    const auto& other = run.policies[t.other];
    const auto [rows, cols] = table_sides(run, t);
    o << "<h2>Level against level: " << esc(adopted.regime) << " and " << esc(run.policies[t.other].regime)
      << "</h2>\n<table><tr><th>" << esc(adopted.regime) << "</th>";
    for (const auto& c : cols) o << "<th>" << esc(level_label(other, c)) << "</th>";
    o << "</tr>\n";
    for (const auto& r : rows) {
      o << "<tr><th>" << esc(level_label(adopted, r)) << "</th>";
      for (const auto& c : cols) o << "<td>" << table_count(t, r, c) << "</td>";
      o << "</tr>\n";
    }
    o << "</table>\n<p>" << esc(crosswalk_sentence(t)) << "</p>\n";
    for (const auto& line : area_lines(t)) o << "<p>" << esc(line) << "</p>\n";
  }
  o << "<h2>Workload per term</h2>\n<table><tr><th>policy</th><th>term</th><th>type</th><th>activities</th></tr>\n";
  for (const auto& p : run.policies)
    for (const auto& [term, types] : p.workload)
      for (const auto& [type, n] : types)
        o << "<tr><td>" << esc(name_of(p)) << "</td><td>" << esc(term) << "</td><td>" << esc(type) << "</td><td>" << n
          << "</td></tr>\n";
  o << "</table>\n<h2>Schools</h2>\n<table><tr><th>school</th>";
  for (const auto& p : run.policies) o << "<th>" << esc(name_of(p)) << "</th>";
  o << "</tr>\n";
  for (const auto& s : adopted.run.schools) {
    o << "<tr><td>" << s.urn << " " << esc(s.name) << "</td>";
    for (const auto& p : run.policies) {
      o << "<td>";
      for (const auto& a : p.run.schools)
        if (a.urn == s.urn) {
          o << "<strong>" << esc(level_label(p, a.level)) << "</strong><ul>";
          for (const auto& r : a.reasons) o << "<li>" << esc(r) << "</li>";
          if (auto g = p.gaps.find(a.urn); g != p.gaps.end())
            o << "<li>Evidence: " << esc(g->second.sentence()) << "</li>";
          o << "</ul>";
        }
      o << "</td>";
    }
    o << "</tr>\n";
  }
  o << "</table>\n</body></html>\n";
  return o.str();
}

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string o = "\"";
  for (char c : s) o += c == '"' ? std::string("\"\"") : std::string(1, c);
  return o + "\"";
}

std::string csv(const CompareRun& run) {
  std::ostringstream o;
  o << "urn,name,policy,regime,version,adopted,level,reasons,evidence\r\n";
  for (const auto& p : run.policies)
    for (const auto& a : p.run.schools) {
      const auto g = p.gaps.find(a.urn);
      const std::vector<std::string> row{std::to_string(a.urn), a.name, p.policy_path, p.regime, p.version,
                                         p.adopted ? "yes" : "no", a.level, joined(a.reasons, " | "),
                                         g == p.gaps.end() ? "" : g->second.sentence()};
      for (std::size_t i = 0; i < row.size(); ++i) o << (i ? "," : "") << csv_field(row[i]);
      o << "\r\n";
    }
  return o.str();
}

}  // namespace

/// A level as the policy's scale names it ("Early Intervention"); its id when the scale has no such level.
std::string level_label(const ComparedPolicy& p, const std::string& level) {
  for (const auto& [id, words] : p.scale)
    if (id == level) return words;
  return level;
}

std::pair<std::vector<std::string>, std::vector<std::string>> table_sides(const CompareRun& run, const LevelTable& t) {
  const ComparedPolicy& adopted = run.policies.front();
  const ComparedPolicy& other = run.policies[t.other];
  std::vector<std::string> rows, cols;
  for (const auto& [key, n] : t.counts) {
    if (std::find(rows.begin(), rows.end(), key.first) == rows.end()) rows.push_back(key.first);
    if (std::find(cols.begin(), cols.end(), key.second) == cols.end()) cols.push_back(key.second);
  }
  auto order = [](const ComparedPolicy& p) {
    return [&p](const std::string& x, const std::string& y) { return std::pair(rank(p, x), x) < std::pair(rank(p, y), y); };
  };
  std::sort(rows.begin(), rows.end(), order(adopted));
  std::sort(cols.begin(), cols.end(), order(other));
  return {rows, cols};
}

int table_count(const LevelTable& t, const std::string& adopted_level, const std::string& other_level) {
  auto it = t.counts.find({adopted_level, other_level});
  return it == t.counts.end() ? 0 : it->second;
}

std::string crosswalk_sentence(const LevelTable& t) {
  if (!t.crosswalk) return "No crosswalk between these regimes: the levels are counted, not matched.";
  return "Crosswalk: " + *t.crosswalk + ". At the same place: " + std::to_string(t.agree) +
         "; at another: " + std::to_string(t.differ) + ".";
}

nlohmann::json to_json(const CompareRun& run) {
  auto policies = nlohmann::json::array();
  for (const auto& p : run.policies) {
    auto schools = nlohmann::json::array();
    for (const auto& a : p.run.schools) {
      auto j = to_json(a);
      if (auto g = p.gaps.find(a.urn); g != p.gaps.end())
        j["evidence"] = {{"rated", {{"wanted", g->second.rated.wanted}, {"missing", g->second.rated.missing}}},
                         {"measured", {{"wanted", g->second.measured.wanted}, {"missing", g->second.measured.missing}}},
                         {"summary", g->second.sentence()}};
      schools.push_back(std::move(j));
    }
    auto workload = nlohmann::json::array();
    for (const auto& [term, types] : p.workload)
      for (const auto& [type, n] : types) workload.push_back({{"term", term}, {"type", type}, {"activities", n}});
    policies.push_back({{"policy", p.policy_path}, {"regime", p.regime}, {"version", p.version}, {"adopted", p.adopted},
                        {"planned_from", p.run.planned_from}, {"schools", schools}, {"workload", workload}});
  }
  auto tables = nlohmann::json::array();
  for (const auto& t : run.tables) {
    auto cells = nlohmann::json::array();
    for (const auto& [key, n] : t.counts) cells.push_back({{"adopted", key.first}, {"other", key.second}, {"schools", n}});
    auto areas = nlohmann::json::array();
    for (const auto& a : t.areas)
      areas.push_back({{"area", a.area}, {"from", a.from}, {"same", a.agree}, {"different", a.differ},
                       {"unmatched", a.unmatched}});
    tables.push_back({{"other", run.policies[t.other].policy_path},
                      {"crosswalk", t.crosswalk ? nlohmann::json(*t.crosswalk) : nlohmann::json()},
                      {"same", t.crosswalk ? nlohmann::json(t.agree) : nlohmann::json()},
                      {"different", t.crosswalk ? nlohmann::json(t.differ) : nlohmann::json()},
                      {"cells", cells},
                      {"areas", areas}});
  }
  return {{"body", run.body_id}, {"period", run.period}, {"policies", policies}, {"tables", tables}};
}

std::string render_compare(const CompareRun& run, const std::string& format) {
  if (format == "json") return to_json(run).dump(2) + "\n";
  if (format == "csv") return csv(run);
  if (format == "html") return html(run);
  return markdown(run);
}

}  // namespace trellis
