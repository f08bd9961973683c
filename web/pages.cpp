// The dashboard's pages: kernel views turned into mustache data. No rule here:
// what a person may see is decided by the views (trellis/views.hpp).
#include <algorithm>
#include <set>
#include <sstream>
#include <stdexcept>
#include <tuple>
#include <unordered_map>

#include "charts.hpp"
#include "dashboard.hpp"
#include "templates.hpp"
#include "trellis/activity_changes.hpp"
#include "trellis/bodies.hpp"
#include "trellis/error.hpp"
#include "trellis/people.hpp"
#include "trellis/schedule/ics.hpp"
#include "trellis/views.hpp"

namespace trellis::web {

std::map<std::string, std::string> level_colours(PluginHost& host, const std::string& regime) {
  std::map<std::string, std::string> out;
  try {
    for (const auto& scale : host.description(regime).scales)
      for (const auto& l : scale.levels) out.emplace(l.id, l.colour);
  } catch (const std::exception&) {
    // No plugin: the levels are shown in words, uncoloured.
  }
  return out;
}

namespace {

const sdk::RegimeDescription* description(PluginHost& host, const std::string& regime) {
  try {
    return &host.description(regime);
  } catch (const std::exception&) {
    return nullptr;
  }
}

}  // namespace

Data level_cell(const std::string& label, const std::string& colour) {
  Data d;
  d.set("label", text(label.empty() ? "–" : label));
  d.set("fill", text(cell_fill_svg(colour)));
  d.set("tone", text(safe_colour(colour).empty() ? "" : dark_text_on(colour) ? "on-light" : "on-dark"));
  return d;
}

Data period_links(const std::vector<Period>& periods, const std::string& current) {
  Data out = list();
  for (const auto& p : periods) {
    Data d;
    d.set("name", text(p.to_string()));
    d.set("current", p.to_string() == current);
    out.push_back(d);
  }
  return out;
}

std::vector<std::unordered_map<std::int64_t, const AreaSchool*>> area_schools_by_urn(const Report& r) {
  std::vector<std::unordered_map<std::int64_t, const AreaSchool*>> out(r.areas.size());
  for (std::size_t i = 0; i < r.areas.size(); ++i)
    for (const auto& s : r.areas[i].schools) out[i][s.urn] = &s;
  return out;
}

std::string area_level(const AreaSection& area, const AreaSchool& school, const std::string& compared) {
  for (const auto& rt : school.ratings) {
    if (rt.indicator || rt.subject != area.area) continue;
    for (std::size_t i = 0; i < area.stages.size() && i < rt.levels.size(); ++i)
      if (area.stages[i] == compared && !rt.levels[i].empty()) return rt.levels[i];
    for (std::size_t i = std::min(area.stages.size(), rt.levels.size()); i-- > 0;)
      if (!rt.levels[i].empty()) return rt.levels[i];
  }
  return "";
}

namespace {

std::string value_text(const EvidenceItem& e) {
  if (e.value) {
    std::string v = std::to_string(*e.value);
    v.erase(v.find_last_not_of('0') + 1);
    if (!v.empty() && v.back() == '.') v.pop_back();
    return v + (e.unit == "%" ? "%" : "");
  }
  if (e.text) return *e.text;
  return e.missing ? "(" + *e.missing + ")" : "";
}

std::string academic_year_of(Date d) {
  const int y = d.month() >= 9 ? d.year() : d.year() - 1;
  return Period::year(y).to_string();
}

}  // namespace

std::string OverdueAtSchool::by_type() const {
  std::string out;
  for (const auto& [type, n] : types) {
    std::string words = type;
    std::replace(words.begin(), words.end(), '_', ' ');
    out += (out.empty() ? "" : ", ") + words + " (" + std::to_string(n) + ")";
  }
  return out;
}

std::vector<OverdueAtSchool> overdue_by_school(const std::vector<ReportActivity>& activities) {
  return overdue_by_school([&](const std::function<void(const ReportActivity&)>& fn) {
    for (const auto& a : activities) fn(a);
  });
}

std::vector<OverdueAtSchool> overdue_by_school(const ReportActivities& activities) {
  return overdue_by_school([&](const std::function<void(const ReportActivity&)>& fn) { activities.each_overdue(fn); });
}

std::vector<OverdueAtSchool> overdue_by_school(
    const std::function<void(const std::function<void(const ReportActivity&)>&)>& each) {
  std::vector<OverdueAtSchool> out;
  // Each school's place in `out`, by URN (-1: the body's own): a country's year is not searched line by line (issue 18).
  std::unordered_map<std::int64_t, std::size_t> place;
  // A line's place in the report's order (by date, a deadline by its due date; then start, school, id), and
  // of each school its first line's: lines may come in any order (ReportActivities::each_overdue).
  using Order = std::tuple<std::string, std::string, std::optional<std::int64_t>, std::int64_t>;
  std::vector<Order> first;
  each([&](const ReportActivity& a) {
    if (a.status != "overdue") return;
    const auto [found, added] = place.try_emplace(a.urn.value_or(-1), out.size());
    Order order{a.due.value_or(a.start), a.start, a.urn, a.id};
    if (added) {
      out.push_back(OverdueAtSchool{a.urn, a.school, "", 0, {}});
      first.push_back(std::move(order));
    } else if (order < first[found->second]) {
      first[found->second] = std::move(order);
    }
    const auto at = out.begin() + static_cast<std::ptrdiff_t>(found->second);
    const std::string& due = a.due ? *a.due : a.end;
    if (at->oldest_due.empty() || due < at->oldest_due) at->oldest_due = due;
    ++at->activities;
    ++at->types[a.type];
  });
  // The most overdue first, then the longest overdue; then by name, then in the report's order.
  std::vector<std::size_t> ranked(out.size());
  for (std::size_t i = 0; i < ranked.size(); ++i) ranked[i] = i;
  std::stable_sort(ranked.begin(), ranked.end(), [&](std::size_t i, std::size_t j) {
    const OverdueAtSchool &x = out[i], &y = out[j];
    return std::tie(y.activities, x.oldest_due, x.school, first[i]) < std::tie(x.activities, y.oldest_due, y.school, first[j]);
  });
  std::vector<OverdueAtSchool> sorted;
  sorted.reserve(out.size());
  for (const std::size_t i : ranked) sorted.push_back(std::move(out[i]));
  return sorted;
}

std::string render(const std::string& name, const Data& data) {
  const auto& all = templates();
  const auto it = all.find(name);
  if (it == all.end()) throw std::logic_error("no template " + name);
  kainjow::mustache::mustache t(it->second);
  if (!t.is_valid()) throw std::logic_error(name + ": " + t.error_message());
  return t.render(data);
}

Page home_page(Context& c) {
  Data bodies = list();
  const auto readable = readable_bodies(c.db, c.actor, c.today.to_string());
  for (const auto& b : list_bodies(c.db, c.today.to_string())) {
    if (std::find(readable.begin(), readable.end(), b.body.id) == readable.end()) continue;
    Data d;
    d.set("id", text(b.body.id));
    d.set("name", text(b.body.name));
    d.set("kind", text(b.body.kind));
    d.set("regime", text(b.regime.value_or("none adopted")));
    d.set("schools", text(std::to_string(b.schools)));
    bodies.push_back(d);
  }
  Data d;
  d.set("bodies", bodies);
  d.set("has_bodies", !readable.empty());
  return {"Bodies", "home.mustache", d};
}

void write_heat_rows(std::ostream& out, const Report& r, const std::map<std::string, std::string>& colours, bool pack) {
  kainjow::mustache::mustache row_template(templates().at("heat_row.mustache"));
  const auto area_of = area_schools_by_urn(r);
  for (const auto& s : r.schools) {
    Data row;
    row.set("pack", pack);
    row.set("urn", text(std::to_string(s.assessment.urn)));
    row.set("name", text(s.assessment.name));
    row.set("body", text(r.body.id));
    row.set("period", text(r.period));
    Data cells = list();
    const auto colour = colours.find(s.assessment.level);
    cells.push_back(level_cell(s.assessment.insufficient() ? kInsufficientEvidenceLabel
                                                           : r.words.level("overall", s.assessment.level),
                               colour == colours.end() ? "" : colour->second));
    for (std::size_t i = 0; i < r.areas.size(); ++i) {
      const auto& a = r.areas[i];
      std::string level;
      if (const auto as = area_of[i].find(s.assessment.urn); as != area_of[i].end())
        level = area_level(a, *as->second, r.compared_stage);
      const auto ac = colours.find(level);
      cells.push_back(level_cell(level.empty() ? "" : r.words.level(a.area, level), ac == colours.end() ? "" : ac->second));
    }
    row.set("cells", cells);
    out << row_template.render(row);
  }
}

Page body_page(Context& c, const std::string& body_id, const std::optional<std::string>& period, const Report* read) {
  const Body body = require_body(c.db, body_id);
  const auto periods = assessed_periods(c.db, body_id, c.today.to_string());
  if (!may_read_body(c.actor, body_id))  // before saying which periods there are
    refuse_read(c.db, c.actor, c.clock, body_id, std::nullopt, "read the report of " + body_id);
  if (periods.empty() && !period)
    throw UsageError("nothing has been assessed for " + body_id, Remedy::assess_first(body_id, ""));
  const Period p = period ? Period::parse(*period) : periods.back();
  std::optional<Report> own;  // a country's report is read once, not once per page that shows it (issue 18)
  if (!read || read->period != p.to_string()) own.emplace(read_body_report(c.db, c.host, c.actor, c.clock, body_id, p, c.today));
  const Report& r = own ? *own : *read;
  const auto colours = level_colours(c.host, r.regime);
  const bool board = reported_stage_only(c.actor);

  Data d;
  d.set("name", text(body.name));
  d.set("body", text(body_id));
  d.set("period", text(r.period));
  d.set("regime_name", text(r.regime_name));
  d.set("policy_version", text(r.policy_version));
  d.set("shown_stage", text(board ? r.reported_stage : r.compared_stage.empty() ? "the latest held" : r.compared_stage));
  d.set("board", board);
  d.set("periods", period_links(periods, r.period));
  d.set("has_periods", !periods.empty());

  Data counts = list();
  for (const auto& lc : r.counts) {
    Data x;
    x.set("label", text(lc.label));
    x.set("schools", text(std::to_string(lc.schools)));
    x.set("swatch", text(safe_colour(lc.colour).empty()
                             ? ""
                             : "<svg aria-hidden=\"true\" viewBox=\"0 0 1 1\"><rect width=\"1\" height=\"1\" fill=\"" +
                                   safe_colour(lc.colour) + "\"/></svg>"));
    counts.push_back(x);
  }
  d.set("counts", counts);

  // The heat map: overall, then each area the regime rates.
  Data columns = list();
  Data overall;
  overall.set("label", text("Overall"));
  columns.push_back(overall);
  for (const auto& a : r.areas) {
    Data col;
    col.set("label", text(a.label));
    columns.push_back(col);
  }
  d.set("columns", columns);
  if (read && !own) d.set("heat_rows", text(std::string(kHeatRows)));  // the pack writes them, a school at a time
  else {
    std::ostringstream rows;
    write_heat_rows(rows, r, colours, false);
    d.set("heat_rows", text(rows.str()));
  }

  // The trend: counts by level in each period assessed, through the same view.
  std::vector<TrendPeriod> trend;
  std::vector<std::string> trend_levels;
  for (const auto& tp : periods) {
    std::optional<Report> other;  // another period's, read in its turn; this one's is not copied
    if (tp != p) other.emplace(read_body_report(c.db, c.host, c.actor, c.clock, body_id, tp, c.today));
    const Report& tr = other ? *other : r;
    TrendPeriod t{tp.to_string(), {}};
    for (const auto& lc : tr.counts) {
      t.levels.push_back({lc.label, lc.colour, lc.schools});
      if (std::find(trend_levels.begin(), trend_levels.end(), lc.label) == trend_levels.end())
        trend_levels.push_back(lc.label);
    }
    trend.push_back(t);
  }
  d.set("trend", text(trend_svg(trend, "Schools at each level of " + body.name + ", period by period")));
  Data levels_header = list();
  for (const auto& l : trend_levels) levels_header.push_back(text(l));
  d.set("trend_levels", levels_header);
  Data trend_rows = list();
  for (const auto& t : trend) {
    Data tr;
    tr.set("period", text(t.period));
    Data cs = list();
    for (const auto& l : trend_levels) {
      int n = 0;
      for (const auto& x : t.levels)
        if (x.label == l) n = x.schools;
      cs.push_back(text(std::to_string(n)));
    }
    tr.set("counts", cs);
    trend_rows.push_back(tr);
  }
  d.set("trend_rows", trend_rows);

  Data changes = list();
  for (const ReportSchool* s : r.changes()) {
    Data x;
    x.set("urn", text(std::to_string(s->assessment.urn)));
    x.set("name", text(s->assessment.name));
    x.set("body", text(body_id));
    x.set("period", text(r.period));
    x.set("from", text(r.words.level("overall", s->assessment.previous_level.value_or(""))));
    x.set("to", text(r.words.level("overall", s->assessment.level)));
    changes.push_back(x);
  }
  d.set("has_changes", !r.changes().empty());
  d.set("changes", changes);

  const auto overdue = overdue_by_school(r.activities);
  const std::string year = Period::parse(r.period).academic_year().to_string();
  Data& overdue_rows = list_in(d, "overdue");
  OverdueAtSchool all;  // the body's totals, by type
  for (const auto& o : overdue) {
    all.activities += o.activities;
    for (const auto& [type, n] : o.types) all.types[type] += n;
    Data x = fields({{"name", o.urn ? o.school : "Body-wide: " + body.name}, {"by_type", o.by_type()},
                     {"oldest", o.oldest_due}, {"count", std::to_string(o.activities)}, {"body", body_id},
                     {"period", r.period}, {"year", year}});
    if (o.urn) x.set("urn", text(std::to_string(*o.urn)));
    else x.set("urn", false);
    overdue_rows.push_back(x);
  }
  d.set("has_overdue", !overdue.empty());
  d.set("overdue_summary", text(std::to_string(all.activities) + (all.activities == 1 ? " activity" : " activities") + " of " +
                                r.period + " overdue at " + std::to_string(overdue.size()) +
                                (overdue.size() == 1 ? " place" : " places") + ": " + all.by_type() + "."));
  return {body.name + " " + r.period, "body.mustache", std::move(d)};
}

Page school_page(Context& c, std::int64_t urn, const std::optional<std::string>& body,
                 const std::optional<std::string>& period) {
  const std::optional<Period> asked = period ? std::optional(Period::parse(*period)) : std::nullopt;
  const SchoolView v = read_school(c.db, c.host, c.actor, c.clock, urn, body, asked, c.today);
  Data d;
  d.set("urn", text(std::to_string(urn)));
  d.set("name", text(v.school.name));
  d.set("phase", text(v.school.phase));
  d.set("type", text(v.school.type));
  d.set("body", text(v.body));
  d.set("period", text(v.period.to_string()));
  d.set("periods", period_links(v.periods, v.period.to_string()));
  d.set("has_periods", !v.periods.empty());
  d.set("csrf", text(c.csrf));
  d.set("today", text(c.today.to_string()));

  std::string regime;
  if (v.line) {
    const auto& a = v.line->assessment;
    regime = a.regime;
    const auto colours = level_colours(c.host, a.regime);
    const auto colour = colours.find(a.level);
    Data line = level_cell(a.insufficient() ? kInsufficientEvidenceLabel : v.words.level("overall", a.level),
                           colour == colours.end() ? "" : colour->second);
    line.set("level", text(a.insufficient() ? kInsufficientEvidenceLabel : v.words.level("overall", a.level)));
    line.set("computed", text(v.words.level("overall", a.computed_level)));
    if (a.decision)
      line.set("decided", text(v.words.level("overall", a.decision->level) + " at stage " + a.decision->stage + ", by " +
                               a.decision->by + " on " + a.decision->on +
                               (a.decision->rationale.empty() ? "" : ": " + a.decision->rationale)));
    line.set("previous", text(a.previous_level ? v.words.level("overall", *a.previous_level) : "none"));
    Data reasons = list();
    for (const auto& reason : v.line->reasons) reasons.push_back(text(reason));
    line.set("reasons", reasons);
    d.set("line", line);
  }

  Data ratings = list();
  for (const auto& rt : v.ratings) {
    ratings.push_back(fields({{"stage", rt.stage}, {"subject", v.words.subject(rt.subject)},
                              {"level", v.words.level(rt.subject, rt.level)}, {"by", rt.by}, {"at", rt.at},
                              {"rationale", rt.rationale}}));
  }
  d.set("ratings", ratings);
  d.set("has_ratings", !v.ratings.empty());
  d.set("stage_note", reported_stage_only(c.actor));

  // The rating form offers the stages this person may record; the kernel checks again.
  if (const auto* desc = v.line ? description(c.host, regime) : nullptr) {
    Data stages = list();
    bool any = false;
    for (const auto& st : desc->stages) {
      if (st.id == "computed" || !may_record_stage(c.actor, st.roles, v.body, urn)) continue;
      any = true;
      Data x;
      x.set("id", text(st.id));
      x.set("label", text(st.label.empty() ? st.id : st.label));
      stages.push_back(x);
    }
    Data subjects = list();
    Data o;
    o.set("id", text("overall"));
    o.set("label", text("Overall"));
    subjects.push_back(o);
    for (const auto& a : desc->areas) {
      Data x;
      x.set("id", text(a.id));
      x.set("label", text(a.label));
      subjects.push_back(x);
    }
    Data levels = list();
    std::set<std::string> seen;
    for (const auto& scale : desc->scales)
      for (const auto& l : scale.levels)
        if (seen.insert(l.id).second) {
          Data x;
          x.set("id", text(l.id));
          x.set("label", text(l.label + (scale.id == desc->overall_scale ? "" : " (" + scale.label + ")")));
          levels.push_back(x);
        }
    d.set("can_rate", any);
    d.set("stages", stages);
    d.set("subjects", subjects);
    d.set("levels", levels);
  }

  const bool officer = c.actor.role == Role::admin || (c.actor.role == Role::officer && (c.actor.body.empty() || c.actor.body == v.body));
  Data activities = list();
  for (const auto& a : v.activities) {
    Data x;
    x.set("id", text(std::to_string(a.id)));
    x.set("title", text(a.title));
    x.set("start", text(a.start));
    x.set("end", text(a.end));
    x.set("due", text(a.due.value_or("")));
    x.set("status", text(a.status));
    x.set("open", a.status == "planned" || a.status == "moved" || a.status == "overdue");
    x.set("csrf", text(c.csrf));
    x.set("today", text(c.today.to_string()));
    activities.push_back(x);
  }
  d.set("activities", activities);
  d.set("has_activities", !v.activities.empty());
  d.set("can_mark", officer);

  Data notes = list();
  for (const auto& n : v.notes) {
    Data x;
    x.set("id", text(std::to_string(n.id)));
    x.set("activity", text(n.activity_title));
    x.set("status", text(status_name(n.status)));
    x.set("text", text(n.file ? "(kept as the file " + *n.file + ")" : n.agreed_text()));
    Data steps = list();
    for (const auto& s : n.steps) {
      steps.push_back(fields({{"step", s.step}, {"by", s.by}, {"role", s.role}, {"at", s.at}, {"comment", s.comment}}));
    }
    x.set("steps", steps);
    x.set("can_respond", n.status == NoteStatus::sent && c.actor.role == Role::head && c.actor.school == urn);
    x.set("csrf", text(c.csrf));
    notes.push_back(x);
  }
  d.set("notes", notes);
  d.set("has_notes", !v.notes.empty());
  d.set("can_review", v.line.has_value() && (officer || (c.actor.role == Role::head && c.actor.school == urn)));

  Data evidence = list();
  for (const auto& e : v.evidence) {
    const std::string source =
        e.source + (e.line ? ":" + std::to_string(*e.line) : "") + (e.recorded_by ? " (" + *e.recorded_by + ")" : "");
    evidence.push_back(fields({{"period", e.period}, {"label", e.label}, {"value", value_text(e)}, {"source", source},
                               {"recorded", e.recorded_at}}));
  }
  d.set("evidence", evidence);
  d.set("has_evidence", !v.evidence.empty());

  Data history = list();
  for (const auto& e : v.history.events) {
    history.push_back(fields({{"date", e.date}, {"kind", e.kind}, {"body", e.body_id}, {"summary", e.summary}}));
  }
  d.set("history", history);
  return {v.school.name, "school.mustache", d};
}

namespace {

/// The academic year asked for (any period within it), else today's.
std::string calendar_year(const Context& c, const std::optional<std::string>& year) {
  return year ? Period::parse(*year).academic_year().to_string() : academic_year_of(c.today);
}

}  // namespace

Page calendar_page(Context& c, const std::string& body_id, const std::optional<std::string>& year,
                   std::optional<std::int64_t> urn, const std::string& show) {
  const Body body = require_body(c.db, body_id);
  const std::string y = calendar_year(c, year);
  const auto activities = read_calendar(c.db, c.actor, c.clock, body_id, y, urn);
  Data rows = list();
  bool any = false;
  for (const auto& a : activities) {
    const std::string status = status_on(a, c.today);
    if (show == "overdue" && status != "overdue") continue;
    if (show == "upcoming" && (status == "overdue" || !to_happen(a.status) || deadline_of(a) < c.today)) continue;
    any = true;
    rows.push_back(fields({{"id", a.id ? std::to_string(*a.id) : ""}, {"school", a.school.value_or(body.name)},
                           {"title", a.title}, {"start", a.start.to_string()}, {"end", a.end.to_string()},
                           {"due", a.due ? a.due->to_string() : ""}, {"status", status}}));
  }
  Data d;
  d.set("name", text(body.name));
  d.set("body", text(body_id));
  d.set("year", text(y));
  if (urn) d.set("school", text(std::to_string(*urn)));
  d.set("all", show != "overdue" && show != "upcoming");
  d.set("upcoming", show == "upcoming");
  d.set("overdue", show == "overdue");
  d.set("ics", text("/calendar/" + body_id + ".ics?year=" + y + (urn ? "&school=" + std::to_string(*urn) : "")));
  d.set("activities", rows);
  d.set("has_activities", any);
  return {"Calendar " + body.name + " " + y, "calendar.mustache", d};
}

std::string calendar_ics(Context& c, const std::string& body_id, const std::optional<std::string>& year,
                         std::optional<std::int64_t> urn) {
  const Body body = require_body(c.db, body_id);
  const std::string y = calendar_year(c, year);
  const auto activities = read_calendar(c.db, c.actor, c.clock, body_id, y, urn);
  IcsOptions ics{body.name + " " + y + (urn ? " (school " + std::to_string(*urn) + ")" : ""), c.clock.timestamp()};
  body_event_times(c.db, body_id, c.today, y, ics);
  return to_ics(activities, ics);
}

}  // namespace trellis::web
