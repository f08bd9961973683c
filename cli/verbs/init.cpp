#include <iostream>

#include "../cli.hpp"
#include "trellis/initialise.hpp"

namespace trellis::cli {

void add_init(CLI::App& app, Cli& cli) {
  auto* sub = app.add_subcommand("init", "Create the database, or upgrade an older one");
  sub->callback([&cli] {
    Database db = cli.open_db_for_init();
    const InitRun run = initialise(db, cli.clock(), cli.acting_id());
    if (run.from_version == run.to_version)
      std::cout << "Database " << cli.db_path << " is up to date (schema version " << run.to_version << ").\n";
    else if (run.from_version == 0)
      std::cout << "Created " << cli.db_path << " (schema version " << run.to_version << ").\n";
    else
      std::cout << "Upgraded " << cli.db_path << " from schema version " << run.from_version << " to "
                << run.to_version << ".\n";
    if (run.created_admin)
      std::cout << "Its admin is \"" << run.created_admin->id
                << "\"; add the people who act on it with `trellis person add ID --name NAME --role ROLE`.\n";
  });
}

}  // namespace trellis::cli
