#include <iostream>

#include "../cli.hpp"
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
  sub->add_option("--by", in.by, "Who set it")->required();
  sub->add_option("--rationale", in.rationale, "Why");
  sub->callback([&cli] {
    Database db = cli.open_db();
    PluginHost host(PluginHost::default_search_path());
    Transaction tx(db);
    auto id = record_rating(db, host, in);
    record_audit(db, in.by, "rate",
                 std::to_string(in.urn) + " " + in.subject + " = " + in.level + " (" + in.stage + ", " + in.period + ")", "");
    tx.commit();
    std::cout << "Rating " << id << ": " << in.urn << " " << in.subject << " " << in.level << " at stage " << in.stage
              << " for " << in.period << ", by " << in.by << ".\n";
  });
}

}  // namespace trellis::cli
