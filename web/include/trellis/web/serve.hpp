#pragma once
/// The web dashboard (`trellis serve`): pages and forms over the kernel's use
/// cases, for people signed in with their password. It adds no rule of its
/// own: who may read or write what is the kernel's (trellis/views.hpp,
/// trellis/people.hpp), and every form calls the use case the CLI calls.
///
///     serve(db, host, Clock::system(), {.bind = "127.0.0.1", .port = 8080},
///           [](int port) { std::cout << "http://127.0.0.1:" << port << "/\n"; });
#include <chrono>
#include <functional>
#include <string>

#include "trellis/clock.hpp"
#include "trellis/plugin_host.hpp"
#include "trellis/store/database.hpp"

namespace trellis::web {

struct ServeOptions {
  std::string bind = "127.0.0.1";  ///< localhost unless told otherwise
  int port = 8080;                 ///< 0: any free port
  std::chrono::seconds idle{30 * 60};  ///< a session unused this long is closed
  int worker_threads = 4;
};

/// Serves until the process is stopped. `listening` is called once with the
/// port bound. Throws UsageError when the address cannot be bound.
/// The database, plugin host, Lua sandbox and calendar are not thread-safe:
/// every request's kernel work runs under one lock (`./setup.sh sanitize`
/// checks it: tests/web/serve_concurrent.py under ThreadSanitizer).
void serve(Database& db, PluginHost& host, const Clock& clock, const ServeOptions& options,
           const std::function<void(int port)>& listening);

}  // namespace trellis::web
