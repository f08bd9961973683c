// trellis import ratings FILE --body ID: a term's self-assessments, or a
// board's moderation, from one CSV (kernel/include/trellis/ratings_import.hpp).
// Registered under the `import` group that verbs/import.cpp creates.
#include <iostream>

#include "../cli.hpp"
#include "trellis/error.hpp"
#include "trellis/plugin_host.hpp"
#include "trellis/ratings_import.hpp"

namespace trellis::cli {

void add_import_ratings(CLI::App& app, Cli& cli) {
  CLI::App* imp = app.get_subcommand("import");  // throws if add_import has not run: a wiring bug
  auto* ratings = imp->add_subcommand(
      "ratings", "Import ratings people set (self-assessments, moderation): urn,period,subject,level,stage,by[,rationale][,on]");
  static std::string file, body, on;
  static bool json = false;
  ratings->add_option("FILE", file, "The CSV file")->required();
  ratings->add_option("--body", body, "The body whose schools are rated")->required();
  ratings->add_option("--on", on, "The day the ratings were decided, YYYY-MM-DD, for rows with no `on` (default: today)");
  ratings->add_flag("--json", json, "Print what was imported as JSON");
  ratings->callback([&cli] {
    Database db = cli.open_db();
    PluginHost host(PluginHost::default_search_path());
    RatingsImportReport r = import_ratings(db, host, cli.actor(db), cli.clock(), file, body, on);
    if (json) {
      print_json({{"file", r.file}, {"sha256", r.sha256}, {"body", body}, {"rows", r.rows},
                  {"superseded", r.superseded}, {"schools", r.schools}, {"decisions", r.decisions}});
    } else {
      std::cout << "Imported " << r.file << " for " << body << ": " << r.rows << " ratings of " << r.schools
                << " schools";
      if (r.superseded) std::cout << ", " << r.superseded << " superseding earlier ratings";
      if (r.decisions) std::cout << "; " << r.decisions << " decision(s) on a school's level, each school re-planned";
      std::cout << ".\n";
      print_letters_stored(r.letters);
    }
  });
}

}  // namespace trellis::cli
