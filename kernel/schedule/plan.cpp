// The scheduler. Rules are planned depth-first so that an anchored rule
// (before/after/within) always sees its anchor's activities; the walk follows
// the given order of sets and rules, which keeps the plan deterministic.
//
// Every occurrence is planned internally, also those before a rule set's
// `from`, which are dropped only from the output. So an activity's position in
// planned_[key] is always its occurrence index (the one its UID is made from),
// whatever `from` is, and followers of an anchor before `from` are still dated.
#include "trellis/schedule/plan.hpp"

#include <algorithm>
#include <charconv>
#include <iterator>
#include <map>
#include <set>
#include <tuple>

#include "spread.hpp"
#include "trellis/error.hpp"
#include "trellis/sha256.hpp"

namespace trellis {
namespace {

using sdk::ActivityRule;
using sdk::Cadence;

bool anchored(Cadence c) { return c == Cadence::before || c == Cadence::after || c == Cadence::within; }

bool spread_cadence(Cadence c) {
  return c == Cadence::per_year || c == Cadence::per_term || c == Cadence::per_half_term ||
         c == Cadence::in_half_term || c == Cadence::monthly;
}

class Planner {
 public:
  /// With `owned`, the sets' rules are `owned`'s and each school's are freed once planned.
  Planner(const AcademicCalendar& cal, const std::string& body, const Period& year,
          std::vector<RuleSetView> sets, std::vector<RuleSet>* owned, const PlanOptions& options,
          std::vector<std::string>* unmet)
      : cal_(cal), body_(body), year_(year), year_name_(year.to_string()), sets_(std::move(sets)), owned_(owned),
        options_(options),
        year_days_{Date::from_ymd(year.start_year(), 9, 1), Date::from_ymd(year.start_year() + 1, 8, 31)},
        busy_(sets_.size()), load_(options.workload.booked), unmet_(unmet) {
    load_.resize(options.workload.officers.size());
    for (std::size_t s = 0; s < sets_.size(); ++s)
      if (!sets_[s].urn) body_sets_.push_back(s);
  }

  PlannedYear run() {
    for (std::size_t s = 0; s < sets_.size(); ++s) check_set(s);
    for (std::size_t s = 0; s < sets_.size(); ++s)
      for (const ActivityRule* r : sets_[s].rules)
        if (anchored(r->cadence) && !r->anchor.empty()) followers_[anchor_of(s, *r)].push_back(r);
    // A school's rules are anchored only on its own and the body's, so once
    // its rules are planned nothing looks at them or their activities again:
    // the activities leave planned_ then (a national year is most of a million).
    PlannedYear out(body_, year_name_);
    for (std::size_t s = 0; s < sets_.size(); ++s) {
      for (const ActivityRule* r : sets_[s].rules) plan({s, r->id});
      if (sets_[s].urn) done_with(s, out);
    }
    for (std::size_t s = 0; s < sets_.size(); ++s)
      if (!sets_[s].urn) done_with(s, out);
    out.sort();
    if (unmet_ && !unlinked_.empty()) {
      std::string listed;
      for (auto urn : unlinked_) {
        if (listed.size() > 80) {
          listed += " ...";
          break;
        }
        listed += (listed.empty() ? "" : ", ") + std::to_string(urn);
      }
      unmet_->insert(unmet_->begin(), std::to_string(unlinked_.size()) + " school(s) linked to no officer (" + listed +
                                          "): their activities name no officer and count against no daily limit");
    }
    return out;
  }

 private:
  using Key = std::pair<std::size_t, std::string>;  // rule set index, rule id

  /// Adds set `s`'s planned activities from `from` on to `into` and forgets
  /// the set's plan; frees its rules when they are owned.
  void done_with(std::size_t s, PlannedYear& into) {
    const auto first = planned_.lower_bound({s, std::string()}), last = planned_.lower_bound({s + 1, std::string()});
    const auto& from = sets_[s].from;
    for (auto it = first; it != last; ++it) {
      // An activity holds its own attendees only once an officer is named in them (book()).
      const ActivityRule& r = rule(it->first);
      for (auto& a : it->second)
        if (!from || *from <= a.start) into.add(a, a.attendees.empty() ? r.attendees : a.attendees, r.documents);
    }
    planned_.erase(first, last);
    followers_.erase(followers_.lower_bound({s, std::string()}), followers_.lower_bound({s + 1, std::string()}));
    busy_[s] = {};
    if (owned_) {
      sets_[s].rules.clear();
      std::vector<sdk::ActivityRule>().swap((*owned_)[s].rules);
    }
  }

  [[noreturn]] void fail(std::size_t s, const ActivityRule& r, const std::string& msg) const {
    std::string where = "activity rule \"" + r.id + "\"";
    if (sets_[s].urn) where += " for school " + std::to_string(*sets_[s].urn);
    throw InputError(Location{where, 0, 0}, msg);
  }

  const ActivityRule& rule(const Key& k) const {
    for (const ActivityRule* r : sets_[k.first].rules)
      if (r->id == k.second) return *r;
    throw std::logic_error("rule " + k.second + " vanished");
  }

  void check_set(std::size_t s) const {
    std::set<std::string> ids;
    for (const ActivityRule* rule : sets_[s].rules) {
      const ActivityRule& r = *rule;
      if (r.id.empty()) fail(s, r, "the rule has no id");
      if (!ids.insert(r.id).second) fail(s, r, "the id is used by two rules for the same school or body");
      if (spread_cadence(r.cadence) && r.count < 1)
        fail(s, r, "expected a count of at least 1, found " + std::to_string(r.count));
      if (r.offset_days < 0) fail(s, r, "expected offset_days of 0 or more, found " + std::to_string(r.offset_days));
      if (r.cadence == Cadence::in_half_term && r.window.empty())
        fail(s, r, "one in a half-term needs `window`, e.g. \"autumn-2\"");
      if ((r.cadence == Cadence::before || r.cadence == Cadence::after) && r.anchor.empty())
        fail(s, r, "before/after needs `anchor`, the id of another rule");
      if (r.cadence == Cadence::within && r.anchor.empty() == r.anchor_date.empty())
        fail(s, r, "within needs either `anchor` (a rule id) or `anchor_date`, not both");
      if (r.cadence == Cadence::on_date && r.anchor_date.empty()) fail(s, r, "on_date needs `anchor_date`");
      if (!r.anchor_date.empty()) date_of(s, r, r.anchor_date, "anchor_date");
      const Date from = r.from ? date_of(s, r, *r.from, "from") : year_days_.first;
      const Date to = r.to ? date_of(s, r, *r.to, "to") : year_days_.last;
      if (r.from && r.to && to < from) fail(s, r, "`to` " + *r.to + " is before `from` " + *r.from);
      if (!r.window.empty()) window(s, r);
      if (!r.anchor.empty() && (anchored(r.cadence) || spread_cadence(r.cadence))) anchor_of(s, r);
    }
  }

  Date date_of(std::size_t s, const ActivityRule& r, const std::string& text, const char* field) const {
    std::string why;
    if (auto d = Date::try_parse(text, &why)) return *d;
    fail(s, r, std::string("`") + field + "`: " + why);
  }

  /// The half-terms a rule's `window` names ("spring", "autumn-2", or a full period of this year).
  std::vector<DateRange> window(std::size_t s, const ActivityRule& r) const {
    if (r.window.empty()) return cal_.ranges(year_);
    const std::string text = r.window.find('/') == std::string::npos ? year_name_ + "/" + r.window : r.window;
    std::string why;
    auto p = Period::try_parse(text, &why);
    if (!p) fail(s, r, "bad `window` \"" + r.window + "\": " + why);
    if (p->start_year() != year_.start_year())
      fail(s, r, "`window` " + r.window + " is not in the academic year " + year_name_);
    return cal_.ranges(*p);
  }

  Key anchor_of(std::size_t s, const ActivityRule& r) const {
    auto has = [&](std::size_t set) {
      return std::any_of(sets_[set].rules.begin(), sets_[set].rules.end(),
                         [&](const ActivityRule* o) { return o->id == r.anchor; });
    };
    if (has(s)) return {s, r.anchor};
    for (std::size_t b : body_sets_)
      if (has(b)) return {b, r.anchor};
    fail(s, r, "anchor \"" + r.anchor + "\" is not a rule for the same school, nor a body-wide rule");
  }

  void plan(const Key& k) {
    if (planned_.count(k)) return;
    const ActivityRule& r = rule(k);
    if (!in_progress_.insert(k).second) fail(k.first, r, "its anchors lead back to itself");
    std::vector<Activity> acts;
    if (anchored(r.cadence) && !r.anchor.empty()) {
      const Key a = anchor_of(k.first, r);
      plan(a);
      acts = plan_anchored(k.first, r, rule(a), planned_.at(a));
    } else if (spread_cadence(r.cadence)) {
      std::vector<Date> between;  // a spread rule with an anchor falls between the anchor's activities
      if (!r.anchor.empty()) {
        const Key a = anchor_of(k.first, r);
        plan(a);
        for (const Activity& x : planned_.at(a)) between.push_back(anchor_days(x, r).first);
        std::sort(between.begin(), between.end());
      }
      acts = plan_spread(k.first, r, between);
    } else {
      acts = plan_dated(k.first, r);
    }
    in_progress_.erase(k);
    planned_.emplace(k, std::move(acts));
  }

  Activity make(std::size_t s, const ActivityRule& r, int index, Date start, Date end, std::optional<Date> due,
                std::string title) const {
    Activity a;
    a.uid = activity_uid(body_, sets_[s].urn, r.id, year_name_, index);
    a.body = body_;
    a.urn = sets_[s].urn;
    a.year = year_name_;
    a.type = r.type;
    a.title = std::move(title);
    a.start = start;
    a.end = end;
    a.due = due;
    a.rule = r.id;
    // Attendees and documents are the rule's, added with it (done_with): copying them per activity was a
    // fifth of planning a national year (issue 18).
    a.assessment_id = sets_[s].assessment_id;
    return a;
  }

  static std::string title_of(const ActivityRule& r) { return r.title.empty() ? r.id : r.title; }

  /// The officer who carries out rule `r` for set `s` under the workload, if any.
  std::optional<std::size_t> officer_for(std::size_t s, const ActivityRule& r) {
    const Workload& w = options_.workload;
    if (w.empty() || !sets_[s].urn || std::find(w.types.begin(), w.types.end(), r.type) == w.types.end())
      return std::nullopt;
    if (std::none_of(r.attendees.begin(), r.attendees.end(), [&](const std::string& a) { return a.rfind(w.role, 0) == 0; }))
      return std::nullopt;
    const auto it = w.officer_of.find(*sets_[s].urn);
    if (it == w.officer_of.end() || it->second >= w.officers.size()) {
      unlinked_.insert(*sets_[s].urn);
      return std::nullopt;
    }
    return it->second;
  }

  /// Whether `officer` has room for one more event on `d`.
  bool has_room(std::optional<std::size_t> officer, Date d) const {
    if (!officer || options_.workload.daily_limit <= 0) return true;
    const auto it = load_[*officer].find(d);
    return it == load_[*officer].end() || it->second < options_.workload.daily_limit;
  }

  /// Whether an activity of rule `k` on `d` leaves `officer` room on its day and
  /// on the days of the events anchored on it that the officer also holds
  /// (the conversation a week before a visit).
  bool has_room_with_followers(std::optional<std::size_t> officer, const Key& k, Date d) {
    if (!officer) return true;
    if (!has_room(officer, d)) return false;
    const auto it = followers_.find(k);
    if (it == followers_.end()) return true;
    for (const ActivityRule* f : it->second)
      if (!f->is_deadline && officer_for(k.first, *f) == officer &&
          !has_room(officer, offset(*f, d, f->cadence == Cadence::before ? -1 : +1)))
        return false;
    return true;
  }

  /// Books `a`'s day to `officer` and names the officer beside the role;
  /// says so in `unmet_` when the day was already full.
  void book(std::optional<std::size_t> officer, const ActivityRule& r, Activity& a, const std::string& why) {
    if (!officer) return;
    const Workload& w = options_.workload;
    const std::string& name = w.officers[*officer];
    a.attendees = r.attendees;
    for (auto& who : a.attendees)
      if (who.rfind(w.role, 0) == 0) who += ": " + name;
    const int n = ++load_[*officer][a.start];
    if (w.daily_limit > 0 && n > w.daily_limit && unmet_)
      unmet_->push_back("school " + std::to_string(a.urn.value_or(0)) + ", " + a.title + " on " + a.start.to_string() +
                        ": " + name + " has " + std::to_string(n) + " visits, meetings and conversations that day, above " +
                        "the daily limit of " + std::to_string(w.daily_limit) + " (" + why + ")");
  }

  /// The school days a spread rule may use: its window, within from..to.
  /// Visits, meetings and deadline windows with a school fall in term time.
  /// Worked out once for each window and from..to: every school's rules name
  /// the same few (check_set has refused a bad window already).
  const std::vector<Date>& allowed_days(std::size_t s, const ActivityRule& r) {
    auto key = std::tuple(r.window, r.from, r.to);
    if (auto it = allowed_.find(key); it != allowed_.end()) return it->second;
    const Date from = r.from ? *Date::try_parse(*r.from) : year_days_.first;
    const Date to = r.to ? *Date::try_parse(*r.to) : year_days_.last;
    std::vector<Date> out;
    for (const auto& range : window(s, r))
      for (Date d : cal_.school_days(range))
        if (from <= d && d <= to) out.push_back(d);
    return allowed_.emplace(std::move(key), std::move(out)).first->second;
  }

  /// The stretches of the year a spread rule fills `count` times each.
  std::vector<DateRange> slots(const ActivityRule& r) const {
    const AcademicYear& y = cal_.year(year_.start_year());
    switch (r.cadence) {
      case Cadence::per_term: return {y.term(Term::autumn), y.term(Term::spring), y.term(Term::summer)};
      case Cadence::per_half_term: return {y.half_terms.begin(), y.half_terms.end()};
      case Cadence::monthly: {
        std::vector<DateRange> months;
        for (int i = 0; i < 12; ++i) {
          const int m = (8 + i) % 12 + 1, cy = year_.start_year() + (m < 9 ? 1 : 0);
          months.push_back({Date::from_ymd(cy, m, 1), Date::from_ymd(cy, m, days_in_month(cy, m))});
        }
        return months;
      }
      default: return {year_days_};  // per_year and in_half_term: the window is the only slot
    }
  }

  /// The days of `days` on which an activity of rule `k` leaves room, inside
  /// the same stretch of term, for the rules anchored on it: an agenda two
  /// weeks before, minutes seven working days after. All days when none does.
  std::vector<Date> with_room(const Key& k, const std::vector<Date>& days) const {
    auto it = followers_.find(k);
    if (it == followers_.end() || days.empty()) return days;
    std::vector<Date> out;
    for (Date d : days) {
      bool fits = true;
      for (const ActivityRule* f : it->second)
        fits = fits && (f->cadence == Cadence::before ? days.front() <= offset(*f, d, -1)
                                                      : offset(*f, d, +1) <= days.back());
      if (fits) out.push_back(d);
    }
    return out.empty() ? days : out;
  }

  /// `days` less those not between the anchor activities on `between`: before
  /// the first, on one, or the working day before one. All of `days` when that
  /// leaves none.
  std::vector<Date> between_anchors(const std::vector<Date>& days, const std::vector<Date>& between) const {
    if (between.empty()) return days;
    std::set<Date> not_then(between.begin(), between.end());
    for (Date a : between) not_then.insert(cal_.working_day_on_or_before(a - 1));
    std::vector<Date> out;
    for (Date d : days)
      if (between.front() < d && !not_then.count(d)) out.push_back(d);
    return out.empty() ? days : out;
  }

  std::vector<Activity> plan_spread(std::size_t s, const ActivityRule& r, const std::vector<Date>& between) {
    const std::vector<Date> allowed = between_anchors(allowed_days(s, r), between);
    const int at = spread::position(body_, sets_[s].urn, r.id);
    const auto officer = r.is_deadline ? std::nullopt : officer_for(s, r);
    std::vector<Activity> out;
    int index = 0;
    for (const DateRange& slot : slots(r)) {
      std::vector<Date> all;
      for (Date d : allowed)
        if (slot.contains(d)) all.push_back(d);
      const std::vector<Date> days = r.is_deadline ? all : with_room({s, r.id}, all);
      if (days.empty()) continue;
      // A stretch that `from` cuts uses only its days from `from` on: an
      // activity keeps the day it has in the whole stretch when that day is
      // still to come (so re-planning the same rules mid-term moves nothing),
      // else it is spread over the days left. A stretch wholly before `from`
      // is planned as usual, to keep the indexes, and left out of the output.
      std::vector<Date> left;
      if (const auto& from = sets_[s].from; from && all.front() < *from && *from <= all.back()) {
        std::copy_if(all.begin(), all.end(), std::back_inserter(left), [&](Date d) { return *from <= d; });
        if (!r.is_deadline) left = with_room({s, r.id}, left);
      }
      const auto whole = spread::stretches(days.size(), r.count);
      const auto rest = left.empty() ? whole : spread::stretches(left.size(), r.count);
      for (std::size_t i = 0; i < whole.size(); ++i) {
        const spread::Stretch st = whole[i];
        if (r.is_deadline) {
          // A deadline for the stretch: open from its first day, due on its last.
          const bool keep = left.empty() || sets_[s].from <= days[st.first];
          const std::vector<Date>& in = keep ? days : left;
          const spread::Stretch use = keep ? st : rest[i];
          out.push_back(make(s, r, index++, in[use.first], in[use.last], in[use.last], title_of(r)));
          continue;
        }
        Date d;
        // Said only when an officer's day is full: worded for each activity, it was most of the planner's allocations.
        std::string stretch;
        if (officer) stretch = "from " + days[st.first].to_string() + " to " + days[st.last].to_string();
        if (auto kept = still_planned(s, r, index, days, st)) {
          d = *kept;  // a re-plan moves nothing already planned in this stretch and still to come
        } else {
          d = days[free_day(s, r, st, spread::pick(st, at), days, officer)];
          // A stretch cut by `from`: a day still to come is kept when it leaves its followers room from
          // `from` on; else the activity is spread over the days left.
          if (!left.empty() && (d < *sets_[s].from || !std::binary_search(left.begin(), left.end(), d))) {
            d = left[free_day(s, r, rest[i], spread::pick(rest[i], at), left, officer)];
            if (officer) stretch = "from " + left[rest[i].first].to_string() + " to " + left[rest[i].last].to_string();
          }
        }
        busy_[s].insert(d);
        out.push_back(make(s, r, index++, d, d, std::nullopt, title_of(r)));
        if (officer) book(officer, r, out.back(), "no day " + stretch + " had room");
      }
    }
    return out;
  }

  /// The day occurrence `index` of rule `r` is stored as planned on, when that day is one of this
  /// stretch's, on or after the set's `from`, and not yet taken by another of the school's events.
  std::optional<Date> still_planned(std::size_t s, const ActivityRule& r, int index, const std::vector<Date>& days,
                                    spread::Stretch st) const {
    if (options_.planned.empty()) return std::nullopt;  // a first plan: no UID to hash
    const auto stored = options_.planned.find(activity_uid(body_, sets_[s].urn, r.id, year_name_, index));
    if (!stored) return std::nullopt;
    const Date d = *stored;
    if (d < days[st.first] || days[st.last] < d || !std::binary_search(days.begin(), days.end(), d)) return std::nullopt;
    // The officer's limit does not move it: a re-plan moves nothing already planned (book() says if it is over).
    if ((sets_[s].from && d < *sets_[s].from) || busy_[s].count(d)) return std::nullopt;
    return d;
  }

  /// `want`, or the nearest index in the stretch whose day has no other event of this school
  /// and on which the school's officer (if any) has room under the daily limit.
  /// Days already planned for the school in the store are avoided too where
  /// another day will do, so that a re-plan does not push them aside. The
  /// officer's limit gives way last: the caller reports the day it breaks it.
  std::size_t free_day(std::size_t s, const ActivityRule& r, spread::Stretch st, std::size_t want,
                       const std::vector<Date>& days, std::optional<std::size_t> officer) {
    const std::size_t len = st.last - st.first + 1;
    const auto stored = sets_[s].urn ? options_.planned_days.find(*sets_[s].urn) : options_.planned_days.end();
    for (const bool limit : {true, false}) {
      if (!limit && !officer) continue;  // without an officer the first round already ignored the limit
      for (const bool avoid_stored : {true, false}) {
        if (avoid_stored && stored == options_.planned_days.end()) continue;
        for (std::size_t step = 0; step < len; ++step) {
          for (int sign : {1, -1}) {
            const auto i = static_cast<std::ptrdiff_t>(want) + sign * static_cast<std::ptrdiff_t>(step);
            if (i < static_cast<std::ptrdiff_t>(st.first) || i > static_cast<std::ptrdiff_t>(st.last)) continue;
            const Date d = days[static_cast<std::size_t>(i)];
            if (!busy_[s].count(d) && !(avoid_stored && std::binary_search(stored->second.begin(), stored->second.end(), d)) && (!limit || has_room_with_followers(officer, {s, r.id}, d)))
              return static_cast<std::size_t>(i);
          }
        }
      }
    }
    return want;
  }

  /// `offset_days` after (or before, when sign < 0) `d`, counting the rule's
  /// kind of day: working days (the office's, all year), school days (term
  /// time), or calendar days moved to the nearest working day.
  Date offset(const ActivityRule& r, Date d, int sign) const {
    return offset_date(cal_, d, sign * r.offset_days, r.offset_kind());
  }

  /// The days an anchor activity takes for a rule anchored on it: for what
  /// comes after it, the day it was held; else (and for what comes before
  /// it, which was due by the day it was expected) its dates since it was
  /// moved; else its planned ones.
  DateRange anchor_days(const Activity& a, const ActivityRule& r) const {
    if (auto h = options_.held.find(a.uid); h != options_.held.end() && r.cadence != Cadence::before)
      return {h->second, h->second};
    if (auto m = options_.moved.find(a.uid); m != options_.moved.end()) return m->second;
    return {a.start, a.end};
  }

  /// One activity for each anchor activity, with the anchor's index.
  std::vector<Activity> plan_anchored(std::size_t s, const ActivityRule& r, const ActivityRule& anchor_rule,
                                      const std::vector<Activity>& anchors) {
    const auto officer = r.is_deadline ? std::nullopt : officer_for(s, r);
    std::vector<Activity> out;
    out.reserve(anchors.size());
    int index = 0;
    const std::string& what = anchor_rule.type.empty() ? anchor_rule.id : anchor_rule.type;
    for (const Activity& anchor : anchors) {
      const DateRange a = anchor_days(anchor, r);
      const std::string title = title_of(r) + " (" + what + " on " + a.first.to_string() + ")";
      if (r.cadence == Cadence::before) {
        const Date d = offset(r, a.first, -1);
        out.push_back(make(s, r, index++, d, d, r.is_deadline ? std::optional(d) : std::nullopt, title));
      } else if (r.cadence == Cadence::after) {
        const Date d = offset(r, a.last, +1);
        if (r.is_deadline) out.push_back(make(s, r, index++, a.last, d, d, title));
        else out.push_back(make(s, r, index++, d, d, std::nullopt, title));
      } else {  // within
        const Date d = offset(r, a.last, +1);
        out.push_back(make(s, r, index++, a.last, d, r.is_deadline ? std::optional(d) : std::nullopt, title));
      }
      Activity& made = out.back();
      made.anchor_uid = anchor.uid;
      made.offset_days = r.cadence == Cadence::before ? -r.offset_days : r.offset_days;
      made.day_kind = r.offset_kind();
      // Dated from its anchor: it is counted in the officer's day, not moved.
      if (officer) book(officer, r, made, "its day is set by the " + what + " on " + a.first.to_string());
    }
    return out;
  }

  /// on_date, and within a fixed `anchor_date`: nothing when the date is outside the year.
  std::vector<Activity> plan_dated(std::size_t s, const ActivityRule& r) const {
    const Date d = *Date::try_parse(r.anchor_date);
    if (!year_days_.contains(d)) return {};
    if (r.cadence == Cadence::on_date)
      return {make(s, r, 0, d, d, r.is_deadline ? std::optional(d) : std::nullopt, title_of(r))};
    const Date end = offset(r, d, +1);
    return {make(s, r, 0, d, end, r.is_deadline ? std::optional(end) : std::nullopt, title_of(r))};
  }

  const AcademicCalendar& cal_;
  const std::string& body_;
  Period year_;
  std::string year_name_;
  std::vector<RuleSetView> sets_;
  std::vector<RuleSet>* owned_;  ///< where the sets' rules are, when the planner may free them
  std::vector<std::size_t> body_sets_;  ///< the sets without a school, in order
  const PlanOptions& options_;
  DateRange year_days_;  ///< 1 September to 31 August
  std::vector<std::set<Date>> busy_;  ///< per rule set: days already holding an event
  std::map<Key, std::vector<Activity>> planned_;
  std::set<Key> in_progress_;
  std::map<Key, std::vector<const ActivityRule*>> followers_;  ///< rules anchored on each rule
  std::vector<std::map<Date, int>> load_;  ///< per officer of the workload: events booked on each day
  /// allowed_days by a rule's window, from and to
  std::map<std::tuple<std::string, std::optional<std::string>, std::optional<std::string>>, std::vector<Date>> allowed_;
  std::vector<std::string>* unmet_;
  std::set<std::int64_t> unlinked_;  ///< schools with an officer's activities but no officer linked
};

}  // namespace

std::string activity_uid(const std::string& body, std::optional<std::int64_t> urn, const std::string& rule,
                         const std::string& year, int index) {
  // The key is built in one buffer per thread, and only the hex the UID keeps
  // is written: a national year makes most of a million (issue 18).
  thread_local std::string key;
  char digits[24];
  auto put = [&](auto n) { key.append(digits, std::to_chars(digits, digits + sizeof digits, n).ptr); };
  key.assign(body);
  key += '\x1f';
  if (urn) put(*urn);
  else key += '-';
  key += '\x1f';
  key += rule;
  key += '\x1f';
  key += year;
  key += '\x1f';
  put(index);
  const auto digest = sha256_digest(key);
  static constexpr char kHex[] = "0123456789abcdef";
  static constexpr std::string_view kTail = "@trellis";
  std::string out(32 + kTail.size(), '\0');
  for (std::size_t i = 0; i < 16; ++i) {
    out[2 * i] = kHex[digest[i] >> 4];
    out[2 * i + 1] = kHex[digest[i] & 15];
  }
  kTail.copy(out.data() + 32, kTail.size());
  return out;
}

namespace {

void require_year(const Period& year) {
  if (year.kind() != Period::Kind::year)
    throw UsageError("expected an academic year like 2024-25 to plan, found " + year.to_string());
}

std::vector<RuleSetView> views_of(const std::vector<RuleSet>& sets) {
  std::vector<RuleSetView> out;
  out.reserve(sets.size());
  for (const RuleSet& set : sets) {
    RuleSetView v{set.urn, set.assessment_id, {}, set.from};
    for (const auto& r : set.rules) v.rules.push_back(&r);
    out.push_back(std::move(v));
  }
  return out;
}

}  // namespace

std::vector<Activity> plan_year(const AcademicCalendar& cal, const std::string& body, const Period& year,
                                const std::vector<RuleSet>& sets, const PlanOptions& options,
                                std::vector<std::string>* unmet) {
  require_year(year);
  return Planner(cal, body, year, views_of(sets), nullptr, options, unmet).run().activities();
}

std::vector<Activity> plan_year(const AcademicCalendar& cal, const std::string& body, const Period& year,
                                std::vector<RuleSet>&& sets, const PlanOptions& options,
                                std::vector<std::string>* unmet) {
  return plan_year_compact(cal, body, year, std::move(sets), options, unmet).activities();
}

PlannedYear plan_year_compact(const AcademicCalendar& cal, const std::string& body, const Period& year,
                              const RuleSets& sets, const PlanOptions& options, std::vector<std::string>* unmet) {
  require_year(year);
  return Planner(cal, body, year, sets.sets(), nullptr, options, unmet).run();
}

PlannedYear plan_year_compact(const AcademicCalendar& cal, const std::string& body, const Period& year,
                              std::vector<RuleSet>&& sets, const PlanOptions& options,
                              std::vector<std::string>* unmet) {
  require_year(year);
  PlannedYear out = Planner(cal, body, year, views_of(sets), &sets, options, unmet).run();
  std::vector<RuleSet>().swap(sets);
  return out;
}

Date offset_date(const AcademicCalendar& cal, Date anchor, int offset_days, DayKind kind) {
  // Working and school days are counted; a calendar day that is not a
  // working day moves away from the anchor (a deadline conventionally moves later).
  switch (kind) {
    case DayKind::working: return cal.add_working_days(anchor, offset_days);
    case DayKind::school: return cal.add_school_days(anchor, offset_days);
    case DayKind::calendar: break;
  }
  const Date d = anchor + offset_days;
  return offset_days < 0 ? cal.working_day_on_or_before(d) : cal.working_day_on_or_after(d);
}

}  // namespace trellis
