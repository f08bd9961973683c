// `trellis serve`: the web dashboard, over the same kernel use cases as every verb.
#include <iostream>

#include "../cli.hpp"
#include "trellis/plugin_host.hpp"
#include "trellis/web/serve.hpp"

namespace trellis::cli {

void add_serve(CLI::App& app, Cli& cli) {
  auto* sub = app.add_subcommand("serve", "The web dashboard: sign in, the body's overview, schools, calendar, forms");
  static web::ServeOptions options;
  static int idle_minutes = 30;
  sub->add_option("--port", options.port, "Port to listen on (default 8080; 0: any free port)")
      ->check(CLI::Range(0, 65535));
  sub->add_option("--bind", options.bind, "Address to listen on (default 127.0.0.1: this machine only)");
  sub->add_option("--idle", idle_minutes, "Minutes after which an unused session is signed out (default 30)")
      ->check(CLI::Range(1, 24 * 60));
  sub->callback([&cli] {
    Database db = cli.open_db();
    PluginHost host(PluginHost::default_search_path());
    options.idle = std::chrono::minutes(idle_minutes);
    const Clock clock = cli.clock();
    web::serve(db, host, clock, options, [](int port) {
      std::cout << "Serving the dashboard on http://" << options.bind << ":" << port
                << "/ (sign in with a person's id and the password set by `trellis person password ID`; "
                   "Ctrl-C stops)"
                << std::endl;
    });
  });
}

}  // namespace trellis::cli
