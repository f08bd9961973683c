#include "trellis/school_evidence.hpp"

#include "assessment_ratings.hpp"

#include <algorithm>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

#include "trellis/decision.hpp"
#include "trellis/calendar_view.hpp"
#include "trellis/error.hpp"
#include "trellis/store/assessment_repository.hpp"
#include "trellis/store/evidence_repository.hpp"
#include "trellis/store/rating_repository.hpp"
#include "trellis/store/school_repository.hpp"

namespace trellis {
namespace {

sdk::SchoolInfo school_info(const School& school) {
  sdk::SchoolInfo info;
  info.urn = school.urn;
  info.name = school.name;
  info.la_code = school.la_code.value_or(0);
  info.la_name = school.la_name.value_or("");
  info.type = school.type;
  info.type_group = school.type_group;
  info.phase = school.phase;
  info.status = school.status;
  info.pupils = school.pupils;
  info.trust_code = school.trust_code.value_or("");
  info.trust_name = school.trust_name.value_or("");
  return info;
}

/// One of the body's ratings, its texts held once in HeldTexts: a country's
/// self-assessments are hundreds of thousands of rows (issue 18).
struct StoredRating {
  std::int64_t id = 0;
  std::string_view period, subject, stage, level, regime, rationale;  ///< regime "" when none was recorded
};

struct StoredAssessment {
  Period period;
  std::string computed_level, regime;
  bool classified;
  std::int64_t id;
};

/// The texts many items share (indicator ids, periods, sources, times), held
/// once: a national run reads a million items over a few dozen of them. Unlike
/// the report's SharedTexts (trellis/shared_text.hpp), it lends plain pointers:
/// the store owns both the texts and every item that points at them.
class HeldTexts {
 public:
  const std::string* of(std::string_view text) {
    auto it = texts_.find(text);
    if (it == texts_.end()) it = texts_.emplace(text).first;
    return &*it;  // node-based: stays put as the set grows
  }
  /// The same, for a column whose text mostly repeats from one row to the next
  /// (an import's source and time, a file's period): `last` is the column's previous answer.
  const std::string* of(std::string_view text, const std::string*& last) {
    if (!last || *last != text) last = of(text);
    return last;
  }
  /// The same, for a column whose texts come round in the same order (a
  /// file's indicators, school after school): the text that followed `last`
  /// the time before is tried first.
  const std::string* of_next(std::string_view text, const std::string*& last) {
    const std::string*& next = next_[last];
    if (!next || *next != text) next = of(text);
    return last = next;
  }

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_set<std::string, Hash, std::equal_to<>> texts_;
  std::unordered_map<const std::string*, const std::string*> next_;  ///< what followed each text last time
};

/// One held item, with what the age rules need. Its texts point into
/// HeldTexts, so that it copies as plain bytes when its school's list grows.
struct HeldItem {
  std::int64_t id = 0;
  const std::string *indicator = nullptr, *period_text = nullptr, *source = nullptr, *recorded_at = nullptr,
                    *text = nullptr, *missing = nullptr;
  std::optional<double> value;
  std::optional<int> line;
  Period period;
  bool recorded = false;  ///< recorded by a person rather than imported from a file

  sdk::Observation observation() const {
    return {id, *indicator, *period_text, value, *text, *missing, *source, line, *recorded_at};
  }
};

/// True when evidence for `item` may inform an assessment for `at`: it is for
/// the same period, an enclosing one, or an earlier one.
bool applies(const Period& item, const Period& at) {
  if (item.start_year() != at.start_year()) return item.start_year() < at.start_year();
  return item.contains(at) || at.contains(item) || item < at;
}

/// The academic years the policy allows an item to be older than the period, if it limits them.
std::optional<int> allowed_age(const HeldItem& item, const KernelSections& sections) {
  return sections.max_age_for(*item.indicator, item.recorded);
}

/// True when the policy's [evidence.max_age] keeps the item out of a judgement for `at`.
bool too_old(const HeldItem& item, const Period& at, const KernelSections& sections) {
  const auto max = allowed_age(item, sections);
  return max && at.start_year() - item.period.start_year() > *max;
}

}  // namespace

/// The schools a store holds at once, with what was read on them.
struct HeldSchools {
  std::vector<std::int64_t> window;  ///< a store ByWindow: the URNs held, sorted
  std::unordered_map<std::int64_t, sdk::SchoolInfo> schools;
  HeldTexts texts;
  std::unordered_map<std::int64_t, std::vector<HeldItem>> evidence;  // per school, by indicator then id
  std::unordered_map<std::int64_t, std::vector<StoredRating>> ratings;
  std::unordered_map<std::int64_t, std::vector<StoredAssessment>> assessments;
};

struct EvidenceStore::Data {
  Database& db;
  std::string body_id;
  bool by_window = false;
  std::recursive_mutex database;  ///< see lock_database(); before the benchmarks, which keep a reference
  Benchmarks benchmarks;
  std::unique_ptr<HeldSchools> held = std::make_unique<HeldSchools>();
  std::unique_ptr<HeldSchools> ahead;  ///< a window read ahead (read_window_ahead), until hold_window_at takes it
  /// The window held before, kept until hold_window_at takes the next: the
  /// views of its schools may be freed while the next window is judged.
  std::unique_ptr<HeldSchools> spent;
  HistoryRules history;
  KernelSections sections;
  AcademicCalendar calendar;
  AcademicCalendarView calendar_view{calendar};
  Data(Database& d, std::string body, bool windowed, HistoryRules h, KernelSections k, AcademicCalendar cal)
      : db(d), body_id(std::move(body)), by_window(windowed), benchmarks(d, database), history(std::move(h)),
        sections(std::move(k)), calendar(std::move(cal)) {}

  /// Reads what is held on `urns` into `into`, beside what it holds already.
  void read(HeldSchools& into, const std::vector<std::int64_t>& urns);
  /// The window of `urns` that starts at `at`, sorted; empty unless a window starts there.
  std::vector<std::int64_t> window_at(const std::vector<std::int64_t>& urns, std::size_t at) const {
    if (!by_window || at % kWindow != 0 || at >= urns.size()) return {};
    const auto first = urns.begin() + static_cast<std::ptrdiff_t>(at);
    std::vector<std::int64_t> window(first, first + static_cast<std::ptrdiff_t>(std::min(kWindow, urns.size() - at)));
    std::sort(window.begin(), window.end());
    return window;
  }
};

void EvidenceStore::Data::read(HeldSchools& into, const std::vector<std::int64_t>& urns) {
  auto& [window, schools, texts, evidence, ratings, assessments] = into;
  for (const School& school : db.schools().find_many(urns)) schools.emplace(school.urn, school_info(school));
  // The ratings first: what they are read as is freed before the evidence is read.
  for (const HeldRating& r : db.ratings().for_schools(urns, body_id))
    ratings[r.urn].push_back({r.id, *texts.of(r.period), *texts.of(r.subject), *texts.of(r.stage),
                              *texts.of(r.level), *texts.of(r.regime), *texts.of(r.rationale)});
  std::unordered_map<const std::string*, std::optional<Period>> periods;  // parsed once per text
  // A file's items come school by school, each with the file's period, source
  // and time: the last answer of each is tried before the tables (issue 18).
  const std::string *last_period = nullptr, *last_source = nullptr, *last_at = nullptr, *last_text = nullptr,
                    *last_missing = nullptr, *last_indicator = nullptr;
  std::int64_t last_urn = 0;
  std::vector<HeldItem>* school_items = nullptr;
  const std::optional<Period>* last_parsed = nullptr;  // the period of last_period
  auto hold_item = [&](const EvidenceRepository::CurrentItem& e) {
    const std::string* before = last_period;
    const std::string* period_text = texts.of(e.period, last_period);
    if (!last_parsed || period_text != before) {
      auto p = periods.find(period_text);
      if (p == periods.end()) p = periods.emplace(period_text, Period::try_parse(*period_text)).first;
      last_parsed = &p->second;  // a map's values stay put as it grows
    }
    const std::optional<Period>& period = *last_parsed;
    if (!period) return;  // not a period an assessment can use
    if (!school_items || last_urn != e.urn) {
      school_items = &evidence[e.urn];  // a map's values stay put as it grows
      last_urn = e.urn;
    }
    HeldItem& item = school_items->emplace_back();
    item.id = e.id;
    item.indicator = texts.of_next(e.indicator, last_indicator);
    item.period_text = period_text;
    item.source = texts.of(e.source, last_source);
    item.recorded_at = texts.of(e.recorded_at, last_at);
    item.value = e.value;
    item.text = texts.of(e.text, last_text);
    item.missing = texts.of(e.missing, last_missing);
    item.line = e.line;
    item.period = *period;
    item.recorded = !e.imported;  // `trellis record`: no file behind it
  };
  // A window's few hundred schools are found through the index; the whole set is one pass over the table.
  if (by_window) db.evidence().each_current_of_few(urns, hold_item);
  else db.evidence().each_current(urns, hold_item);
  // By indicator, then id: a view keeps one item per indicator in one pass.
  const auto by_indicator = [](const HeldItem& a, const HeldItem& b) {
    return a.indicator != b.indicator ? *a.indicator < *b.indicator : a.id < b.id;
  };
  for (auto& [_, items] : evidence)
    std::sort(items.begin(), items.end(), by_indicator);
  for (const HeldAssessment& a : db.assessments().for_schools(urns, body_id))
    assessments[a.urn].push_back({Period::parse(a.period), a.computed_level, a.regime, a.classified, a.id});
}

EvidenceStore::EvidenceStore(Database& db, const std::vector<std::int64_t>& urns, const std::string& body_id,
                             AcademicCalendar calendar, HistoryRules history, KernelSections sections)
    : data_(std::make_unique<Data>(db, body_id, false, std::move(history), std::move(sections), std::move(calendar))) {
  data_->read(*data_->held, urns);
}

EvidenceStore::EvidenceStore(Database& db, ByWindow, const std::string& body_id, AcademicCalendar calendar,
                             HistoryRules history, KernelSections sections)
    : data_(std::make_unique<Data>(db, body_id, true, std::move(history), std::move(sections), std::move(calendar))) {}

void EvidenceStore::hold(const std::vector<std::int64_t>& urns) {
  Data& d = *data_;
  d.held = std::make_unique<HeldSchools>();  // what was held goes first: a window at a time is the point
  d.ahead.reset();
  d.held->window = urns;
  std::sort(d.held->window.begin(), d.held->window.end());
  d.read(*d.held, urns);
}

bool EvidenceStore::by_window() const { return data_->by_window; }

void EvidenceStore::hold_window_at(const std::vector<std::int64_t>& urns, std::size_t at) {
  Data& d = *data_;
  std::vector<std::int64_t> window = d.window_at(urns, at);
  if (window.empty()) return;
  if (d.ahead && d.ahead->window == window) {
    d.spent = std::move(d.held);
    d.held = std::move(d.ahead);
    return;
  }
  d.spent = std::move(d.held);
  hold(window);
}

void EvidenceStore::read_window_ahead(const std::vector<std::int64_t>& urns, std::size_t at) {
  Data& d = *data_;
  std::vector<std::int64_t> window = d.window_at(urns, at);
  if (window.empty()) return;
  const std::lock_guard using_database(d.database);
  auto ahead = std::make_unique<HeldSchools>();
  ahead->window = std::move(window);
  d.read(*ahead, ahead->window);
  d.ahead = std::move(ahead);
}

std::unique_lock<std::recursive_mutex> EvidenceStore::lock_database() const {
  return std::unique_lock(data_->database);
}

EvidenceStore::~EvidenceStore() = default;

std::vector<sdk::SchoolInfo> school_infos(Database& db, const std::vector<std::int64_t>& urns) {
  std::vector<sdk::SchoolInfo> out;
  for (const School& school : db.schools().find_many(urns)) out.push_back(school_info(school));
  std::sort(out.begin(), out.end(), [](const sdk::SchoolInfo& a, const sdk::SchoolInfo& b) { return a.urn < b.urn; });
  return out;
}

bool EvidenceStore::has_school(std::int64_t urn) const { return data_->held->schools.count(urn) > 0; }

namespace {

class SchoolEvidence final : public sdk::EvidenceView {
 public:
  SchoolEvidence(const sdk::SchoolInfo& school, Period period, const Benchmarks& benchmarks,
                 const std::vector<HeldItem>& items, const KernelSections& sections,
                 std::vector<const StoredRating*> ratings, std::optional<std::string> previous,
                 const sdk::CalendarView& calendar)
      : school_(school), period_(period), period_text_(period.to_string()), benchmarks_(benchmarks),
        ratings_(std::move(ratings)), previous_(std::move(previous)), standing_(sections.standing_decisions),
        calendar_(calendar) {
    // Keep, per indicator, the newest item that applies to the period and is
    // not too old for it: the latest period wins, then the latest recorded.
    // The items come by indicator, then in the order they were stored. Only
    // where they are is kept: an observation is made when a regime asks.
    const HeldItem* kept = nullptr;
    for (auto& item : items) {
      if (kept && kept->indicator != item.indicator) {
        kept_.push_back(kept);
        kept = nullptr;
      }
      if (!applies(item.period, period_) || too_old(item, period_, sections)) continue;
      if (kept && item.period < kept->period) continue;
      kept = &item;
    }
    if (kept) kept_.push_back(kept);
  }

  const sdk::SchoolInfo& school() const override { return school_; }
  std::string period() const override { return period_text_; }

  std::optional<sdk::Observation> latest(std::string_view indicator) const override {
    const HeldItem* item = find(indicator);
    return item ? std::optional(item->observation()) : std::nullopt;
  }

  std::vector<sdk::Observation> all() const override {
    std::vector<sdk::Observation> out;
    out.reserve(kept_.size());
    for (const HeldItem* item : kept_) out.push_back(item->observation());
    return out;
  }

  std::optional<double> benchmark(std::string_view indicator, sdk::BenchmarkScope scope) const override {
    const HeldItem* item = find(indicator);
    // Compare like with like: the benchmark for the period of the school's own figure.
    const std::string& period = item ? *item->period_text : period_text_;
    std::string id(indicator);
    return scope == sdk::BenchmarkScope::national ? benchmarks_.national(id, period, benchmark_phase(school_))
                                                  : benchmarks_.la(id, period, school_.la_code);
  }

  std::optional<std::string> previous_level() const override { return previous_; }

  std::optional<std::string> rating(std::string_view subject, std::string_view stage) const override {
    // A standing decision ([decisions] standing) holds from its period on until
    // another replaces it: the latest recorded at or before this period counts.
    const bool standing = std::find(standing_.begin(), standing_.end(), subject) != standing_.end();
    for (auto it = ratings_.rbegin(); it != ratings_.rend(); ++it) {
      const StoredRating& r = **it;
      if (r.subject != subject || r.stage != stage) continue;
      if (r.period == period_text_) return std::string(r.level);
      if (!standing) continue;
      if (auto p = Period::try_parse(r.period); p && applies(*p, period_)) return std::string(r.level);
    }
    return std::nullopt;
  }

  const sdk::CalendarView& calendar() const override { return calendar_; }

 private:
  /// The item kept for the indicator, if any.
  const HeldItem* find(std::string_view indicator) const {
    auto it = std::lower_bound(kept_.begin(), kept_.end(), indicator,
                               [](const HeldItem* item, std::string_view id) { return *item->indicator < id; });
    return it == kept_.end() || *(*it)->indicator != indicator ? nullptr : *it;
  }

  const sdk::SchoolInfo& school_;
  Period period_;
  std::string period_text_;
  const Benchmarks& benchmarks_;
  std::vector<const HeldItem*> kept_;  ///< one per indicator, by indicator; the store's, which outlives the view
  std::vector<const StoredRating*> ratings_;  ///< the store's
  std::optional<std::string> previous_;
  const std::vector<std::string>& standing_;  ///< the store's sections'
  const sdk::CalendarView& calendar_;
};

/// The level that counted for an assessment: the decision recorded for its
/// period under its regime, else its computed level.
std::string counted_level(const StoredAssessment& a, const std::vector<StoredRating>& ratings,
                          const std::vector<std::string>& stages) {
  // As decisions_for: by stage, then the period itself before the term or year enclosing it.
  const auto periods = period_and_enclosing(a.period.to_string());
  for (const auto& stage : stages)
    for (const auto& period : periods)
      for (auto it = ratings.rbegin(); it != ratings.rend(); ++it)
        if (it->subject == "overall" && it->stage == stage && it->period == period && it->regime == a.regime)
          return std::string(it->level);
  return a.computed_level;
}

/// Where the school stood for the most recent earlier period: the same
/// regime's level (decided, else computed), or another regime's mapped through
/// the policy's crosswalk; else that other regime's level, not comparable.
PriorStanding prior_standing(const std::vector<StoredAssessment>& assessments, const std::vector<StoredRating>& ratings,
                             const Period& at, const HistoryRules& rules) {
  const StoredAssessment* best = nullptr;  // the newest assessment of the most recent earlier period
  for (auto& a : assessments)
    if (a.period < at && !at.contains(a.period) && (!best || best->period <= a.period)) best = &a;
  PriorStanding out;
  if (!best) return out;
  if (rules.regime.empty() || best->regime == rules.regime) {
    out.previous_level = counted_level(*best, ratings, rules.deciding_stages);
    return out;
  }
  const std::string other = counted_level(*best, ratings, generic_deciding_stages());
  if (rules.policy)
    if (auto mapped = crosswalk(*rules.policy, best->regime, other)) {
      out.previous_level = *mapped;
      return out;
    }
  out.other_regime = best->regime;
  out.other_level = other;
  return out;
}

}  // namespace

namespace {

template <typename Map>
const typename Map::mapped_type& of_school(const Map& map, std::int64_t urn) {
  static const typename Map::mapped_type none{};
  auto it = map.find(urn);
  return it == map.end() ? none : it->second;
}

}  // namespace

std::unique_ptr<sdk::EvidenceView> EvidenceStore::view(std::int64_t urn, const Period& period) const {
  return view(urn, period, data_->calendar_view);
}

const AcademicCalendar& EvidenceStore::calendar() const { return data_->calendar; }

std::unique_ptr<sdk::EvidenceView> EvidenceStore::view(std::int64_t urn, const Period& period,
                                                       const sdk::CalendarView& calendar) const {
  if (data_->by_window && !std::binary_search(data_->held->window.begin(), data_->held->window.end(), urn))
    throw std::logic_error("school URN " + std::to_string(urn) + " is not in the window of schools held");
  auto school = data_->held->schools.find(urn);
  if (school == data_->held->schools.end())
    throw UsageError("school URN " + std::to_string(urn) + " is not in the register; import it first");
  // A regime sees the ratings recorded under it (and those older than regimes were recorded).
  std::vector<const StoredRating*> ratings;
  for (const auto& r : of_school(data_->held->ratings, urn))
    if (data_->history.regime.empty() || r.regime.empty() || r.regime == data_->history.regime) ratings.push_back(&r);
  auto previous = prior(urn, period).previous_level;
  return std::make_unique<SchoolEvidence>(school->second, period, data_->benchmarks, of_school(data_->held->evidence, urn),
                                          data_->sections, std::move(ratings), std::move(previous), calendar);
}

PriorStanding EvidenceStore::prior(std::int64_t urn, const Period& period) const {
  return prior_standing(of_school(data_->held->assessments, urn), of_school(data_->held->ratings, urn), period, data_->history);
}

std::vector<sdk::RatingOut> EvidenceStore::recorded(std::int64_t urn, const Period& period) const {
  // As RatingRepository::recorded: per subject and stage, the newest of the
  // period under the regime (or none) but `computed`; overall first, then by subject.
  const std::string at = period.to_string();
  const std::string& regime = data_->history.regime;
  std::vector<const StoredRating*> newest;
  for (const StoredRating& r : of_school(data_->held->ratings, urn)) {
    if (r.period != at || r.stage == "computed" || !(r.regime.empty() || r.regime == regime)) continue;
    auto same = std::find_if(newest.begin(), newest.end(),
                             [&](const StoredRating* n) { return n->subject == r.subject && n->stage == r.stage; });
    if (same == newest.end()) newest.push_back(&r);
    else if ((*same)->id < r.id) *same = &r;
  }
  std::sort(newest.begin(), newest.end(), [](const StoredRating* a, const StoredRating* b) {
    const bool a_overall = a->subject == "overall", b_overall = b->subject == "overall";
    if (a_overall != b_overall) return a_overall;
    return a->subject != b->subject ? a->subject < b->subject : a->id < b->id;
  });
  std::vector<sdk::RatingOut> out;
  out.reserve(newest.size());
  for (const StoredRating* r : newest)
    out.push_back(assessment_ratings::recorded_rating(r->subject, r->level, r->stage, r->rationale));
  return out;
}

std::vector<StaleItem> EvidenceStore::stale(std::int64_t urn, const Period& period) const {
  // Per indicator, the newest item too old to use, when no usable item took
  // its place. The items come by indicator: one group at a time, no map.
  std::vector<StaleItem> out;
  const auto& items = of_school(data_->held->evidence, urn);
  for (auto group = items.begin(); group != items.end();) {
    const std::string* indicator = group->indicator;
    const HeldItem* newest = nullptr;
    bool usable = false;
    for (; group != items.end() && group->indicator == indicator; ++group) {
      if (!applies(group->period, period)) continue;
      if (!too_old(*group, period, data_->sections)) usable = true;
      else if (!newest || newest->period < group->period) newest = &*group;
    }
    if (newest && !usable)
      out.push_back({*indicator, *newest->period_text, newest->recorded, *allowed_age(*newest, data_->sections)});
  }
  return out;
}

}  // namespace trellis
