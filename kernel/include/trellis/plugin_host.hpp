#pragma once
/// The plugin host: finds regime plugins, checks their info record, and makes
/// regimes whose deleter keeps their library loaded.
///
///     PluginHost host(PluginHost::default_search_path());
///     for (auto& p : host.plugins()) std::cout << p.id << " " << p.status << "\n";
///     std::shared_ptr<sdk::Regime> regime = host.create("telford-la");
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "trellis/sdk/description.hpp"
#include "trellis/sdk/regime.hpp"

namespace trellis {

/// One file the host looked at.
struct PluginRecord {
  std::filesystem::path file;
  std::string id;           ///< regime id from the info record ("" if unreadable)
  std::string version;      ///< the plugin's own version
  std::string sdk_version;  ///< "1.0", from the info record
  bool loaded = false;
  std::string status;       ///< "loaded", or why it was refused
};

class PluginHost {
 public:
  /// The build's plugin folder, the installed plugin folder, then each entry
  /// of $TRELLIS_PLUGIN_PATH (colon-separated), in that order.
  static std::vector<std::filesystem::path> default_search_path();

  /// Scans every folder for *.so files. Never throws for a bad plugin: its
  /// record says why it was refused.
  explicit PluginHost(std::vector<std::filesystem::path> folders);
  ~PluginHost();
  PluginHost(const PluginHost&) = delete;
  PluginHost& operator=(const PluginHost&) = delete;

  const std::vector<PluginRecord>& plugins() const;

  /// A new regime from the loaded plugin with this id. Throws UsageError
  /// naming the loaded ids when there is none, and std::runtime_error naming
  /// the plugin and file when its factory fails.
  std::shared_ptr<sdk::Regime> create(std::string_view regime_id);

  /// The regime's self-description (cached). Throws like create(), or with the
  /// plugin's message when describe() fails.
  const sdk::RegimeDescription& description(std::string_view regime_id);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace trellis
