#include "deadlines.hpp"

#include "trellis/adoption.hpp"
#include "trellis/calendar.hpp"
#include "trellis/policy.hpp"
#include "trellis/policy/kernel_sections.hpp"

namespace trellis::note_deadlines {
namespace {

// The adoption in force as body_calendar finds it (on the day, else at the
// year's start), so that a note's working days are the ones the scheduler
// counts for the body's activities.
std::optional<Date> within(Database& db, const std::string& body, const std::string& year, Date from,
                           std::optional<int> KernelSections::*days) {
  auto adoption = adoption_on(db, body, from.to_string());
  if (!adoption) adoption = adoption_on(db, body, year.substr(0, 4) + "-09-01");
  if (!adoption) return std::nullopt;
  const Policy policy = Policy::load(adoption->policy_path);
  const auto n = read_kernel_sections(policy.view()).*days;
  if (!n) return std::nullopt;
  return calendar_from_policy(policy.view(), adoption->policy_path.string()).add_working_days(from, *n);
}

}  // namespace

std::optional<Date> send_by(Database& db, const std::string& body, const std::string& year, Date from) {
  return within(db, body, year, from, &KernelSections::note_send_within);
}

std::vector<std::string> shared_with(Database& db, const std::string& body, const std::string& year, Date on) {
  auto adoption = adoption_on(db, body, on.to_string());
  if (!adoption) adoption = adoption_on(db, body, year.substr(0, 4) + "-09-01");
  if (!adoption) return {};
  return read_kernel_sections(Policy::load(adoption->policy_path).view()).note_shared_with;
}

std::optional<Date> agree_by(Database& db, const std::string& body, const std::string& year, Date from) {
  return within(db, body, year, from, &KernelSections::note_agree_within);
}

}  // namespace trellis::note_deadlines
