#pragma once
/// A folder of the test's own under the system's temporary folder, removed
/// with everything in it when the test is done.
///
///     testing::ScratchDir scratch("reviews");   // /tmp/trellis-reviews-XXXXXX
///     auto db = Database::create(scratch.dir / "t.db");
#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <system_error>

namespace trellis::testing {

struct ScratchDir {
  std::filesystem::path dir;
  explicit ScratchDir(const std::string& name) {
    std::string tmpl = (std::filesystem::temp_directory_path() / ("trellis-" + name + "-XXXXXX")).string();
    if (!mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
    dir = tmpl;
  }
  ~ScratchDir() {
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
};

}  // namespace trellis::testing
