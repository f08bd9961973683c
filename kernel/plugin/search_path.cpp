// Where plugins are looked for. The build and install folders are known at
// configure time, but an install can be moved (`cmake --install --prefix P`),
// so the installed folder is found beside the kernel library at run time.
#include <boost/dll/runtime_symbol_info.hpp>
#include <cstdlib>
#include <string_view>

#include "trellis/plugin_host.hpp"

namespace trellis {
namespace {

namespace fs = std::filesystem;

/// `path` is `folder` or inside it, by whole path components.
bool inside(const fs::path& path, const fs::path& folder) {
  const fs::path rel = path.lexically_relative(folder);
  return !rel.empty() && *rel.begin() != "..";
}

/// The file holding this code: libtrellis-kernel.so, or a test executable.
std::optional<fs::path> this_module() {
  boost::dll::fs::error_code ec;
  const auto where = boost::dll::this_line_location(ec);
  if (ec) return std::nullopt;
  std::error_code sec;
  fs::path p = fs::weakly_canonical(fs::path(where.string()), sec);
  return sec ? std::nullopt : std::optional(p);
}

}  // namespace

std::vector<fs::path> PluginHost::default_search_path() {
  std::vector<fs::path> out;
  const fs::path build_dir = fs::weakly_canonical(TRELLIS_BUILD_DIR);
  const auto module = this_module();
  if (!module) {
    out.emplace_back(TRELLIS_BUILD_PLUGIN_DIR);
    out.emplace_back(TRELLIS_INSTALL_PLUGIN_DIR);
  } else if (inside(*module, build_dir)) {
    out.emplace_back(TRELLIS_BUILD_PLUGIN_DIR);
  } else {
    out.push_back(module->parent_path() / TRELLIS_PLUGIN_DIR_FROM_LIBDIR);
  }
  if (const char* env = std::getenv("TRELLIS_PLUGIN_PATH")) {
    std::string_view rest = env;
    while (!rest.empty()) {
      const auto colon = rest.find(':');
      const auto entry = rest.substr(0, colon);
      if (!entry.empty()) out.emplace_back(std::string(entry));
      if (colon == std::string_view::npos) break;
      rest.remove_prefix(colon + 1);
    }
  }
  return out;
}

}  // namespace trellis
