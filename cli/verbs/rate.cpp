#include <iostream>

#include "../cli.hpp"
#include "trellis/decide.hpp"
#include "trellis/ratings.hpp"
#include "trellis/store/audit.hpp"

namespace trellis::cli {

void add_rate(CLI::App& app, Cli& cli) {
  auto* sub = app.add_subcommand("rate", "Record a rating: a self-assessment, a moderation, a final level");
  static RatingInput in;
  sub->add_option("URN", in.urn, "School URN")->required();
  sub->add_option("--body", in.body_id, "Body id")->required();
  sub->add_option("--period", in.period, "Period, e.g. 2024-25/autumn")->required();
  sub->add_option("--subject", in.subject, "overall, an area or an indicator")->required();
  sub->add_option("--level", in.level, "A level of the regime's scale")->required();
  sub->add_option("--stage", in.stage, "self, computed, proposed, moderated, validated or final")->required();
  sub->add_option("--by", in.by, "The name shown on the rating (default: the acting person's name)");
  sub->add_option("--rationale", in.rationale, "Why");
  sub->add_option("--on", in.on, "The day it was decided, YYYY-MM-DD (default: today); a decision re-plans from there");
  sub->callback([&cli] {
    Database db = cli.open_db();
    PluginHost host(PluginHost::default_search_path());
    const Actor actor = cli.actor(db);
    const DecisionRun run = record_decision(db, host, actor, cli.clock(), in);
    std::cout << "Rating " << run.rating_id << ": " << in.urn << " " << in.subject << " " << in.level << " at stage "
              << in.stage << " for " << in.period << ", by " << (in.by.empty() ? actor.name : in.by) << ".\n";
    if (run.school) {
      const auto& a = *run.school;
      if (in.subject == "overall")
        std::cout << "This is the decision on " << a.name << ": " << a.level << " counts (computed: " << a.computed_level
                  << ").\n";
      else  // a standing decision ([decisions] standing): it holds in later periods until another replaces it
        std::cout << "This decision on " << a.name << "'s " << in.subject << " stands until another replaces it.\n";
      if (run.replan)
        std::cout << "Its plan from " << (in.on.empty() ? "today" : in.on) << ": " << to_text(*run.replan)
                  << ". See `trellis schedule`.\n";
    }
    print_letters_stored(run.letters);
  });
}

}  // namespace trellis::cli
