// The report as data: CSV (a row per school) and JSON (the whole report).
#include <algorithm>
#include <nlohmann/json.hpp>
#include <sstream>

#include "trellis/assessment_json.hpp"
#include "trellis/json_stream.hpp"
#include "trellis/report.hpp"
#include "trellis/text.hpp"

namespace trellis {
namespace {

nlohmann::json opt(const std::optional<std::string>& v) { return v ? nlohmann::json(*v) : nlohmann::json(); }

/// The letter's file name (never a path of the machine that stored it): `trellis letters -o DIR` writes it to DIR.
nlohmann::json letter_file(const ReportSchool& s) { return s.letter ? nlohmann::json(s.letter->file) : nlohmann::json(); }
nlohmann::json letter_id(const ReportSchool& s) { return s.letter ? nlohmann::json(s.letter->id) : nlohmann::json(); }

nlohmann::json stages_json(const AreaSection& a) {
  auto stages = nlohmann::json::array();
  for (std::size_t i = 0; i < a.stages.size(); ++i) stages.push_back({{"id", a.stages[i]}, {"label", a.stage_labels[i]}});
  return stages;
}

nlohmann::json area_school_json(const AreaSection& a, const AreaSchool& s) {
  auto ratings = nlohmann::json::array();
  for (auto& rt : s.ratings) {
    nlohmann::json levels = nlohmann::json::object();
    for (std::size_t i = 0; i < a.stages.size(); ++i)
      levels[a.stages[i]] = rt.levels[i].empty() ? nlohmann::json() : nlohmann::json(rt.levels[i]);
    const std::string against = to_string(rt.against_self);
    ratings.push_back({{"subject", rt.subject}, {"indicator", rt.indicator}, {"levels", levels},
                       {"against_self", against.empty() ? nlohmann::json() : nlohmann::json(against)},
                       {"rationale", rt.rationale}, {"by", rt.by}});
  }
  return {{"urn", s.urn}, {"name", s.name}, {"college", s.college}, {"central_support", opt(s.central_support)},
          {"ratings", ratings}};
}

void put_bool(std::string& out, bool b) { out += b ? "true" : "false"; }

/// put_nested(area_school_json(a, s), depth), written directly: a country's
/// schools times the regime's areas (issue 18).
void put_area_school(std::string& out, const AreaSection& a, const AreaSchool& s, int depth) {
  // The stages' levels as an object keeps them: by id, the last of a repeated id.
  std::vector<std::size_t> stages(a.stages.size());
  for (std::size_t i = 0; i < stages.size(); ++i) stages[i] = i;
  std::stable_sort(stages.begin(), stages.end(), [&](std::size_t x, std::size_t y) { return a.stages[x] < a.stages[y]; });
  for (std::size_t i = 0; i + 1 < stages.size();)
    if (a.stages[stages[i]] == a.stages[stages[i + 1]]) stages.erase(stages.begin() + static_cast<std::ptrdiff_t>(i));
    else ++i;
  PrettyObject o(out, depth);
  put_optional(o.key("central_support"), s.central_support);
  put_bool(o.key("college"), s.college);
  put_string(o.key("name"), s.name);
  put_list(o.key("ratings"), s.ratings, depth + 1, [&](std::string& out, const AreaRating& rt, int at) {
    PrettyObject r(out, at);
    put_text_or_null(r.key("against_self"), to_string(rt.against_self));
    put_string(r.key("by"), rt.by);
    put_bool(r.key("indicator"), rt.indicator);
    PrettyObject levels(r.key("levels"), at + 1);
    for (const std::size_t i : stages) put_text_or_null(levels.key(a.stages[i]), rt.levels[i]);
    levels.close();
    put_string(r.key("rationale"), rt.rationale);
    put_string(r.key("subject"), rt.subject);
    r.close();
  });
  o.key("urn") += std::to_string(s.urn);
  o.close();
}

nlohmann::json unrated_json(const std::pair<std::int64_t, std::string>& u) { return {{"urn", u.first}, {"name", u.second}}; }

/// {"area", "label", "stages": [{"id", "label"}], "schools": [{"urn", "name", "college", "central_support",
///  "ratings": [{"subject", "indicator", "levels": {stage: level|null}, "against_self", "rationale", "by"}]}],
///  "unrated": [{"urn", "name"}]}
nlohmann::json area_json(const AreaSection& a) {
  auto schools = nlohmann::json::array();
  for (auto& s : a.schools) schools.push_back(area_school_json(a, s));
  auto unrated = nlohmann::json::array();
  for (auto& u : a.unrated) unrated.push_back(unrated_json(u));
  return {{"area", a.area}, {"label", a.label}, {"stages", stages_json(a)}, {"schools", schools}, {"unrated", unrated}};
}

/// put_nested(area_json(a), depth), but a school at a time: an area across a
/// country's schools is never one JSON value (issue 18). Keys in dump()'s order.
void put_area(std::ostream& o, const AreaSection& a, int depth) {
  const std::string in(static_cast<std::size_t>(2 * (depth + 1)), ' ');
  o << "{\n" << in << "\"area\": ";
  put_nested(o, a.area, depth + 1);
  o << ",\n" << in << "\"label\": ";
  put_nested(o, a.label, depth + 1);
  o << ",\n" << in << "\"schools\": ";
  JsonList schools(o, depth + 1);
  std::string school;  // one school's text, its room reused
  for (auto& s : a.schools) {
    school.clear();
    put_area_school(school, a, s, depth + 2);
    schools.add_written(school);
  }
  schools.close();
  o << ",\n" << in << "\"stages\": ";
  put_nested(o, stages_json(a), depth + 1);
  o << ",\n" << in << "\"unrated\": ";
  JsonList unrated(o, depth + 1);
  for (auto& u : a.unrated) unrated.add(unrated_json(u));
  unrated.close();
  o << "\n" << std::string(static_cast<std::size_t>(2 * depth), ' ') << "}";
}

}  // namespace

void render_csv(std::ostream& o, const Report& r) {
  o << "urn,name,period,level,classified,previous_level,changed,final_level,final_by,reasons,computed_level,"
       "decided_stage,decided_on,decision_rationale,switch,review_status,review_level\r\n";
  for (auto& s : r.schools) {
    const auto& a = s.assessment;
    const ReportReview* review = nullptr;  // the school's latest review, if any
    for (auto& v : r.reviews)
      if (v.urn == a.urn) review = &v;
    std::string reasons;
    for (auto& x : s.reasons) reasons += (reasons.empty() ? "" : " | ") + x.str();
    o << a.urn << "," << csv_field(a.name) << "," << r.period << "," << csv_field(a.level) << ","
      << (a.classified ? "yes" : "no") << "," << csv_field(a.previous_level.value_or("")) << ","
      << (a.changed() ? "yes" : "no") << "," << csv_field(a.decision ? a.decision->level : "") << ","
      << csv_field(a.decision ? a.decision->by : "") << "," << csv_field(reasons) << "," << csv_field(a.computed_level) << ","
      << csv_field(a.decision ? a.decision->stage : "") << "," << csv_field(a.decision ? a.decision->on : "") << ","
      << csv_field(a.decision ? a.decision->rationale : "") << "," << csv_field(a.switch_note().value_or("")) << ","
      << csv_field(review ? review->status : "") << "," << csv_field(review ? review->outcome_level.value_or("") : "") << "\r\n";
  }
}

std::string render_csv(const Report& r) {
  std::ostringstream o;
  render_csv(o, r);
  return o.str();
}

namespace {

nlohmann::json change_json(const ReportSchool& s) {
  return {{"urn", s.assessment.urn}, {"name", s.assessment.name}, {"from", *s.assessment.previous_level},
          {"to", s.assessment.level}, {"decided", s.assessment.decision.has_value()},
          {"letter", letter_file(s)}, {"letter_id", letter_id(s)}};
}

nlohmann::json school_json(const ReportSchool& s) {
  auto ratings = nlohmann::json::array();
  for (auto& rt : s.ratings) ratings.push_back({{"subject", rt.subject}, {"level", rt.level}, {"stage", rt.stage}, {"by", rt.by}});
  auto results = nlohmann::json::array();
  for (auto& x : s.results)
    results.push_back({{"when", x.when}, {"result", x.label}, {"period", x.period}, {"value", x.value}, {"source", x.source}});
  return {{"urn", s.assessment.urn},
          {"name", s.assessment.name},
          {"level", s.assessment.level},
          {"classified", s.assessment.classified},
          {"previous_level", opt(s.assessment.previous_level)},
          {"computed_level", s.assessment.computed_level},
          {"decision", s.assessment.decision ? to_json(*s.assessment.decision) : nlohmann::json()},
          // Kept for readers of the first report shape: the decision's level and who set it.
          {"final_level", s.assessment.decision ? nlohmann::json(s.assessment.decision->level) : nlohmann::json()},
          {"final_by", s.assessment.decision ? nlohmann::json(s.assessment.decision->by) : nlohmann::json()},
          {"switch", opt(s.assessment.switch_note())},
          {"reasons", s.reasons},
          {"ratings", ratings},
          {"letter", letter_file(s)},
          {"letter_id", letter_id(s)},
          {"college", s.college},
          {"central_support", opt(s.central_support)},
          {"joined", opt(s.joined)},
          {"results", results}};
}

/// put_nested(change_json(s), depth), written directly.
void put_change(std::string& out, const ReportSchool& s, int depth) {
  PrettyObject o(out, depth);
  put_bool(o.key("decided"), s.assessment.decision.has_value());
  put_string(o.key("from"), *s.assessment.previous_level);
  put_optional(o.key("letter"), s.letter ? std::optional<std::string>(s.letter->file) : std::nullopt);
  put_optional(o.key("letter_id"), s.letter ? std::optional<std::int64_t>(s.letter->id) : std::nullopt);
  put_string(o.key("name"), s.assessment.name);
  put_string(o.key("to"), s.assessment.level);
  o.key("urn") += std::to_string(s.assessment.urn);
  o.close();
}

/// put_nested(school_json(s), depth), written directly.
void put_school(std::string& out, const ReportSchool& s, int depth) {
  const auto& a = s.assessment;
  PrettyObject o(out, depth);
  put_optional(o.key("central_support"), s.central_support);
  put_bool(o.key("classified"), a.classified);
  put_bool(o.key("college"), s.college);
  put_string(o.key("computed_level"), a.computed_level);
  if (a.decision) put_json(o.key("decision"), *a.decision, depth + 1);
  else o.key("decision") += "null";
  put_optional(o.key("final_by"), a.decision ? std::optional<std::string>(a.decision->by) : std::nullopt);
  put_optional(o.key("final_level"), a.decision ? std::optional<std::string>(a.decision->level) : std::nullopt);
  put_optional(o.key("joined"), s.joined);
  put_optional(o.key("letter"), s.letter ? std::optional<std::string>(s.letter->file) : std::nullopt);
  put_optional(o.key("letter_id"), s.letter ? std::optional<std::int64_t>(s.letter->id) : std::nullopt);
  put_string(o.key("level"), a.level);
  put_string(o.key("name"), a.name);
  put_optional(o.key("previous_level"), a.previous_level);
  put_list(o.key("ratings"), s.ratings, depth + 1, [](std::string& out, const ReportRating& rt, int at) {
    PrettyObject r(out, at);
    put_string(r.key("by"), rt.by);
    put_string(r.key("level"), rt.level);
    put_string(r.key("stage"), rt.stage);
    put_string(r.key("subject"), rt.subject);
    r.close();
  });
  put_list(o.key("reasons"), s.reasons, depth + 1,
           [](std::string& out, const SharedText& reason, int) { put_string(out, reason.str()); });
  put_list(o.key("results"), s.results, depth + 1, [](std::string& out, const JoiningResult& x, int at) {
    PrettyObject r(out, at);
    put_string(r.key("period"), x.period);
    put_string(r.key("result"), x.label.str());
    put_string(r.key("source"), x.source);
    put_string(r.key("value"), x.value);
    put_string(r.key("when"), x.when.str());
    r.close();
  });
  put_optional(o.key("switch"), a.switch_note());
  o.key("urn") += std::to_string(a.urn);
  o.close();
}

/// put_nested(activity_json(a), depth), written directly: a country's term is
/// hundreds of thousands of activities (issue 18).
void put_activity(std::string& out, const ReportActivity& a, int depth) {
  PrettyObject o(out, depth);
  put_optional(o.key("due"), a.due);
  put_string(o.key("end"), a.end);
  o.key("id") += std::to_string(a.id);
  put_string(o.key("start"), a.start);
  put_string(o.key("status"), a.status);
  put_string(o.key("title"), a.title);
  put_string(o.key("type"), a.type);
  put_optional(o.key("urn"), a.urn);
  o.close();
}

nlohmann::json activity_json(const ReportActivity& a) {
  return {{"id", a.id}, {"urn", a.urn ? nlohmann::json(*a.urn) : nlohmann::json()}, {"type", a.type},
          {"title", a.title}, {"start", a.start}, {"end", a.end}, {"due", opt(a.due)}, {"status", a.status}};
}

/// The report but its long lists (schools, changes, activities, areas).
nlohmann::json head_json(const Report& r) {
  nlohmann::json j;
  j["body"] = {{"id", r.body.id}, {"kind", r.body.kind}, {"name", r.body.name}};
  j["period"] = r.period;
  j["assessed_period"] = r.assessed_period;
  j["regime"] = r.regime;
  j["policy_file"] = r.policy_file.empty() ? nlohmann::json() : nlohmann::json(r.policy_file);
  j["policy_version"] = r.policy_version;
  j["policy_hash"] = r.policy_hash;
  j["reported_stage"] = r.reported_stage.empty() ? nlohmann::json() : nlohmann::json(r.reported_stage);
  j["counts"] = nlohmann::json::array();
  for (auto& c : r.counts)
    j["counts"].push_back({{"level", c.level}, {"label", c.label}, {"classified", c.classified}, {"schools", c.schools}});
  j["switches"] = nlohmann::json::array();
  for (auto* s : r.switches())
    j["switches"].push_back({{"urn", s->assessment.urn}, {"name", s->assessment.name},
                             {"regime", s->assessment.regime}, {"was_regime", *s->assessment.prior_regime},
                             {"was_level", opt(s->assessment.prior_level)}, {"note", *s->assessment.switch_note()}});
  j["differences"] = nlohmann::json::array();
  for (auto& d : r.differences)
    j["differences"].push_back({{"urn", d.urn}, {"name", d.school}, {"subject", d.subject},
                                {"first", {{"stage", d.first_stage}, {"level", d.first_level}}},
                                {"second", {{"stage", d.second_stage}, {"level", d.second_level}}},
                                {"rationale", d.rationale}, {"by", d.by}});
  j["reviews"] = nlohmann::json::array();
  for (auto& v : r.reviews)
    j["reviews"].push_back({{"id", v.id}, {"urn", v.urn}, {"name", v.school}, {"by", v.by}, {"at", v.at},
                            {"reason", v.reason}, {"period", opt(v.period)}, {"status", v.status},
                            {"outcome_level", opt(v.outcome_level)}, {"outcome_rationale", opt(v.outcome_rationale)},
                            {"outcome_on", opt(v.outcome_on)}, {"outcome_by", opt(v.outcome_by)}});
  j["notes"] = nlohmann::json::array();
  for (auto& n : r.notes)
    j["notes"].push_back({{"id", n.id}, {"activity_id", n.activity_id}, {"urn", n.urn ? nlohmann::json(*n.urn) : nlohmann::json()},
                          {"name", n.school}, {"activity", n.activity}, {"when", n.when}, {"status", n.status},
                          {"overdue", n.overdue}, {"strengths", n.strengths}, {"improvements", n.improvements},
                          {"actions", n.actions}, {"concerns", n.concerns}});
  j["self_stage"] = r.self_stage.empty() ? nlohmann::json() : nlohmann::json(r.self_stage);
  j["compared_stage"] = r.compared_stage.empty() ? nlohmann::json() : nlohmann::json(r.compared_stage);
  return j;
}

/// A top-level list of the report, element by element, each written by `put(text, element, 2)`.
template <typename List, typename Put>
void put_top_list(std::ostream& o, const List& list, const Put& put) {
  JsonList out(o, 1);
  std::string text;  // one element's text, its room reused
  for (const auto& x : list) {
    text.clear();
    put(text, x, 2);
    out.add_written(text);
  }
  out.close();
}

}  // namespace

nlohmann::json to_json(const Report& r) {
  nlohmann::json j = head_json(r);
  j["changes"] = nlohmann::json::array();
  for (auto* s : r.changes()) j["changes"].push_back(change_json(*s));
  j["schools"] = nlohmann::json::array();
  for (auto& s : r.schools) j["schools"].push_back(school_json(s));
  j["activities"] = nlohmann::json::array();
  r.activities.each([&](const ReportActivity& a) { j["activities"].push_back(activity_json(a)); });
  j["areas"] = nlohmann::json::array();
  for (auto& a : r.areas) j["areas"].push_back(area_json(a));
  return j;
}

// Byte for byte what dump(2) of to_json(r) prints, but a school, an activity
// or an area at a time: a country's report is never one JSON value (issue 18).
void render_json(std::ostream& o, const Report& r) {
  nlohmann::json j = head_json(r);
  for (const char* list : {"activities", "areas", "changes", "schools"}) j[list] = nullptr;  // their place in key order
  o << "{";
  bool first = true;
  for (const auto& [key, value] : j.items()) {
    o << (first ? "\n  " : ",\n  ") << dump_indented(nlohmann::json(key)) << ": ";
    first = false;
    if (key == "activities") {
      JsonList out(o, 1);
      std::string text;  // one activity's text, its room reused
      r.activities.each([&](const ReportActivity& a) {
        text.clear();
        put_activity(text, a, 2);
        out.add_written(text);
      });
      out.close();
    }
    else if (key == "areas") {
      // As put_list would print it, an area (and each area a school) at a time.
      if (r.areas.empty()) o << "[]";
      for (std::size_t i = 0; i < r.areas.size(); ++i) {
        o << (i ? ",\n    " : "[\n    ");
        put_area(o, r.areas[i], 2);
      }
      if (!r.areas.empty()) o << "\n  ]";
    }
    else if (key == "changes")
      put_top_list(o, r.changes(), [](std::string& out, const ReportSchool* s, int at) { put_change(out, *s, at); });
    else if (key == "schools") put_top_list(o, r.schools, put_school);
    else put_nested(o, value, 1);
  }
  o << "\n}\n";
}

std::string render_json(const Report& r) {
  std::ostringstream o;
  render_json(o, r);
  return o.str();
}

}  // namespace trellis
