// `trellis plugins`: what the host found, loaded or refused, and why. A broken
// plugin is a row with its reason, never a failure of the command.
#include <filesystem>
#include <iostream>

#include "../cli.hpp"
#include "trellis/plugin_host.hpp"

namespace trellis::cli {
namespace {

nlohmann::json text_or_null(const std::string& s) { return s.empty() ? nlohmann::json() : nlohmann::json(s); }

void print_plugins(const std::string& format) {
  // Silent log: every refusal is listed below, so logging it too would say it twice.
  PluginHost host(PluginHost::default_search_path(), {});
  if (format == "json") {
    auto arr = nlohmann::json::array();
    for (const auto& p : host.plugins())
      arr.push_back({{"id", text_or_null(p.id)},
                     {"name", text_or_null(p.name)},
                     {"version", text_or_null(p.version)},
                     {"sdk_version", text_or_null(p.sdk_version)},
                     {"file", p.file.string()},
                     {"loaded", p.loaded},
                     {"concurrent", p.concurrent},  // SDK 3.1: assess may run on several threads
                     {"status", p.status}});
    print_json(arr);
    return;
  }
  std::vector<std::vector<std::string>> rows;
  auto dash = [](const std::string& s) { return s.empty() ? std::string("-") : s; };
  for (const auto& p : host.plugins())
    rows.push_back({dash(p.id), dash(p.version), dash(p.sdk_version), p.file.string(), p.status});
  print_table({"id", "version", "sdk", "file", "status"}, rows);
  std::cout << "\nSearched:\n";
  for (const auto& f : host.searched()) {
    std::error_code ec;
    std::cout << "  " << f.string() << (std::filesystem::exists(f, ec) ? "" : " (not found)") << "\n";
  }
}

}  // namespace

void add_plugins(CLI::App& app, Cli&) {
  auto* plugins = app.add_subcommand(
      "plugins", "Installed regime plugins, with versions and load errors ($TRELLIS_PLUGIN_PATH adds folders)");
  static std::string format;
  add_format(*plugins, format, {"table", "json"});
  plugins->callback([] { print_plugins(format); });
}

}  // namespace trellis::cli
