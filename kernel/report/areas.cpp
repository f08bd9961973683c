#include "areas.hpp"

#include <algorithm>
#include <map>

#include "trellis/schools.hpp"
#include "trellis/store/evidence_repository.hpp"
#include "trellis/store/school_repository.hpp"

namespace trellis {

std::string to_string(AgainstSelf a) {
  switch (a) {
    case AgainstSelf::agrees: return "agrees";
    case AgainstSelf::higher: return "higher";
    case AgainstSelf::lower: return "lower";
    case AgainstSelf::differs: return "differs";
    case AgainstSelf::none: break;
  }
  return "";
}

namespace {

/// The subject's levels, best first: its own scale where the regime maps one, else the overall scale.
std::vector<std::string> scale_of(const sdk::RegimeDescription& d, const std::string& subject) {
  std::string id = d.overall_scale;
  for (auto& s : d.subject_scales)
    if (s.subject == subject) id = s.scale;
  std::vector<std::string> out;
  for (auto& scale : d.scales)
    if (scale.id == id)
      for (auto& l : scale.levels) out.push_back(l.id);
  return out;
}

AgainstSelf against(const std::vector<std::string>& scale, const std::string& self, const std::string& compared) {
  if (self.empty() || compared.empty()) return AgainstSelf::none;
  if (self == compared) return AgainstSelf::agrees;
  auto s = std::find(scale.begin(), scale.end(), self), c = std::find(scale.begin(), scale.end(), compared);
  if (s == scale.end() || c == scale.end()) return AgainstSelf::differs;
  return c < s ? AgainstSelf::higher : AgainstSelf::lower;
}

/// Who the body's central team has allocated to each school, from the newest
/// kCentralSupport item whose period encloses, or lies within, the one reported.
void load_central_support(Database& db, Report& r, const std::vector<std::int64_t>& urns) {
  const Period assessed = Period::parse(r.assessed_period);
  std::map<std::int64_t, std::string> by_urn;
  for (auto& e : db.evidence().current_for(urns, kCentralSupport)) {
    auto p = Period::try_parse(e.period);
    if (!p || !(p->contains(assessed) || assessed.contains(*p))) continue;
    if (e.text && !e.text->empty()) by_urn[e.urn] = *e.text;
  }
  for (auto& s : r.schools)
    if (auto it = by_urn.find(s.assessment.urn); it != by_urn.end()) s.central_support = it->second;
}

/// The school's rating of `subject` at each stage, or nothing when none is held.
std::optional<AreaRating> rating_row(const Report& r, const sdk::RegimeDescription& d, const NewestRatings& newest,
                                     std::int64_t urn, const std::string& subject, bool indicator,
                                     SharedTexts& texts) {
  AreaRating row{{}, indicator, {}, AgainstSelf::none, {}, {}};
  row.levels.reserve(d.stages.size());  // no slack: a country holds a row per school, area and indicator
  bool any = false;
  std::string self, compared;
  const RatingRecord* explained = nullptr;  // the compared stage's rating, else the latest stage's held
  for (auto& stage : d.stages) {
    auto it = newest.find({urn, subject, stage.id});
    row.levels.push_back(it == newest.end() ? SharedText() : texts(it->second.level));
    if (it == newest.end()) continue;
    any = true;
    if (stage.id == r.self_stage) self = it->second.level;
    if (stage.id == r.compared_stage) compared = it->second.level;
    if (!explained || explained->stage != r.compared_stage) explained = &it->second;
  }
  if (!any) return std::nullopt;
  if (!r.self_stage.empty() && r.compared_stage != r.self_stage)
    row.against_self = against(scale_of(d, subject), self, compared);
  row.subject = texts(subject);
  row.rationale = texts(explained->rationale);
  row.by = texts(explained->by);
  return row;
}

/// Keeps only the stages at which some rating of the section is held.
void drop_empty_stages(AreaSection& section, const sdk::RegimeDescription& d) {
  for (std::size_t i = d.stages.size(); i-- > 0;) {
    bool held = false;
    for (auto& s : section.schools)
      for (auto& rt : s.ratings) held = held || !rt.levels[i].empty();
    if (held) continue;
    for (auto& s : section.schools)
      for (auto& rt : s.ratings) rt.levels.erase(rt.levels.begin() + static_cast<std::ptrdiff_t>(i));
    section.stages.erase(section.stages.begin() + static_cast<std::ptrdiff_t>(i));
    section.stage_labels.erase(section.stage_labels.begin() + static_cast<std::ptrdiff_t>(i));
  }
}

}  // namespace

void load_school_facts(Database& db, Report& r) {
  std::vector<std::int64_t> urns;
  for (auto& s : r.schools) urns.push_back(s.assessment.urn);
  std::map<std::int64_t, bool> college;
  for (auto& school : db.schools().find_many(urns)) college[school.urn] = school.type_group == "college";
  for (auto& s : r.schools) s.college = college[s.assessment.urn];
  load_central_support(db, r, urns);
}

void set_compared_stages(Report& r, const sdk::RegimeDescription& d) {
  for (auto& stage : d.stages)
    if (stage.id == "self") r.self_stage = stage.id;
  r.compared_stage = !d.reported_stage.empty() ? d.reported_stage : d.deciding_stage;
}

SchoolAreaRows school_area_rows(const Report& r, const sdk::RegimeDescription& d, const NewestRatings& newest,
                                std::int64_t urn, SharedTexts& texts) {
  SchoolAreaRows out(d.areas.size());
  for (std::size_t k = 0; k < d.areas.size(); ++k) {
    const auto& area = d.areas[k];
    if (auto row = rating_row(r, d, newest, urn, area.id, false, texts)) out[k].push_back(std::move(*row));
    for (auto& indicator : d.indicators)
      if (indicator.area == area.id)
        if (auto row = rating_row(r, d, newest, urn, indicator.id, true, texts)) out[k].push_back(std::move(*row));
    out[k].shrink_to_fit();
  }
  return out;
}

void assemble_area_sections(Report& r, const sdk::RegimeDescription& d, std::vector<SchoolAreaRows> rows) {
  // Schools first, then colleges (a stable partition keeps the report's order within each).
  std::vector<std::size_t> order(r.schools.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_partition(order.begin(), order.end(), [&](std::size_t i) { return !r.schools[i].college; });
  for (std::size_t k = 0; k < d.areas.size(); ++k) {
    const auto& area = d.areas[k];
    AreaSection section{area.id, area.label, {}, {}, {}, {}};
    for (auto& indicator : d.indicators)
      if (indicator.area == area.id && !indicator.priority.empty())
        for (auto& p : d.priorities)
          if (p.id == indicator.priority) section.priority[indicator.id] = p.label;
    for (auto& stage : d.stages) {
      section.stages.push_back(stage.id);
      section.stage_labels.push_back(stage.label.empty() ? stage.id : stage.label);
    }
    std::size_t rated = 0;  // held at their size: a country's section is tens of thousands of schools
    for (const std::size_t i : order) rated += i < rows.size() && k < rows[i].size() && !rows[i][k].empty();
    section.schools.reserve(rated);
    section.unrated.reserve(order.size() - rated);
    for (const std::size_t i : order) {
      const ReportSchool& s = r.schools[i];
      AreaSchool school{s.assessment.urn, s.assessment.name, s.college, s.central_support, {}};
      if (i < rows.size() && k < rows[i].size()) school.ratings = std::move(rows[i][k]);
      if (!school.ratings.empty()) section.schools.push_back(std::move(school));
      else section.unrated.emplace_back(school.urn, school.name);
    }
    if (section.schools.empty()) continue;
    drop_empty_stages(section, d);
    r.areas.push_back(std::move(section));
  }
}

void build_area_sections(Report& r, const sdk::RegimeDescription& d, const NewestRatings& newest) {
  set_compared_stages(r, d);
  std::vector<SchoolAreaRows> rows;
  rows.reserve(r.schools.size());
  SharedTexts texts;
  for (const auto& s : r.schools) rows.push_back(school_area_rows(r, d, newest, s.assessment.urn, texts));
  assemble_area_sections(r, d, std::move(rows));
}

}  // namespace trellis
