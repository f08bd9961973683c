// Writes a known plan as ICS (argv[1]) and, beside it, what each event should
// say (argv[2], JSON), for check_ics.py to compare using an independent reader.
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "trellis/schedule/ics.hpp"
#include "trellis/schedule/plan.hpp"

using namespace trellis;
using sdk::Cadence;

namespace {

sdk::ActivityRule rule(const std::string& id, Cadence c) {
  sdk::ActivityRule r;
  r.id = id;
  r.type = "meeting";
  r.title = id;
  r.cadence = c;
  return r;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: ics_sample OUT.ics EXPECTED.json\n";
    return 2;
  }
  // s8: a monitoring and support meeting just before the late-May bank holiday,
  // with its agenda, papers and minutes, for one school.
  auto meeting = rule("s8.meeting", Cadence::on_date);
  meeting.title = "Monitoring and support meeting";
  meeting.anchor_date = "2025-05-22";
  meeting.attendees = {"headteacher", "chair of governors", "LA quality assurance lead"};
  meeting.documents = {"raising attainment plan", "progress evidence; vulnerable learners"};
  auto agenda = rule("s8.agenda", Cadence::before);
  agenda.title = "Agenda circulated";
  agenda.anchor = "s8.meeting";
  agenda.offset_days = 14;
  agenda.is_deadline = true;
  auto minutes = rule("s8.minutes", Cadence::after);
  minutes.title = "Minutes distributed";
  minutes.anchor = "s8.meeting";
  minutes.offset_days = 7;
  minutes.working_days = true;
  minutes.is_deadline = true;
  auto visit = rule("s7.visit", Cadence::per_term);
  visit.type = "visit";
  visit.title = "QA visit, with a comma, and a long title that will need folding across more than one line";
  auto window = rule("support.window", Cadence::within);
  window.anchor_date = "2025-03-03";
  window.offset_days = 10;
  window.working_days = true;

  std::vector<RuleSet> sets = {{894001, 1, {meeting, agenda, minutes, visit, window}},
                               {894002, 2, {visit}},
                               {std::nullopt, std::nullopt, {rule("forum", Cadence::per_half_term)}}};
  auto plan = plan_year(AcademicCalendar{}, "la", Period::parse("2024-25"), sets);
  for (auto& a : plan)
    if (a.urn == 894001) a.school = "Hill Primary School";

  std::ofstream(argv[1], std::ios::binary) << to_ics(plan, {"An LA 2024-25", "2025-01-15T10:30:00Z"});
  nlohmann::json expected = nlohmann::json::array();
  for (const auto& a : plan)
    expected.push_back({{"uid", a.uid},
                        {"rule", a.rule},
                        {"start", (a.due ? *a.due : a.start).to_string()},
                        {"end_exclusive", ((a.due ? *a.due : a.end) + 1).to_string()},
                        {"last", (a.due ? *a.due : a.end).to_string()},
                        {"deadline", a.due.has_value()}});
  std::ofstream(argv[2]) << expected.dump(1);
  return 0;
}
