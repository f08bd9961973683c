#include "trellis/ratings.hpp"

#include <algorithm>

#include "trellis/adoption.hpp"
#include "trellis/assessment.hpp"
#include "trellis/bodies.hpp"
#include "trellis/error.hpp"
#include "trellis/store/audit.hpp"

namespace trellis {
namespace {

std::string joined(const std::vector<std::string>& items) {
  std::string s;
  for (auto& i : items) s += (s.empty() ? "" : ", ") + i;
  return s;
}

void check_against_regime(const sdk::RegimeDescription& d, const RatingInput& in) {
  std::vector<std::string> stages, subjects{"overall"}, levels;
  for (auto& s : d.stages) stages.push_back(s.id);
  for (auto& a : d.areas) subjects.push_back(a.id);
  for (auto& i : d.indicators) subjects.push_back(i.id);
  for (auto& sc : d.scales)
    for (auto& l : sc.levels) levels.push_back(l.id);
  auto has = [](const std::vector<std::string>& v, const std::string& x) {
    return std::find(v.begin(), v.end(), x) != v.end();
  };
  if (!has(stages, in.stage))
    throw UsageError("the " + d.id + " regime has no rating stage \"" + in.stage + "\"; its stages are " + joined(stages));
  if (!has(subjects, in.subject))
    throw UsageError("the " + d.id + " regime rates no subject \"" + in.subject + "\"; use overall, an area or an indicator (" +
                     joined(subjects) + ")");
  if (!has(levels, in.level))
    throw UsageError("\"" + in.level + "\" is not a level of the " + d.id + " regime; its levels are " + joined(levels));
}

}  // namespace

std::int64_t record_rating(Database& db, PluginHost& host, const RatingInput& in) {
  if (!find_body(db, in.body_id)) throw UsageError("unknown body \"" + in.body_id + "\"; see `trellis body list`");
  const Period period = Period::parse(in.period);
  const std::string start = period_start_date(period);
  auto members = members_on(db, in.body_id, start);
  if (!std::binary_search(members.begin(), members.end(), in.urn))
    throw UsageError("school " + std::to_string(in.urn) + " is not a member of " + in.body_id + " on " + start);
  auto adoption = adoption_on(db, in.body_id, start);
  if (!adoption) throw UsageError("body \"" + in.body_id + "\" has adopted no policy in force on " + start);
  check_against_regime(host.description(adoption->regime), in);
  if (in.by.empty()) throw UsageError("--by must name who set the rating");

  Statement prev(db, R"(SELECT id FROM ratings WHERE body_id = ? AND urn = ? AND period = ? AND subject = ? AND stage = ?
                        ORDER BY id DESC LIMIT 1)");
  prev.bind(1, in.body_id).bind(2, in.urn).bind(3, period.to_string()).bind(4, in.subject).bind(5, in.stage);
  std::optional<std::int64_t> supersedes;
  if (prev.step()) supersedes = prev.integer(0);
  Statement ins(db, R"(INSERT INTO ratings(urn, body_id, period, subject, level, stage, set_by, set_at, rationale, supersedes)
                       VALUES (?,?,?,?,?,?,?,?,?,?))");
  ins.bind(1, in.urn).bind(2, in.body_id).bind(3, period.to_string()).bind(4, in.subject).bind(5, in.level)
      .bind(6, in.stage).bind(7, in.by).bind(8, now_timestamp()).bind(9, in.rationale).bind(10, supersedes).run();
  return db.last_insert_id();
}

std::vector<RatingRecord> ratings_for(Database& db, const std::string& body_id, const std::string& period) {
  Statement s(db, R"(SELECT id, urn, period, subject, level, stage, set_by, set_at, COALESCE(rationale, ''), supersedes
                     FROM ratings WHERE body_id = ? AND period = ? ORDER BY id)");
  s.bind(1, body_id).bind(2, period);
  std::vector<RatingRecord> out;
  while (s.step())
    out.push_back({s.integer(0), s.integer(1), s.text(2), s.text(3), s.text(4), s.text(5), s.text(6), s.text(7),
                   s.text(8), s.opt_integer(9)});
  return out;
}

}  // namespace trellis
