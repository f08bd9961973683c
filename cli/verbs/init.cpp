#include <iostream>

#include "../cli.hpp"
#include "trellis/store/audit.hpp"
#include "trellis/store/schema.hpp"

namespace trellis::cli {

void add_init(CLI::App& app, Cli& cli) {
  auto* sub = app.add_subcommand("init", "Create the database, or upgrade an older one");
  sub->callback([&cli] {
    Database db = cli.open_db_for_init();
    int before = migrate(db);
    if (before == schema_version()) {
      std::cout << "Database " << cli.db_path << " is up to date (schema version " << before << ").\n";
      return;
    }
    Transaction tx(db);
    record_audit(db, current_user(), "init", "schema " + std::to_string(before) + " -> " + std::to_string(schema_version()), "");
    tx.commit();
    if (before == 0)
      std::cout << "Created " << cli.db_path << " (schema version " << schema_version() << ").\n";
    else
      std::cout << "Upgraded " << cli.db_path << " from schema version " << before << " to " << schema_version() << ".\n";
  });
}

}  // namespace trellis::cli
