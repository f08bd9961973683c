#pragma once
/// The SDK's read-only CalendarView over an AcademicCalendar: what a regime
/// plugin sees of the body's calendar through EvidenceView::calendar().
///
///     AcademicCalendar cal = calendar_from_policy(policy.view(), policy.path().string());
///     AcademicCalendarView view(cal);              // cal must outlive view
///     view.add_days("2025-05-22", 7, sdk::DayKind::working);   // "2025-06-03"
///     view.period_first_day("2024-25/spring");                  // "2025-01-06"
///
/// Bad dates and periods give std::nullopt (or false); nothing throws for
/// them. Like the calendar, a view is not meant to be shared between threads.
#include "trellis/calendar.hpp"
#include "trellis/sdk/calendar_view.hpp"

namespace trellis {

class AcademicCalendarView final : public sdk::CalendarView {
 public:
  explicit AcademicCalendarView(const AcademicCalendar& calendar) : calendar_(&calendar) {}

  const AcademicCalendar& calendar() const { return *calendar_; }

  std::optional<std::string> period_first_day(std::string_view period) const override;
  std::optional<std::string> period_last_day(std::string_view period) const override;
  std::optional<std::string> first_school_day(std::string_view period) const override;
  std::optional<int> days_between(std::string_view from, std::string_view to, sdk::DayKind kind) const override;
  std::optional<std::string> add_days(std::string_view from, int n, sdk::DayKind kind) const override;
  bool is_day(std::string_view date, sdk::DayKind kind) const override;
  std::optional<std::string> add_months(std::string_view from, int n) const override;
  std::optional<int> months_between(std::string_view from, std::string_view to) const override;

 private:
  const AcademicCalendar* calendar_;
};

}  // namespace trellis
