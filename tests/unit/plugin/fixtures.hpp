#pragma once
// What the plugin tests share: a scratch folder of chosen fixture plugins,
// and small in-memory views to hand a regime.
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "trellis/calendar_view.hpp"
#include "trellis/plugin_host.hpp"
#include "trellis/sdk/version.hpp"

namespace plugin_test {

namespace fs = std::filesystem;
using namespace trellis;

/// The built fixture `name` (tests/plugins/<name>.cpp).
inline fs::path fixture(const std::string& name) { return fs::path(TRELLIS_PLUGIN_FIXTURE_DIR) / (name + ".so"); }

/// A fresh folder, removed with everything in it when the test ends.
class ScratchDir {
 public:
  ScratchDir() {
    std::string tmpl = (fs::temp_directory_path() / "trellis-plugin-test-XXXXXX").string();
    if (!mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
    path_ = tmpl;
  }
  ~ScratchDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  const fs::path& path() const { return path_; }

  /// Copies fixture `name` in as `as` (default <name>.so) and returns its path.
  fs::path add(const std::string& name, std::string as = "") {
    const fs::path to = path_ / (as.empty() ? name + ".so" : as);
    fs::copy_file(fixture(name), to, fs::copy_options::overwrite_existing);
    return to;
  }
  /// Writes a file with `content`, e.g. a text file posing as a plugin.
  fs::path write(const std::string& file, const std::string& content) {
    std::ofstream(path_ / file, std::ios::binary) << content;
    return path_ / file;
  }

 private:
  fs::path path_;
};

/// Collects the host's log lines instead of printing them.
struct LogLines {
  std::vector<std::string> lines;
  PluginHost::Log sink() {
    return [this](const std::string& l) { lines.push_back(l); };
  }
  bool mentions(const std::string& text) const {
    for (auto& l : lines)
      if (l.find(text) != std::string::npos) return true;
    return false;
  }
};

/// The host's record for `file_name`, or a failure.
inline const PluginRecord& record(const PluginHost& host, const std::string& file_name) {
  for (auto& r : host.plugins())
    if (r.file.filename() == file_name) return r;
  throw std::runtime_error("no record for " + file_name);
}

/// One school with one absence figure.
class OneSchool final : public sdk::EvidenceView {
 public:
  explicit OneSchool(double absence, std::int64_t urn = 123456) {
    info_.urn = urn;
    info_.name = "Fixture Primary";
    absence_.id = 77;
    absence_.indicator = "absence_pct";
    absence_.period = "2023-24";
    absence_.value = absence;
    absence_.source = "absence.csv";
    absence_.line = 4;
  }
  const sdk::SchoolInfo& school() const override { return info_; }
  std::string period() const override { return "2023-24"; }
  std::optional<sdk::Observation> latest(std::string_view indicator) const override {
    if (indicator == "absence_pct") return absence_;
    return std::nullopt;
  }
  std::vector<sdk::Observation> all() const override { return {absence_}; }
  std::optional<double> benchmark(std::string_view, sdk::BenchmarkScope) const override { return std::nullopt; }
  std::optional<std::string> previous_level() const override { return std::nullopt; }
  std::optional<std::string> rating(std::string_view, std::string_view) const override { return std::nullopt; }
  const sdk::CalendarView& calendar() const override { return calendar_view_; }

 private:
  sdk::SchoolInfo info_;
  sdk::Observation absence_;
  AcademicCalendar calendar_;  // the default England pattern
  AcademicCalendarView calendar_view_{calendar_};
};

/// A policy with nothing in it.
class EmptyPolicy final : public sdk::PolicyView {
 public:
  bool has(std::string_view) const override { return false; }
  std::optional<std::string> text(std::string_view) const override { return std::nullopt; }
  std::optional<double> number(std::string_view) const override { return std::nullopt; }
  std::optional<bool> flag(std::string_view) const override { return std::nullopt; }
  std::vector<std::string> texts(std::string_view) const override { return {}; }
  std::vector<std::string> keys(std::string_view) const override { return {}; }
  std::size_t count(std::string_view) const override { return 0; }
};

/// Stands in for the Lua runner: red above 10% absence, else green.
class AbsenceThreshold final : public sdk::ThresholdRunner {
 public:
  int calls = 0;
  sdk::ThresholdOutcome run(std::string_view script, const sdk::EvidenceView& school,
                            const sdk::Facts&) override {
    ++calls;
    if (script != "classify") return {sdk::Status::failure("no script " + std::string(script)), "", {}};
    const double a = school.latest("absence_pct")->value.value_or(0);
    if (a > 10) return {{}, "red", {"Absence " + std::to_string(a) + "% is above 10%"}};
    return {{}, "green", {}};
  }
};

}  // namespace plugin_test
