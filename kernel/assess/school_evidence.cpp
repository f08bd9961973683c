#include "trellis/school_evidence.hpp"

#include <algorithm>
#include <unordered_map>

#include "trellis/calendar_view.hpp"
#include "trellis/error.hpp"

namespace trellis {
namespace {

struct StoredRating {
  std::string period, subject, stage, level;
  std::int64_t id;
};

struct StoredAssessment {
  Period period;
  std::string level;
  std::int64_t id;
};

/// True when evidence for `item` may inform an assessment for `at`: it is for
/// the same period, an enclosing one, or an earlier one.
bool applies(const Period& item, const Period& at) {
  if (item.start_year() != at.start_year()) return item.start_year() < at.start_year();
  return item.contains(at) || at.contains(item) || item < at;
}

}  // namespace

struct EvidenceStore::Data {
  Benchmarks benchmarks;
  std::unordered_map<std::int64_t, sdk::SchoolInfo> schools;
  std::unordered_map<std::int64_t, std::vector<sdk::Observation>> evidence;  // per school, by id
  std::unordered_map<std::int64_t, std::vector<StoredRating>> ratings;
  std::unordered_map<std::int64_t, std::vector<StoredAssessment>> assessments;
  AcademicCalendar calendar;
  AcademicCalendarView calendar_view{calendar};
  Data(Database& db, AcademicCalendar cal) : benchmarks(db), calendar(std::move(cal)) {}
};

EvidenceStore::EvidenceStore(Database& db, const std::vector<std::int64_t>& urns, const std::string& body_id,
                             AcademicCalendar calendar)
    : data_(std::make_unique<Data>(db, std::move(calendar))) {
  db.exec("CREATE TEMP TABLE IF NOT EXISTS wanted(urn INTEGER PRIMARY KEY); DELETE FROM temp.wanted;");
  {
    Statement add(db, "INSERT OR IGNORE INTO temp.wanted(urn) VALUES (?)");
    for (auto u : urns) add.bind(1, u).run();
  }
  Statement schools(db, R"(SELECT s.urn, s.name, s.la_code, s.la_name, s.type, s.type_group, s.phase, s.status, s.pupils
      FROM schools s JOIN temp.wanted w ON w.urn = s.urn)");
  while (schools.step()) {
    sdk::SchoolInfo info;
    info.urn = schools.integer(0);
    info.name = schools.text(1);
    info.la_code = static_cast<int>(schools.opt_integer(2).value_or(0));
    info.la_name = schools.text(3);
    info.type = schools.text(4);
    info.type_group = schools.text(5);
    info.phase = schools.text(6);
    info.status = schools.text(7);
    if (auto p = schools.opt_integer(8)) info.pupils = static_cast<int>(*p);
    data_->schools.emplace(info.urn, std::move(info));
  }
  Statement ev(db, R"(SELECT e.id, e.urn, e.indicator, e.period, e.value_num, e.value_text, e.missing,
        e.source, e.line, e.recorded_at, e.recorded_by
      FROM evidence e JOIN temp.wanted w ON w.urn = e.urn
      WHERE NOT EXISTS (SELECT 1 FROM evidence s WHERE s.supersedes = e.id)
      ORDER BY e.id)");
  while (ev.step()) {
    sdk::Observation o;
    o.id = ev.integer(0);
    o.indicator = ev.text(2);
    o.period = ev.text(3);
    o.value = ev.opt_real(4);
    o.text = ev.text(5);
    o.missing = ev.text(6);
    o.source = ev.text(7);
    if (auto l = ev.opt_integer(8)) o.line = static_cast<int>(*l);
    o.recorded_at = ev.text(9);
    data_->evidence[ev.integer(1)].push_back(std::move(o));
  }
  Statement rt(db, R"(SELECT r.id, r.urn, r.period, r.subject, r.stage, r.level FROM ratings r
      JOIN temp.wanted w ON w.urn = r.urn WHERE r.body_id = ? ORDER BY r.id)");
  rt.bind(1, body_id);
  while (rt.step())
    data_->ratings[rt.integer(1)].push_back({rt.text(2), rt.text(3), rt.text(4), rt.text(5), rt.integer(0)});
  Statement as(db, R"(SELECT a.id, a.urn, a.period, a.level FROM assessments a
      JOIN temp.wanted w ON w.urn = a.urn WHERE a.body_id = ? ORDER BY a.id)");
  as.bind(1, body_id);
  while (as.step())
    data_->assessments[as.integer(1)].push_back({Period::parse(as.text(2)), as.text(3), as.integer(0)});
}

EvidenceStore::~EvidenceStore() = default;

bool EvidenceStore::has_school(std::int64_t urn) const { return data_->schools.count(urn) > 0; }

namespace {

class SchoolEvidence final : public sdk::EvidenceView {
 public:
  SchoolEvidence(const sdk::SchoolInfo& school, Period period, const Benchmarks& benchmarks,
                 std::vector<sdk::Observation> items, std::vector<StoredRating> ratings,
                 std::optional<std::string> previous, const sdk::CalendarView& calendar)
      : school_(school), period_(period), benchmarks_(benchmarks), ratings_(std::move(ratings)),
        previous_(std::move(previous)), calendar_(calendar) {
    // Keep, per indicator, the newest item that applies to the period: the
    // latest period wins, then the latest recorded.
    std::map<std::string, Period> kept;  // the period of each kept item, parsed once
    for (auto& o : items) {
      auto p = Period::try_parse(o.period);
      if (!p || !applies(*p, period_)) continue;
      auto it = kept.find(o.indicator);
      if (it != kept.end() && *p < it->second) continue;
      kept.insert_or_assign(o.indicator, *p);
      latest_[o.indicator] = o;
    }
    for (auto& [_, o] : latest_) all_.push_back(o);
    std::stable_sort(all_.begin(), all_.end(), [](auto& a, auto& b) { return a.indicator < b.indicator; });
  }

  const sdk::SchoolInfo& school() const override { return school_; }
  std::string period() const override { return period_.to_string(); }

  std::optional<sdk::Observation> latest(std::string_view indicator) const override {
    auto it = latest_.find(std::string(indicator));
    return it == latest_.end() ? std::nullopt : std::optional(it->second);
  }

  std::vector<sdk::Observation> all() const override { return all_; }

  std::optional<double> benchmark(std::string_view indicator, sdk::BenchmarkScope scope) const override {
    auto o = latest(indicator);
    // Compare like with like: the benchmark for the period of the school's own figure.
    std::string period = o ? o->period : period_.to_string();
    std::string id(indicator);
    return scope == sdk::BenchmarkScope::national ? benchmarks_.national(id, period)
                                                  : benchmarks_.la(id, period, school_.la_code);
  }

  std::optional<std::string> previous_level() const override { return previous_; }

  std::optional<std::string> rating(std::string_view subject, std::string_view stage) const override {
    for (auto it = ratings_.rbegin(); it != ratings_.rend(); ++it)
      if (it->subject == subject && it->stage == stage && it->period == period_.to_string()) return it->level;
    return std::nullopt;
  }

  const sdk::CalendarView& calendar() const override { return calendar_; }

 private:
  const sdk::SchoolInfo& school_;
  Period period_;
  const Benchmarks& benchmarks_;
  std::map<std::string, sdk::Observation> latest_;
  std::vector<sdk::Observation> all_;
  std::vector<StoredRating> ratings_;
  std::optional<std::string> previous_;
  const sdk::CalendarView& calendar_;
};

/// The level that stood for the most recent earlier period: an officer's or
/// board's final rating of "overall" if one was recorded, else the computed level.
std::optional<std::string> previous_level(const std::vector<StoredAssessment>& assessments,
                                          const std::vector<StoredRating>& ratings, const Period& at) {
  const StoredAssessment* best = nullptr;
  for (auto& a : assessments)
    if (a.period < at && !at.contains(a.period) && (!best || best->period <= a.period)) best = &a;
  if (!best) return std::nullopt;
  for (auto it = ratings.rbegin(); it != ratings.rend(); ++it)
    if (it->subject == "overall" && it->stage == "final" && it->period == best->period.to_string()) return it->level;
  return best->level;
}

}  // namespace

std::unique_ptr<sdk::EvidenceView> EvidenceStore::view(std::int64_t urn, const Period& period) const {
  auto school = data_->schools.find(urn);
  if (school == data_->schools.end())
    throw UsageError("school URN " + std::to_string(urn) + " is not in the register; import it first");
  auto pick = [urn](auto& map) {
    auto it = map.find(urn);
    return it == map.end() ? std::decay_t<decltype(it->second)>{} : it->second;
  };
  auto ratings = pick(data_->ratings);
  auto previous = previous_level(pick(data_->assessments), ratings, period);
  return std::make_unique<SchoolEvidence>(school->second, period, data_->benchmarks, pick(data_->evidence),
                                          std::move(ratings), std::move(previous), data_->calendar_view);
}

}  // namespace trellis
