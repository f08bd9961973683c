#include "trellis/compare.hpp"

#include <set>

#include "trellis/adoption.hpp"
#include "trellis/bodies.hpp"
#include "trellis/calendar.hpp"
#include "trellis/error.hpp"
#include "trellis/policy.hpp"
#include "trellis/policy/area_crosswalk.hpp"
#include "trellis/policy/kernel_sections.hpp"
#include "trellis/school_evidence.hpp"

namespace trellis {
namespace {

/// Whether anything is held for the indicator: a value (or a reason it is
/// missing, which is still an answer) or a rating at any of the regime's stages.
bool held(const sdk::EvidenceView& view, const sdk::RegimeDescription& d, const std::string& indicator) {
  if (view.latest(indicator)) return true;
  for (const auto& stage : d.stages)
    if (view.rating(indicator, stage.id)) return true;
  return false;
}

EvidenceGap gap_of(const sdk::EvidenceView& view, const sdk::RegimeDescription& d) {
  EvidenceGap g;
  for (const auto& i : d.indicators) {
    auto& part = i.unit == "rating" ? g.rated : g.measured;
    ++part.wanted;
    if (!held(view, d, i.id)) part.missing.push_back(i.label.empty() ? i.id : i.label);
  }
  return g;
}

/// "ratings of 16 indicators: none held", "5 measures: all held", "... 2 not held (a; b)".
std::string part_sentence(const EvidenceGap::Part& p, const std::string& what) {
  std::string out = what + ": ";
  if (p.missing.empty()) return out + "all held";
  if (p.missing.size() == p.wanted) return out + "none held";
  out += std::to_string(p.missing.size()) + " not held (";
  for (std::size_t i = 0; i < p.missing.size(); ++i) out += (i ? "; " : "") + p.missing[i];
  return out + ")";
}

/// "autumn", "spring" or "summer": the term of the year whose span holds the day.
std::string term_of(const AcademicCalendar& cal, Date day) {
  const int year = academic_start_year(day);
  for (auto t : {Term::autumn, Term::spring, Term::summer})
    if (cal.span(Period::term(year, t)).contains(day)) return term_name(t);
  return "summer";  // the holiday after the summer term's last day belongs to it
}

/// The level `level` of regime `from` stands for under `policy`'s regime, by its crosswalk.
std::optional<std::string> walk(const Policy& policy, const std::string& from, const std::string& level) {
  if (from == policy.regime()) return level;
  return crosswalk(policy.view(), from, level);
}

/// The computed rating of `subject` in an assessment, if the regime gave one.
std::optional<std::string> rated(const SchoolAssessment& a, const std::string& subject) {
  for (const auto& r : a.ratings)
    if (r.subject == subject && r.stage == "computed") return r.level;
  return std::nullopt;
}

/// Area against area through `mapping`'s per-area crosswalks from regime
/// `from`: `source` is the run rated under that regime, `target` the mapping's.
void area_tables(const Policy& mapping, const std::string& from, const AssessRun& source, const AssessRun& target,
                 LevelTable& t) {
  std::map<std::int64_t, const SchoolAssessment*> theirs;
  for (const auto& s : source.schools) theirs[s.urn] = &s;
  for (const auto& walk : area_crosswalks(mapping.view(), from)) {
    LevelTable::Area area{walk.area, walk.from};
    for (const auto& s : target.schools) {
      auto it = theirs.find(s.urn);
      if (it == theirs.end()) continue;
      const auto mine = rated(s, walk.area), yours = rated(*it->second, walk.from);
      const auto walked = yours ? walk.walk(*yours) : std::nullopt;
      if (!mine || !walked) ++area.unmatched;
      else ++(*mine == *walked ? area.agree : area.differ);
    }
    t.areas.push_back(std::move(area));
  }
}

LevelTable table_of(const ComparedPolicy& adopted, const Policy& adopted_policy, const ComparedPolicy& other,
                    const Policy& other_policy, std::size_t index) {
  LevelTable t;
  t.other = index;
  // Which side's crosswalk puts both on one scale: the other's (adopted -> other), else the adopted's.
  const bool same = adopted.regime == other.regime;
  const bool other_maps = !other_policy.view().keys("crosswalk." + adopted.regime).empty();
  const bool adopted_maps = !adopted_policy.view().keys("crosswalk." + other.regime).empty();
  if (same)
    t.crosswalk = "one regime, " + adopted.regime + ": levels compared as they are";
  else if (other_maps)
    t.crosswalk = other.policy_path + " maps " + adopted.regime + " onto " + other.regime;
  else if (adopted_maps)
    t.crosswalk = adopted.policy_path + " maps " + other.regime + " onto " + adopted.regime;
  std::map<std::int64_t, std::string> theirs;
  for (const auto& s : other.run.schools) theirs[s.urn] = s.level;
  for (const auto& s : adopted.run.schools) {
    auto it = theirs.find(s.urn);
    if (it == theirs.end()) continue;
    ++t.counts[{s.level, it->second}];
    if (!t.crosswalk) continue;
    std::optional<std::string> mine = s.level, yours = it->second;
    if (!same && other_maps)
      mine = walk(other_policy, adopted.regime, s.level);
    else if (!same)
      yours = walk(adopted_policy, other.regime, it->second);
    if (!mine || !yours) continue;  // a level the crosswalk does not map (e.g. unclassified)
    ++(*mine == *yours ? t.agree : t.differ);
  }
  if (!same && other_maps) area_tables(other_policy, adopted.regime, adopted.run, other.run, t);
  else if (!same && adopted_maps) area_tables(adopted_policy, other.regime, other.run, adopted.run, t);
  return t;
}

}  // namespace

std::string EvidenceGap::sentence() const {
  const auto n = [](std::size_t k, const char* one, const char* many) { return std::to_string(k) + " " + (k == 1 ? one : many); };
  std::string out;
  if (rated.wanted) out = part_sentence(rated, "ratings of " + n(rated.wanted, "indicator", "indicators"));
  if (measured.wanted)
    out += (out.empty() ? "" : "; ") + part_sentence(measured, n(measured.wanted, "measure", "measures"));
  return out.empty() ? "reads no indicators" : out;
}

CompareRun compare_policies(Database& db, PluginHost& host, const Clock& clock, const CompareOptions& opt) {
  require_body(db, opt.body_id);
  if (opt.others.empty()) throw UsageError("name a policy to compare with the adopted one", Field::none);
  const BodyPeriod in_force = body_period(db, opt.body_id, opt.period);
  if (!in_force.adoption)
    throw UsageError("body \"" + opt.body_id + "\" has adopted no policy in force on " + in_force.start() +
                         "; compare sets other policies beside the adopted one",
                     Remedy::adopt_policy(opt.body_id));
  CompareRun out{opt.body_id, opt.period.to_string(), {}, {}};
  std::vector<Policy> policies;
  std::vector<std::optional<std::filesystem::path>> files{std::nullopt};
  files.insert(files.end(), opt.others.begin(), opt.others.end());
  for (const auto& file : files) {
    ComparedPolicy p;
    p.adopted = !file;
    AssessOptions a{opt.body_id, opt.period, file, true, std::nullopt, true};
    p.run = assess_body(db, host, Actor{}, clock, a);
    if (opt.only) {
      std::erase_if(p.run.schools, [&](const SchoolAssessment& s) { return s.urn != *opt.only; });
      std::erase_if(p.run.preview, [&](const Activity& act) { return act.urn != opt.only; });
      if (p.run.schools.empty())
        throw UsageError("school " + std::to_string(*opt.only) + " is not among the schools of \"" + opt.body_id +
                             "\" assessed for " + out.period,
                         Field::school, Remedy::see_schools());
    }
    policies.push_back(open_policy(file ? *file : in_force.adoption->policy_path, host));
    p.policy_path = file ? file->string() : in_force.adoption->policy_path.string();
    p.regime = p.run.regime;
    p.version = p.run.policy_version;
    const auto& d = policies.back().description();
    for (const auto& s : d.scales)
      if (s.id == d.overall_scale)
        for (const auto& l : s.levels) p.scale.emplace_back(l.id, l.label);
    const AcademicCalendar cal = calendar_from_policy(policies.back().view(), policies.back().path().string());
    for (const auto& act : p.run.preview) ++p.workload[term_of(cal, act.start)][act.type];
    out.policies.push_back(std::move(p));
  }
  // What each policy wanted of each school, from the evidence held on it (the same for all).
  std::set<std::int64_t> urns;
  for (const auto& p : out.policies)
    for (const auto& s : p.run.schools) urns.insert(s.urn);
  EvidenceStore evidence(db, {urns.begin(), urns.end()}, opt.body_id, in_force.calendar);
  for (std::size_t i = 0; i < out.policies.size(); ++i)
    for (const auto& s : out.policies[i].run.schools)
      out.policies[i].gaps[s.urn] = gap_of(*evidence.view(s.urn, opt.period), policies[i].description());
  for (std::size_t i = 1; i < out.policies.size(); ++i)
    out.tables.push_back(table_of(out.policies[0], policies[0], out.policies[i], policies[i], i));
  return out;
}

}  // namespace trellis
