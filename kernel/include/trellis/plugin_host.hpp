#pragma once
/// The plugin host: finds regime plugins, checks their info record, and hands
/// out regimes only through a RegimeHandle, whose regime keeps its library
/// loaded.
///
///     PluginHost host(PluginHost::default_search_path());
///     for (auto& p : host.plugins()) std::cout << p.id << " " << p.status << "\n";
///     RegimeHandle hello = host.open("hello-regime");
///     sdk::Status s = hello.assess({evidence, policy, thresholds}, out);
///     if (!s) std::cerr << s.message << "\n";  // "plugin hello-regime (/p/x.so): assess failed: ..."
///
/// What turns a plugin's exception into a Status is the SDK's RegimeAdapter,
/// which TRELLIS_REGIME_PLUGIN instantiates inside the plugin: every call the
/// host makes is a noexcept virtual of the plugin's own, whose catch runs in
/// the plugin's frames, so no exception unwinds into the host. An exception
/// that reaches a `noexcept` frame of the plugin's own (one of its destructors,
/// say) still ends the process: nothing can catch it. RegimeHandle adds the
/// plugin's file to every failure and logs it.
///
/// Each file is checked before any of its code runs (not even its static
/// constructors): the host reads the ELF file itself and refuses one that is
/// not a shared library for this machine, is truncated, lacks the
/// `trellis_plugin_info` record or the `trellis_create_regime` factory, was
/// built for another SDK major (or a newer minor), or whose layout
/// fingerprint differs from this trellis's (another standard library, string
/// ABI, debug mode or boundary type size), or claims the id of a plugin
/// already loaded (the first found keeps it). Only then, and only when its
/// regime is asked for (open, description) or the list is (plugins), is it
/// loaded: first in a child process, so that one whose constructors or
/// factory abort, crash, end the process or loop past a time limit is refused
/// with the reason and the host goes on (issue 19); then here (every
/// symbol resolved at once), its regime made once and described; a plugin
/// that fails there is refused too. Not thread-safe.
#include <filesystem>
#include <functional>
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
  std::string sdk_version;  ///< "2.0", from the info record
  bool loaded = false;
  std::string status;       ///< "loaded", or why it was refused
  std::string name;         ///< the regime's name from describe(), once loaded
  /// The plugin promises (SDK 3.1, TRELLIS_REGIME_CONCURRENT_ASSESS) that its
  /// assess and plan may run on several threads at once.
  bool concurrent = false;
};

/// A regime made by a plugin: the only way the kernel reaches one. A failure
/// comes back as a Status whose message names the plugin and its file, and is
/// logged. Copies share the regime; the regime keeps its library loaded.
class RegimeHandle {
 public:
  using Log = std::function<void(const std::string&)>;
  RegimeHandle(std::shared_ptr<const sdk::RegimeBoundary> regime, std::string id, std::filesystem::path file,
               Log log = {}, bool concurrent = false);

  const std::string& id() const { return id_; }
  const std::filesystem::path& file() const { return file_; }
  /// The plugin promised that assess and plan may be called from several
  /// threads at once (PluginRecord::concurrent). Without it, one thread only.
  bool concurrent() const { return concurrent_; }
  /// The same regime, its failures logged to `log` instead: for a worker
  /// thread, whose failures the calling thread logs (log) once it knows they count.
  RegimeHandle logging_to(Log log) const;
  void log(const std::string& line) const;

  sdk::Status describe(sdk::RegimeDescription& out) const noexcept;
  sdk::Status validate(const sdk::PolicyView& policy, std::vector<sdk::Diagnostic>& out) const noexcept;
  sdk::Status assess(const sdk::AssessmentRequest& in, sdk::AssessmentOut& out) const noexcept;
  sdk::Status plan(const sdk::EvidenceView& school, const sdk::AssessmentOut& assessment,
                   const sdk::PolicyView& policy, std::vector<sdk::ActivityRule>& out) const noexcept;
  /// `members`: the body's schools, for a plan per group of them (a trust's).
  sdk::Status plan_body(const sdk::PolicyView& policy, std::vector<sdk::ActivityRule>& out,
                        const std::vector<sdk::SchoolInfo>& members = {}) const noexcept;

 private:
  template <class Call>
  sdk::Status call(const char* what, Call&& c) const noexcept;

  std::shared_ptr<const sdk::RegimeBoundary> regime_;
  std::string id_;
  std::filesystem::path file_;
  Log log_;
  bool concurrent_ = false;
};

class PluginHost {
 public:
  /// Receives one line per refused plugin or failed call.
  using Log = std::function<void(const std::string&)>;
  /// Writes "trellis: <line>" to stderr: the default, so failures never pass silently.
  static void log_to_stderr(const std::string& line);

  /// The build's plugin folder (when this code runs from the build tree), else
  /// the installed plugin folder (found beside the installed kernel, so an
  /// install under any prefix finds its own plugins), then each entry of
  /// $TRELLIS_PLUGIN_PATH (colon-separated; a folder or a single .so), in that order.
  static std::vector<std::filesystem::path> default_search_path();

  /// Scans every folder for *.so files, in name order, folders in the order
  /// given; a path naming a file loads just that file. Missing folders are
  /// skipped. Never throws for a bad plugin: its record says why it was
  /// refused, and the line goes to `log`.
  explicit PluginHost(std::vector<std::filesystem::path> folders, Log log = log_to_stderr);
  ~PluginHost();
  PluginHost(const PluginHost&) = delete;
  PluginHost& operator=(const PluginHost&) = delete;

  const std::vector<PluginRecord>& plugins() const;
  /// The folders (and files) that were searched, existing or not.
  const std::vector<std::filesystem::path>& searched() const;

  /// A new regime from the loaded plugin with this id, every call guarded.
  /// Throws UsageError naming the loaded ids when there is none (or why the
  /// plugin with that id was refused), and std::runtime_error naming the
  /// plugin, its file and the reason when its factory fails.
  RegimeHandle open(std::string_view regime_id);

  /// The regime's self-description (made when the plugin was loaded). Throws
  /// UsageError like create().
  const sdk::RegimeDescription& description(std::string_view regime_id);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace trellis
