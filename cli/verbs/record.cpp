#include <iostream>

#include "../cli.hpp"
#include "trellis/evidence_record.hpp"

namespace trellis::cli {

void add_record(CLI::App& app, Cli& cli) {
  auto* sub = app.add_subcommand("record", "Record one item of LA- or trust-held evidence about a school");
  auto in = std::make_shared<RecordedEvidence>();
  auto value = std::make_shared<std::optional<double>>();
  sub->add_option("URN", in->urn, "School URN")->required();
  sub->add_option("--indicator", in->indicator, "Indicator id, e.g. safeguarding_concern")->required();
  sub->add_option("--period", in->period, "Period, e.g. 2024-25")->required();
  sub->add_option("--value", *value, "The value");
  sub->add_option("--missing", in->missing, "Why there is no value, instead of --value");
  sub->add_option("--note", in->note, "A note kept with the value");
  sub->add_option("--by", in->by, "The source to name on the item (default: the acting person's name)");
  sub->callback([&cli, in, value] {
    in->value = *value;
    Database db = cli.open_db();
    const Actor actor = cli.actor(db);
    auto id = record_evidence(db, actor, cli.clock(), *in);
    std::cout << "Evidence " << id << " recorded for " << in->urn << ": " << in->indicator << " for " << in->period
              << ", by " << (in->by.empty() ? actor.name : in->by) << ".\n";
  });
}

}  // namespace trellis::cli
