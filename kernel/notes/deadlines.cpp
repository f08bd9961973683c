#include "deadlines.hpp"

#include "trellis/adoption.hpp"
#include "trellis/calendar.hpp"
#include "trellis/policy.hpp"
#include "trellis/policy/kernel_sections.hpp"

namespace trellis::note_deadlines {

std::optional<Adoption> in_force(Database& db, const std::string& body, const std::string& year, Date on) {
  auto adoption = adoption_on(db, body, on.to_string());
  if (!adoption) adoption = adoption_on(db, body, year.substr(0, 4) + "-09-01");
  return adoption;
}

namespace {

// The adoption in force as body_calendar finds it (on the day, else at the
// year's start), so that a note's working days are the ones the scheduler
// counts for the body's activities.
std::optional<Date> within(Database& db, const std::string& body, const std::string& year, Date from,
                           std::optional<int> KernelSections::*days, std::optional<int> KernelSections::*calendar_days) {
  const auto adoption = in_force(db, body, year, from);
  if (!adoption) return std::nullopt;
  const Policy policy = Policy::load(adoption->policy_path);
  const KernelSections sections = read_kernel_sections(policy.view());
  const AcademicCalendar cal = calendar_from_policy(policy.view(), adoption->policy_path.string());
  if (const auto c = sections.*calendar_days) return cal.working_day_on_or_after(from + *c);
  const auto n = sections.*days;
  if (!n) return std::nullopt;
  return cal.add_working_days(from, *n);
}

}  // namespace

std::optional<Date> send_by(Database& db, const std::string& body, const std::string& year, Date from) {
  return within(db, body, year, from, &KernelSections::note_send_within, &KernelSections::note_send_calendar);
}

std::vector<std::string> shared_with(Database& db, const std::string& body, const std::string& year, Date on) {
  const auto adoption = in_force(db, body, year, on);
  if (!adoption) return {};
  return read_kernel_sections(Policy::load(adoption->policy_path).view()).note_shared_with;
}

std::optional<Date> agree_by(Database& db, const std::string& body, const std::string& year, Date held, Date sent) {
  // The policy read once more for where the count starts; within() reads the days.
  const auto adoption = in_force(db, body, year, held);
  const bool from_held = adoption && read_kernel_sections(Policy::load(adoption->policy_path).view()).note_agree_from_held;
  return within(db, body, year, from_held ? held : sent, &KernelSections::note_agree_within,
                &KernelSections::note_agree_calendar);
}

}  // namespace trellis::note_deadlines
