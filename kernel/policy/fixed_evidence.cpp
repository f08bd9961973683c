#include "trellis/policy/fixed_evidence.hpp"

#include <algorithm>
#include <tuple>

#include "trellis/period.hpp"

namespace trellis {
namespace {

// When a period starts, as (year, term, half); unparsable periods sort first.
std::tuple<int, int, int> start_of(const std::string& period) {
  auto p = Period::try_parse(period);
  if (!p) return {-1, 0, 0};
  if (p->kind() == Period::Kind::year) return {p->start_year(), 0, 0};
  return {p->start_year(), static_cast<int>(p->term()), p->kind() == Period::Kind::half_term ? p->half() - 1 : 0};
}

}  // namespace

FixedEvidence::FixedEvidence(sdk::SchoolInfo school, std::string period)
    : school_(std::move(school)), period_(std::move(period)), start_(start_of(period_)),
      calendar_(std::make_shared<const AcademicCalendar>()), calendar_view_(*calendar_) {}

void FixedEvidence::set_calendar(std::shared_ptr<const AcademicCalendar> calendar) {
  if (!calendar) calendar = std::make_shared<const AcademicCalendar>();
  calendar_ = std::move(calendar);
  calendar_view_ = AcademicCalendarView(*calendar_);
}

const sdk::CalendarView& FixedEvidence::calendar() const { return calendar_view_; }

void FixedEvidence::add(sdk::Observation item) {
  if (item.period.empty()) item.period = period_;
  if (item.id == 0) item.id = static_cast<std::int64_t>(items_.size()) + 1;
  for (std::size_t i = items_.size(); i-- > 0;)
    if (items_[i].indicator == item.indicator && items_[i].period == item.period) {
      items_.erase(items_.begin() + static_cast<std::ptrdiff_t>(i));
      starts_.erase(starts_.begin() + static_cast<std::ptrdiff_t>(i));
    }
  starts_.push_back(start_of(item.period));
  items_.push_back(std::move(item));
}

void FixedEvidence::set_benchmark(const std::string& indicator, sdk::BenchmarkScope scope, double value) {
  benchmarks_[{indicator, static_cast<int>(scope)}] = value;
}

void FixedEvidence::set_previous_level(std::optional<std::string> level) { previous_level_ = std::move(level); }

void FixedEvidence::set_rating(const std::string& subject, const std::string& stage, const std::string& level) {
  ratings_[{subject, stage}] = level;
}

const sdk::SchoolInfo& FixedEvidence::school() const { return school_; }
std::string FixedEvidence::period() const { return period_; }

std::optional<sdk::Observation> FixedEvidence::latest(std::string_view indicator) const {
  std::size_t best = items_.size();
  for (std::size_t i = 0; i < items_.size(); ++i) {
    if (items_[i].indicator != indicator || starts_[i] > start_) continue;
    if (best == items_.size() || starts_[i] >= starts_[best]) best = i;
  }
  return best == items_.size() ? std::nullopt : std::optional(items_[best]);
}

std::vector<sdk::Observation> FixedEvidence::all() const {
  std::vector<sdk::Observation> out = items_;
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return start_of(a.period) > start_of(b.period);
  });
  return out;
}

std::optional<double> FixedEvidence::benchmark(std::string_view indicator, sdk::BenchmarkScope scope) const {
  auto it = benchmarks_.find(std::pair<std::string, int>(std::string(indicator), static_cast<int>(scope)));
  return it == benchmarks_.end() ? std::nullopt : std::optional(it->second);
}

std::optional<std::string> FixedEvidence::previous_level() const { return previous_level_; }

std::optional<std::string> FixedEvidence::rating(std::string_view subject, std::string_view stage) const {
  auto it = ratings_.find(std::pair<std::string, std::string>(subject, stage));
  return it == ratings_.end() ? std::nullopt : std::optional(it->second);
}

}  // namespace trellis
