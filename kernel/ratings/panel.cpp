#include "panel.hpp"

#include <algorithm>

#include "trellis/error.hpp"
#include "trellis/people.hpp"
#include "trellis/period.hpp"
#include "trellis/schools.hpp"
#include "trellis/store/activity_repository.hpp"
#include "trellis/store/person_repository.hpp"
#include "trellis/store/school_repository.hpp"

namespace trellis {
namespace {

bool contains(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

/// The panel's roles no one present held, e.g. {"verifier"}.
std::vector<std::string> roles_absent(Database& db, const sdk::StagePanel& panel,
                                      const std::vector<std::string>& present) {
  std::vector<std::string> absent;
  for (const auto& role : panel.present_roles) {
    const bool held = std::any_of(present.begin(), present.end(), [&](const std::string& id) {
      const auto person = db.people().find(id);
      return person && to_string(person->role) == role;
    });
    if (!held) absent.push_back(role);
  }
  return absent;
}

std::string joined(const std::vector<std::string>& items) {
  std::string s;
  for (auto& i : items) s += (s.empty() ? "" : ", ") + i;
  return s;
}

/// The days a meeting of `panel` counts on, for a rating of `period` made on `on`.
DateRange window(const sdk::StagePanel& panel, const AcademicCalendar& calendar, const Period& period, Date on) {
  const Period year = period.academic_year();
  const DateRange meeting_year = calendar.span(Period::year(year.start_year() + panel.years_after));
  const Date first = panel.years_after == 0 ? calendar.span(period).first : meeting_year.first;
  return {first, std::min(on, meeting_year.last)};
}

}  // namespace

void require_panel(Database& db, const sdk::StageSpec& stage, const Actor& actor, const RatingInput& in,
                   const AcademicCalendar& calendar, Date on) {
  const auto school = db.schools().find(in.urn);
  const std::string group = school ? school->type_group : "";
  for (const auto& panel : stage.panels) {
    if (!panel.type_groups.empty() && !contains(panel.type_groups, group)) continue;
    const std::string who = describe(actor) + " (\"" + actor.id + "\")";
    const std::string refused = who + " may not record stage \"" + stage.id + "\" for school " +
                                std::to_string(in.urn) + " (" + group + "): it is recorded at a meeting of \"" +
                                panel.rule + "\" by a person present";
    const DateRange held = window(panel, calendar, Period::parse(in.period), on);
    if (held.last < held.first)  // rated before the panel's year began
      throw NotPermitted(refused + " held in the year after " + in.period + ", from " + held.first.to_string() +
                         "; the rating's day, " + on.to_string() + ", is before it");
    const auto meetings = db.activities().held_of_rule(in.body_id, panel.rule, held.first, held.last);
    if (meetings.empty())
      throw NotPermitted(refused + (panel.years_after ? " held in the year after " + in.period : std::string()) +
                         ", and none was held from " + held.first.to_string() + " to " + held.last.to_string() +
                         " (record it done, with who was present)");
    std::string missing;
    for (const auto& m : meetings) {
      const auto present = db.activities().present(*m.id);
      const std::string at = "activity " + std::to_string(*m.id) + " held " + m.done_on->to_string();
      std::string why;
      if (!contains(present, actor.id)) {
        why = "they were not recorded present at " + at + " (present: " +
              (present.empty() ? "nobody recorded" : joined(present)) + ")";
      } else {
        const auto absent = roles_absent(db, panel, present);
        if (absent.empty()) return;
        why = "no " + joined(absent) + " was recorded present at " + at;
      }
      missing += (missing.empty() ? "" : "; ") + why;
    }
    throw NotPermitted(refused + ": " + missing);
  }
}

}  // namespace trellis
