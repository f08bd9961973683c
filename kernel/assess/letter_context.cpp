#include "trellis/letter_context.hpp"

#include <algorithm>
#include <tuple>

#include "trellis/date.hpp"
#include "trellis/period.hpp"
#include "trellis/store/activity_repository.hpp"

namespace trellis {

std::vector<LetterStep> letter_steps(Database& db, const LetterContext& context, const KernelSections& sections,
                                     const SchoolAssessment& a) {
  const auto period = Period::try_parse(a.period);
  if (!period) return {};
  std::vector<Activity> mine;
  const Date from = Date::parse(context.today);
  // Only this school's rows (indexed): a letter per school over a body's whole year would be quadratic.
  for (auto& act : db.activities().in_scope(a.body, period->academic_year().to_string(), a.urn))
    if (to_happen(act.status) && from <= deadline_of(act)) mine.push_back(std::move(act));
  std::sort(mine.begin(), mine.end(), [](const Activity& x, const Activity& y) {
    return std::tie(x.due ? *x.due : x.start, x.start, x.end, x.rule, x.uid) <
           std::tie(y.due ? *y.due : y.start, y.start, y.end, y.rule, y.uid);
  });
  std::vector<LetterStep> steps;
  for (const auto& act : mine)
    steps.push_back({act.title, act.start.to_string(), act.end.to_string(),
                     act.due ? std::optional(act.due->to_string()) : std::nullopt, act.documents,
                     !sections.discussion_rule.empty() && act.rule == sections.discussion_rule});
  return steps;
}

}  // namespace trellis
