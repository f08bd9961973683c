// `trellis compare`: a thin face over compare_policies and render_compare.
#include <iostream>

#include "../cli.hpp"
#include "trellis/compare.hpp"
#include "trellis/compare_render.hpp"
#include "trellis/error.hpp"
#include "trellis/file_output.hpp"

namespace trellis::cli {

void add_compare(CLI::App& app, Cli& cli) {
  auto* sub = app.add_subcommand("compare", "Set other policies beside the adopted one on the same evidence; stores nothing");
  static std::string body, period, format, output;
  static std::vector<std::string> policies;
  sub->add_option("--body", body, "Body id")->required();
  sub->add_option("--period", period, "Period, e.g. 2018-19 or 2018-19/autumn")->required();
  sub->add_option("--policy", policies, "Another policy TOML (repeat for more)")->required()->check(CLI::ExistingFile);
  add_format(*sub, format, {"table", "md", "html", "json", "csv"});
  sub->add_option("-o,--output", output, "Write to this file instead of the terminal");
  sub->callback([&cli] {
    Database db = cli.open_db();
    PluginHost host(PluginHost::default_search_path());
    CompareOptions opt{body, Period::parse(period), {policies.begin(), policies.end()}};
    const CompareRun run = compare_policies(db, host, cli.clock(), opt);
    for (const auto& p : run.policies)
      for (const auto& w : p.run.warnings) std::cerr << "warning: " << w << "\n";
    const std::string text = render_compare(run, format);
    if (output.empty()) {
      std::cout << text;
      return;
    }
    write_file_whole(output, text, database_files(cli.db_path), Links::follow);
    std::cout << "Wrote " << output << " (" << run.policies.size() << " policies, "
              << run.policies.front().run.schools.size() << " schools).\n";
  });
}

}  // namespace trellis::cli
