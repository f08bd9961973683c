#include "school_judgement.hpp"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <stop_token>
#include <limits>
#include <thread>

#include "trellis/calendar_view.hpp"

namespace trellis {
namespace {

/// A level of the overall scale, or the kernel's own `insufficient evidence`,
/// which a regime may give itself when what it needs to judge is not held.
bool on_scale(const sdk::RegimeDescription& d, const std::string& level) {
  if (level == kInsufficientEvidence) return true;
  for (auto& scale : d.scales)
    if (scale.id == d.overall_scale)
      for (auto& l : scale.levels)
        if (l.id == level) return true;
  return false;
}

std::string label_of(const sdk::RegimeDescription& d, const std::string& indicator) {
  for (const auto& i : d.indicators)
    if (i.id == indicator) return i.label;
  return indicator;
}

bool declared(const sdk::RegimeDescription& d, const std::string& indicator) {
  if (d.indicators.empty()) return true;
  return std::any_of(d.indicators.begin(), d.indicators.end(), [&](auto& i) { return i.id == indicator; });
}

/// "2018-19 Qualifying complaints not used for 2021-22: older than the policy allows (this year's only)".
std::string stale_reason(const sdk::RegimeDescription& d, const StaleItem& s, const Period& at) {
  const std::string allowed = s.max_age == 0   ? "this year's only"
                              : s.max_age == 1 ? "this year's or last year's"
                                               : "up to " + std::to_string(s.max_age) + " years old";
  return s.period + " " + label_of(d, s.indicator) + " not used for " + at.to_string() +
         ": older than the policy allows (" + allowed + (s.recorded ? " for recorded evidence" : "") + ").";
}

/// The entries of [evidence.minimum] the view does not meet, each as the labels it names.
std::vector<std::string> unmet_minimum(const sdk::RegimeDescription& d, const KernelSections& k,
                                       const sdk::EvidenceView& view) {
  std::vector<std::string> unmet;
  for (const auto& entry : k.minimum) {
    bool met = false;
    std::string labels;
    for (std::size_t from = 0; from <= entry.size();) {
      const auto bar = std::min(entry.find('|', from), entry.size());
      const std::string id = entry.substr(from, bar - from);
      auto o = view.latest(id);
      met = met || (o && o->present());
      labels += (labels.empty() ? "" : " or ") + label_of(d, id);
      from = bar + 1;
    }
    if (!met) unmet.push_back(labels);
  }
  return unmet;
}

/// Replaces a judgement the evidence cannot carry with `insufficient evidence` and says what is missing.
void judge_sufficiency(const sdk::RegimeDescription& d, const KernelSections& k, const sdk::EvidenceView& view,
                       sdk::AssessmentOut& out) {
  if (!out.classified || k.minimum_at_least == 0) return;
  const auto unmet = unmet_minimum(d, k, view);
  const int met = static_cast<int>(k.minimum.size() - unmet.size());
  if (met >= k.minimum_at_least) return;
  out.level = kInsufficientEvidence;
  out.reasons.clear();
  out.reasons.push_back("Not enough evidence for a judgement: the policy needs " + std::to_string(k.minimum_at_least) +
                        " of " + std::to_string(k.minimum.size()) + " measures, and " + std::to_string(met) +
                        (met == 1 ? " is" : " are") + " held.");
  for (const auto& u : unmet) out.reasons.push_back("Missing: " + u + ".");
  if (k.insufficient_follow_up) out.reasons.push_back("What follows: " + k.insufficient_follow_up->title + ".");
  // Nor can it carry the regime's ratings of areas and indicators.
  out.ratings.erase(std::remove_if(out.ratings.begin(), out.ratings.end(), [](auto& r) { return r.stage == "computed"; }),
                    out.ratings.end());
}

/// What one thread judges with: its own Lua state and its own calendar (a
/// calendar caches the years it is asked about, so it is not shared).
/// Its regime's failures are kept, for the calling thread to log once it
/// knows they count (hand_over), in the schools' order.
struct Worker {
  Worker(const JudgementSetup& setup, lua::ThresholdSandbox& runner)
      : calendar(setup.evidence.calendar()), thresholds(runner),
        regime(setup.regime.logging_to([this](const std::string& line) { logged.push_back(line); })) {}
  Worker(const Worker&) = delete;  // its regime logs into it
  AcademicCalendar calendar;
  AcademicCalendarView calendar_view{calendar};
  lua::ThresholdSandbox& thresholds;
  RegimeHandle regime;
  std::vector<std::string> logged;  ///< the school's failures so far
  /// The slots of each side it judged, which it frees itself (Relay::free_judged):
  /// kept here, so that no thread reads a slot another is freeing.
  std::vector<std::size_t> judged[2];
};

/// A judged school, or how judging it ended.
struct Slot {
  SchoolJudgement judgement;
  std::exception_ptr error;         ///< thrown on the calling thread, in order
  std::vector<std::string> logged;  ///< the regime's failures, logged on the calling thread, in order
  bool failed() const { return error || !judgement.status; }
};

void judge(const JudgementSetup& s, Worker& w, std::int64_t urn, Slot& slot) {
  SchoolJudgement& j = slot.judgement;
  try {
    j.urn = urn;
    j.view = s.evidence.view(urn, s.period, w.calendar_view);
    // A script judges a missing return as of the day the assessment is made.
    w.thresholds.set_day(s.made_on, s.due_days.of(urn));
    j.status = w.regime.assess({*j.view, s.policy.view(), w.thresholds}, j.out);
    if (j.status && j.out.classified && !on_scale(s.description, j.out.level))
      j.status = sdk::Status::failure("level \"" + j.out.level + "\" is not on the " + s.description.overall_scale +
                                      " scale");
    if (j.status) {
      judge_sufficiency(s.description, s.sections, *j.view, j.out);
      for (const auto& stale : s.evidence.stale(urn, s.period))
        if (declared(s.description, stale.indicator))
          j.out.reasons.push_back(stale_reason(s.description, stale, s.period));
      j.prior = s.evidence.prior(urn, s.period);
      j.recorded = s.evidence.recorded(urn, s.period);
      if (s.plan) j.rules = s.plan(j, w.regime, w.calendar);
    }
  } catch (...) {
    slot.error = std::current_exception();
  }
  slot.logged = std::move(w.logged);
  w.logged.clear();
}

/// Lowers `first` to `index` unless it is already lower.
void lower_to(std::atomic<std::size_t>& first, std::size_t index) {
  std::size_t seen = first.load();
  while (index < seen && !first.compare_exchange_weak(seen, index)) {
  }
}

/// Hands a judged school to `take` on the calling thread: false when the run
/// ends with it (its failure is the last school taken). A school that could
/// not be judged throws what judging it threw.
bool hand_over(const JudgementSetup& setup, Slot& slot, const std::function<void(SchoolJudgement&)>& take) {
  for (const auto& line : slot.logged) setup.regime.log(line);
  if (slot.error) std::rethrow_exception(slot.error);
  take(slot.judgement);
  return static_cast<bool>(slot.judgement.status);
}

/// One thread: each school judged, then taken.
void judge_in_turn(const JudgementSetup& setup, const std::vector<std::int64_t>& urns,
                   lua::ThresholdSandbox& thresholds, const std::function<void(SchoolJudgement&)>& take) {
  Worker worker(setup, thresholds);
  for (std::size_t i = 0; i < urns.size(); ++i) {
    setup.evidence.hold_window_at(urns, i);
    Slot slot;
    judge(setup, worker, urns[i], slot);
    const auto using_database = setup.evidence.lock_database();  // as on several threads: uncontended here
    if (!hand_over(setup, slot, take)) return;
  }
}

/// Several threads judge the schools of one window of the store while the
/// calling thread reads the next window and takes the judged schools in
/// order: reading, storing and printing overlap the judging rather than wait
/// for it (issue 18). At a window's end the threads wait until the calling
/// thread has taken every school of it; the next window then replaces it.
/// The windows' slots alternate between two sides: once the next window is
/// posted, each thread frees the slots of the last that it judged itself,
/// while the other judges (memory one thread allocated, freed by another as
/// it allocates, makes both wait on its heap's lock).
class Relay {
 public:
  Relay(const JudgementSetup& setup, const std::vector<std::int64_t>& urns) : setup_(setup), urns_(urns) {}

  /// Judges with each of `workers` on a thread of its own, but the first,
  /// which is this thread's: it reads and takes, and judges when it would
  /// otherwise wait for the next school in order.
  void run(std::vector<std::unique_ptr<Worker>>& workers, const std::function<void(SchoolJudgement&)>& take) {
    setup_.evidence.hold_window_at(urns_, 0);
    for (std::size_t k = 1; k < workers.size(); ++k)
      threads_.emplace_back([this, &w = *workers[k]](std::stop_token stop) { judge_windows(stop, w); });
    for (std::size_t begin = 0; begin < urns_.size(); begin += kWindow) {
      const std::size_t end = std::min(urns_.size(), begin + kWindow);
      post(begin, end, *workers[0]);
      setup_.evidence.read_window_ahead(urns_, end);  // while the window posted is judged
      for (std::size_t i = begin; i < end; ++i)
        if (!take_next(i - begin, *workers[0], take)) return;  // the threads stop and are joined as the relay ends
      {
        std::unique_lock lock(guard_);
        finished_.wait(lock, [&] { return busy_ == 0; });
      }  // no thread reads this window's views now: the next may replace it
      setup_.evidence.hold_window_at(urns_, end);
    }
  }

 private:
  /// A store ByWindow's window; as many schools at a time from a store of every school.
  static constexpr std::size_t kWindow = EvidenceStore::kWindow;
  static constexpr std::size_t none = std::numeric_limits<std::size_t>::max();

  /// Hands the schools [begin, end) to the threads, on the side the window
  /// before last had (its slots freed), then frees the last window's slots
  /// that `caller`, the calling thread's worker, judged.
  void post(std::size_t begin, std::size_t end, Worker& caller) {
    {
      const std::lock_guard lock(guard_);
      begin_ = begin;
      end_ = end;
      next_ = begin;
      busy_ = threads_.size();
      ++window_;
      side_ = window_ % 2;
      for (std::size_t k = 0; k < kWindow; ++k) done_[side_][k].store(false, std::memory_order_relaxed);
    }
    posted_.notify_all();
    free_judged(caller, 1 - side_);
  }

  /// Frees the slots of `side` that `worker` judged: on its own thread, once every school of them was taken.
  void free_judged(Worker& worker, std::size_t side) {
    for (const std::size_t k : worker.judged[side]) slots_[side][k] = Slot{};
    worker.judged[side].clear();
  }

  /// Waits for the window's school `k` to be judged, judging others with
  /// `worker` meanwhile, then hands it over (the thread that judged it frees it: free_judged).
  bool take_next(std::size_t k, Worker& worker, const std::function<void(SchoolJudgement&)>& take) {
    std::atomic<bool>& done = done_[side_][k];
    while (!done.load(std::memory_order_acquire))
      if (!judge_next(worker)) done.wait(false, std::memory_order_acquire);
    bool more = false;
    {
      const auto using_database = setup_.evidence.lock_database();
      more = hand_over(setup_, slots_[side_][k], take);
    }
    return more;
  }

  /// Judges the next school handed out, if any is left before a failure.
  bool judge_next(Worker& worker) {
    std::size_t i = 0, k = 0, side = 0;
    {
      const std::lock_guard lock(guard_);
      if (next_ >= end_ || next_ > first_failure_.load()) return false;
      i = next_++;
      k = i - begin_;
      side = side_;
    }
    Slot& slot = slots_[side][k];
    worker.judged[side].push_back(k);
    judge(setup_, worker, urns_[i], slot);
    if (slot.failed()) lower_to(first_failure_, i);
    done_[side][k].store(true, std::memory_order_release);
    done_[side][k].notify_one();
    return true;
  }

  /// Another thread's part: the schools of each window posted, in the order
  /// handed out, and none after a failure (the calling thread takes it last).
  void judge_windows(std::stop_token stop, Worker& worker) {
    for (std::size_t seen = 0;;) {
      std::size_t side = 0;
      {
        std::unique_lock lock(guard_);
        if (!posted_.wait(lock, stop, [&] { return window_ != seen; })) return;
        seen = window_;
        side = side_;
      }
      free_judged(worker, 1 - side);  // every school of the last window was taken before this one was posted
      while (!stop.stop_requested() && judge_next(worker)) {
      }
      const std::lock_guard lock(guard_);
      if (--busy_ == 0) finished_.notify_one();
    }
  }

  const JudgementSetup& setup_;
  const std::vector<std::int64_t>& urns_;
  /// The window's school k's is slots_[side_][k]; the last window's, on the other side, are freed as this one is judged.
  std::vector<Slot> slots_[2] = {std::vector<Slot>(kWindow), std::vector<Slot>(kWindow)};
  std::unique_ptr<std::atomic<bool>[]> done_[2] = {std::make_unique<std::atomic<bool>[]>(kWindow),
                                                   std::make_unique<std::atomic<bool>[]>(kWindow)};  ///< slots_[side][k] judged
  std::atomic<std::size_t> first_failure_{none};  ///< index into urns_
  std::mutex guard_;                              ///< over what follows
  std::condition_variable_any posted_;            ///< a window was posted
  std::condition_variable_any finished_;          ///< every thread is done with the window posted
  std::size_t begin_ = 0, end_ = 0, next_ = 0, busy_ = 0, window_ = 0, side_ = 0;
  std::vector<std::jthread> threads_;  ///< last: stopped and joined before the rest goes
};

}  // namespace

void judge_schools(const JudgementSetup& setup, const std::vector<std::int64_t>& urns,
                   lua::ThresholdSandbox& thresholds, unsigned threads,
                   const std::function<void(SchoolJudgement&)>& take) {
  std::size_t count = setup.regime.concurrent() ? std::max(threads, 1u) : 1;
  count = std::min(count, urns.size());
  if (count <= 1) return judge_in_turn(setup, urns, thresholds, take);
  // The calling thread uses the run's own runner; each other thread compiles the scripts again.
  std::vector<std::unique_ptr<lua::ThresholdSandbox>> own;
  std::vector<std::unique_ptr<Worker>> workers;
  workers.push_back(std::make_unique<Worker>(setup, thresholds));
  for (std::size_t k = 1; k < count; ++k) {
    own.push_back(make_threshold_runner(setup.policy, setup.description));
    workers.push_back(std::make_unique<Worker>(setup, *own.back()));
  }
  Relay(setup, urns).run(workers, take);
}

}  // namespace trellis
