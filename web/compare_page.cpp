// The compare page: the body's policy and another framework side by side on
// the same evidence, through the use case `trellis compare` runs (read_compare).
#include <algorithm>
#include <set>

#include "dashboard.hpp"
#include "trellis/bodies.hpp"
#include "trellis/compare_render.hpp"
#include "trellis/error.hpp"
#include "trellis/views.hpp"

namespace trellis::web {
namespace {

/// "nexus.toml, nexus-mat 2019-20.1, adopted by nexus from 2019-01-01": the file's name only, never the server's path.
std::string choice_label(const Adoption& a) {
  return a.policy_path.filename().string() + ": " + a.regime + " " + a.version + ", adopted by " + a.body_id +
         " from " + a.from_date;
}

std::string regime_name(PluginHost& host, const std::string& regime) {
  try {
    return host.description(regime).name;
  } catch (const std::exception&) {
    return regime;
  }
}

/// One policy's column heading.
Data policy_data(PluginHost& host, const ComparedPolicy& p) {
  Data d;
  d.set("name", text(regime_name(host, p.regime)));
  d.set("version", text(p.version));
  d.set("file", text(std::filesystem::path(p.policy_path).filename().string()));
  d.set("adopted", p.adopted);
  return d;
}

/// "self 6 · moderated 6": how many ratings are held at each stage, in the order met.
std::string held_by_stage(const SchoolAssessment& a) {
  std::vector<std::pair<std::string, int>> counts;
  for (const auto& r : a.recorded) {
    auto it = std::find_if(counts.begin(), counts.end(), [&](const auto& c) { return c.first == r.stage; });
    if (it == counts.end()) counts.emplace_back(r.stage, 1);
    else ++it->second;
  }
  std::string out;
  for (const auto& [stage, n] : counts) out += (out.empty() ? "" : " · ") + stage + " " + std::to_string(n);
  return out;
}

/// A school's line under one policy: its level (coloured, in words), reasons and the evidence it lacked.
Data school_cell(const ComparedPolicy& p, const SchoolAssessment& a, const std::map<std::string, std::string>& colours) {
  const auto colour = colours.find(a.level);
  Data d = level_cell(a.insufficient() ? kInsufficientEvidenceLabel : level_label(p, a.level),
                      colour == colours.end() ? "" : colour->second);
  if (a.decision) d.set("decided", text(a.decision->stage + ", by " + a.decision->by + " on " + a.decision->on));
  if (a.computed_level != a.level) d.set("computed", text(level_label(p, a.computed_level)));
  if (auto note = a.switch_note()) d.set("switch", text(*note));
  Data reasons = list();
  for (const auto& r : a.reasons) reasons.push_back(text(r));
  d.set("reasons", reasons);
  d.set("has_reasons", !a.reasons.empty());
  d.set("reason_count", text(std::to_string(a.reasons.size()) + (a.reasons.size() == 1 ? " reason" : " reasons")));
  if (auto g = p.gaps.find(a.urn); g != p.gaps.end()) d.set("evidence", text(g->second.sentence()));
  if (const std::string held = p.adopted ? held_by_stage(a) : ""; !held.empty()) d.set("held", text(held));
  return d;
}

}  // namespace

Page compare_page(Context& c, const std::string& body_id, const std::optional<std::string>& period,
                  const std::optional<std::string>& with, std::optional<std::int64_t> urn) {
  const Body body = require_body(c.db, body_id);
  // Before saying which periods and policies there are.
  require_read(c.db, c.actor, c.clock, body_id, urn, "compare frameworks for");
  const auto periods = assessed_periods(c.db, body_id, c.today.to_string());
  if (periods.empty() && !period)
    throw UsageError("nothing has been assessed for " + body_id, Remedy::assess_first(body_id, ""));
  const Period p = period ? Period::parse(*period) : periods.back();
  const auto choices = comparable_policies(c.db, body_id, p, c.today.to_string());

  Data d;
  d.set("name", text(body.name));
  d.set("body", text(body_id));
  d.set("period", text(p.to_string()));
  d.set("periods", period_links(periods, p.to_string()));
  if (urn) d.set("school", text(std::to_string(*urn)));
  d.set("board", reported_stage_only(c.actor));

  const Adoption* other = choices.empty() ? nullptr : &choices.front();
  if (with) {
    const auto it = std::find_if(choices.begin(), choices.end(), [&](const Adoption& a) { return std::to_string(a.id) == *with; });
    if (it == choices.end())
      throw UsageError("with: expected one of the policies offered to compare with, found \"" + with->substr(0, 32) + "\"");
    other = &*it;
  }
  Data options = list();
  for (const auto& a : choices) {
    Data x;
    x.set("id", text(std::to_string(a.id)));
    x.set("label", text(choice_label(a)));
    x.set("selected", &a == other);
    options.push_back(x);
  }
  d.set("choices", options);
  d.set("has_choices", other != nullptr);
  d.set("with", text(other ? std::to_string(other->id) : ""));
  if (!other) return {"Compare " + body.name, "compare.mustache", d};

  const CompareRun run = read_compare(c.db, c.host, c.actor, c.clock, {body_id, p, {other->policy_path}, urn});
  const ComparedPolicy& adopted = run.policies.front();
  const ComparedPolicy& beside = run.policies.at(1);
  Data policies = list();
  for (const auto& cp : run.policies) policies.push_back(policy_data(c.host, cp));
  d.set("policies", policies);
  d.set("adopted_name", text(regime_name(c.host, adopted.regime)));
  d.set("other_name", text(regime_name(c.host, beside.regime)));

  // Level against level: the adopted policy's levels (rows) by the other's (columns).
  const LevelTable& table = run.tables.front();
  const auto [rows, cols] = table_sides(run, table);
  Data header = list();
  for (const auto& col : cols) header.push_back(text(level_label(beside, col)));
  d.set("table_header", header);
  Data table_rows = list();
  for (const auto& row : rows) {
    Data r;
    r.set("label", text(level_label(adopted, row)));
    Data counts = list();
    for (const auto& col : cols) counts.push_back(text(std::to_string(table_count(table, row, col))));
    r.set("counts", counts);
    table_rows.push_back(r);
  }
  d.set("table_rows", table_rows);
  d.set("crosswalk", text(crosswalk_sentence(table)));

  // The workload: each term and activity type either policy plans, with how many under each.
  std::set<std::pair<std::string, std::string>> kinds;
  for (const auto& cp : run.policies)
    for (const auto& [term, types] : cp.workload)
      for (const auto& [type, n] : types) kinds.emplace(term, type);
  Data workload = list();
  for (const auto& [term, type] : kinds) {
    Data w;
    w.set("term", text(term));
    w.set("type", text(type));
    Data counts = list();
    for (const auto& cp : run.policies) {
      int n = 0;
      if (const auto t = cp.workload.find(term); t != cp.workload.end())
        if (const auto k = t->second.find(type); k != t->second.end()) n = k->second;
      counts.push_back(text(std::to_string(n)));
    }
    w.set("counts", counts);
    workload.push_back(w);
  }
  d.set("workload", workload);
  d.set("has_workload", !kinds.empty());

  // Each school under both, on one row.
  std::vector<std::map<std::string, std::string>> colours;
  for (const auto& cp : run.policies) colours.push_back(level_colours(c.host, cp.regime));
  Data schools = list();
  for (const auto& s : adopted.run.schools) {
    Data row;
    row.set("urn", text(std::to_string(s.urn)));
    row.set("name", text(s.name));
    Data cells = list();
    for (std::size_t i = 0; i < run.policies.size(); ++i) {
      const auto& cp = run.policies[i];
      const auto a = std::find_if(cp.run.schools.begin(), cp.run.schools.end(), [&](const auto& x) { return x.urn == s.urn; });
      cells.push_back(a == cp.run.schools.end() ? level_cell("not assessed", "") : school_cell(cp, *a, colours[i]));
    }
    row.set("cells", cells);
    schools.push_back(row);
  }
  d.set("schools", schools);
  return {"Compare " + body.name + " " + p.to_string(), "compare.mustache", d};
}

}  // namespace trellis::web
