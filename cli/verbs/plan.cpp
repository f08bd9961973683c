#include <iostream>

#include "../cli.hpp"
#include "trellis/error.hpp"
#include "trellis/plan_year.hpp"
#include "trellis/schedule/activity_json.hpp"

namespace trellis::cli {

void add_plan(CLI::App& app, Cli& cli) {
  auto* sub = app.add_subcommand("plan", "Plan a body's year from its adopted policy, before any assessment");
  static std::string body, year, on, format;
  sub->add_option("--body", body, "Body id")->required();
  sub->add_option("--year", year, "Academic year, e.g. 2019-20")->required();
  sub->add_option("--on", on, "The day the plan is made, YYYY-MM-DD (default: today); nothing is planned before it");
  add_format(*sub, format, {"table", "json"});
  sub->callback([&cli] {
    Database db = cli.open_db();
    PluginHost host(PluginHost::default_search_path());
    YearPlanOptions opt{body, Period::parse(year), std::nullopt};
    if (!on.empty()) {
      std::string why;
      opt.on = Date::try_parse(on, &why);
      if (!opt.on) throw UsageError("--on: " + why, Field::on);
    }
    const YearPlanRun run = plan_adopted_year(db, host, cli.actor(db), cli.clock(), opt);
    for (const auto& w : run.warnings) std::cerr << "warning: " << w << "\n";
    if (format == "json") {
      print_json({{"body", body},
                  {"year", year},
                  {"regime", run.regime},
                  {"policy_version", run.policy_version},
                  {"schools", run.schools},
                  {"activities_planned", run.activities_planned},
                  {"planned_from", run.planned_from},
                  {"replan", to_json(run.replan)}});
      return;
    }
    std::cout << "The " << year << " calendar of " << body << " under " << run.regime << " policy "
              << run.policy_version << ", " << run.schools << " schools, from " << run.planned_from << ": "
              << to_text(run.replan) << ". See `trellis schedule`.\n";
  });
}

}  // namespace trellis::cli
