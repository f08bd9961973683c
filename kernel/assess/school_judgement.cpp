#include "school_judgement.hpp"

#include <algorithm>
#include <atomic>
#include <limits>
#include <thread>

#include "trellis/calendar_view.hpp"

namespace trellis {
namespace {

/// Schools judged before the calling thread takes them: enough to keep the
/// threads busy, few enough that their views stay small.
constexpr std::size_t kBlock = 256;
static_assert(EvidenceStore::kWindow % kBlock == 0, "a window of schools held starts with a block");

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
struct Worker {
  Worker(const AcademicCalendar& cal, lua::ThresholdSandbox& runner) : calendar(cal), thresholds(runner) {}
  AcademicCalendar calendar;
  AcademicCalendarView calendar_view{calendar};
  lua::ThresholdSandbox& thresholds;
};

/// A judged school, or how judging it ended.
struct Slot {
  SchoolJudgement judgement;
  std::exception_ptr error;  ///< thrown on the calling thread, in order
  bool logged = false;       ///< the failure is the plugin's: the handle would have logged it
  bool failed() const { return error || !judgement.status; }
};

void judge(const JudgementSetup& s, const RegimeHandle& regime, Worker& w, std::int64_t urn, Slot& slot) {
  SchoolJudgement& j = slot.judgement;
  try {
    j.urn = urn;
    j.view = s.evidence.view(urn, s.period, w.calendar_view);
    // A script judges a missing return as of the day the assessment is made.
    w.thresholds.set_day(s.made_on, s.due_days.of(urn));
    j.status = regime.assess({*j.view, s.policy.view(), w.thresholds}, j.out);
    slot.logged = !j.status;
    if (j.status && j.out.classified && !on_scale(s.description, j.out.level))
      j.status = sdk::Status::failure("level \"" + j.out.level + "\" is not on the " + s.description.overall_scale +
                                      " scale");
    if (!j.status) return;
    judge_sufficiency(s.description, s.sections, *j.view, j.out);
    for (const auto& stale : s.evidence.stale(urn, s.period))
      if (declared(s.description, stale.indicator)) j.out.reasons.push_back(stale_reason(s.description, stale, s.period));
    j.prior = s.evidence.prior(urn, s.period);
    j.recorded = s.evidence.recorded(urn, s.period);
  } catch (...) {
    slot.error = std::current_exception();
  }
}

/// Lowers `first` to `index` unless it is already lower.
void lower_to(std::atomic<std::size_t>& first, std::size_t index) {
  std::size_t seen = first.load();
  while (index < seen && !first.compare_exchange_weak(seen, index)) {
  }
}

}  // namespace

void judge_schools(const JudgementSetup& setup, const std::vector<std::int64_t>& urns,
                   lua::ThresholdSandbox& thresholds, unsigned threads,
                   const std::function<void(SchoolJudgement&)>& take) {
  std::size_t count = setup.regime.concurrent() ? std::max(threads, 1u) : 1;
  count = std::min({count, urns.size(), kBlock});
  count = std::max<std::size_t>(count, 1);
  // The calling thread's worker uses the run's own runner; each other thread compiles the scripts again.
  std::vector<std::unique_ptr<lua::ThresholdSandbox>> own;
  std::vector<std::unique_ptr<Worker>> workers;
  workers.push_back(std::make_unique<Worker>(setup.evidence.calendar(), thresholds));
  for (std::size_t k = 1; k < count; ++k) {
    own.push_back(make_threshold_runner(setup.policy, setup.description));
    workers.push_back(std::make_unique<Worker>(setup.evidence.calendar(), *own.back()));
  }
  // Worker threads log nothing: a failure is logged below once it is known to be the first.
  const RegimeHandle quiet = setup.regime.unlogged();

  constexpr std::size_t none = std::numeric_limits<std::size_t>::max();
  std::atomic<std::size_t> first_failure{none};  // index into urns
  std::vector<Slot> slots;
  for (std::size_t begin = 0; begin < urns.size(); begin += kBlock) {
    const std::size_t end = std::min(urns.size(), begin + kBlock);
    slots.clear();  // the views of the block before, which may point into the window before
    setup.evidence.hold_window_at(urns, begin);
    slots.resize(end - begin);
    std::atomic<std::size_t> next{begin};
    // Schools are handed out in order, so every school before a failure is judged.
    auto work = [&](Worker& w) {
      for (;;) {
        const std::size_t i = next.fetch_add(1);
        if (i >= end || i > first_failure.load()) return;
        judge(setup, quiet, w, urns[i], slots[i - begin]);
        if (slots[i - begin].failed()) lower_to(first_failure, i);
      }
    };
    {
      std::vector<std::jthread> helpers;
      for (std::size_t k = 1; k < count; ++k) helpers.emplace_back(work, std::ref(*workers[k]));
      work(*workers[0]);
    }  // joined: what follows is the calling thread's alone
    for (std::size_t i = begin; i < end; ++i) {
      Slot& slot = slots[i - begin];
      if (slot.error) std::rethrow_exception(slot.error);
      if (slot.logged) setup.regime.log(slot.judgement.status.message);
      take(slot.judgement);
      if (!slot.judgement.status) return;
    }
  }
}

}  // namespace trellis
