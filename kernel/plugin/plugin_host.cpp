// The host: scans the folders, refuses what it must (probe first, load
// second), and keeps the libraries it loaded alive for as long as anything
// they made is.
#include "trellis/plugin_host.hpp"

#include <algorithm>
#include <boost/dll/shared_library.hpp>
#include <cstring>
#include <iostream>
#include <map>
#include <set>
#include <stdexcept>

#include "compatibility.hpp"
#include "elf_probe.hpp"
#include "vetting.hpp"
#include "trellis/error.hpp"
#include "trellis/sdk/plugin.hpp"

namespace trellis {
namespace {

namespace fs = std::filesystem;
using Library = boost::dll::shared_library;

/// A plugin that passed every check.
struct Loaded {
  std::size_t record;  ///< index into the host's records
  std::shared_ptr<const Library> library;
  trellis_create_regime_fn* factory = nullptr;
  sdk::RegimeDescription description;
  bool concurrent = false;  ///< SDK 3.1's promise: assess and plan may run on several threads
};

/// True when the plugin makes the concurrency promise this host knows
/// (TRELLIS_REGIME_CONCURRENT_ASSESS, SDK 3.1); a plugin built before 3.1
/// cannot make it, whatever it exports.
bool promises_concurrency(const Library& library, const sdk::PluginInfo& info) {
  if (info.sdk_minor < 1 || !library.has("trellis_regime_concurrency")) return false;
  return library.get<const std::uint32_t>("trellis_regime_concurrency") == TRELLIS_REGIME_CONCURRENCY_PROMISE;
}

std::string version_text(std::uint32_t major, std::uint32_t minor) {
  return std::to_string(major) + "." + std::to_string(minor);
}

/// `message` less its leading `prefix`, when it has it.
std::string without_prefix(const std::string& message, const std::string& prefix) {
  return message.starts_with(prefix) ? message.substr(prefix.size()) : message;
}

/// A regime id is printed, typed on command lines and stored: keep it plain.
bool plain_id(std::string_view id) {
  return !id.empty() && id.size() <= 64 && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
  });
}

/// Keeps only dlerror's own words from Boost.DLL's message.
std::string load_error(const std::exception& e) {
  const std::string what = e.what();
  const std::string marker = "(dlerror system message: ";
  const auto at = what.find(marker);
  if (at == std::string::npos) return what;
  const auto end = what.rfind(')');
  return what.substr(at + marker.size(), end > at + marker.size() ? end - at - marker.size() : std::string::npos);
}

/// Calls the factory and wraps what it made so that deleting it keeps the
/// library loaded until after the plugin's destructor has run. The
/// shared_ptr (and its control block) is made here, in the host, so no part
/// of it lives in the plugin's code. Null, with `why`, when the factory fails.
std::shared_ptr<const sdk::RegimeBoundary> make_regime(const Loaded& p, const std::string& id, std::string& why) {
  sdk::Status failure;
  sdk::RegimeBoundary* raw = p.factory(failure);  // noexcept: the adapter caught inside the plugin
  if (!raw) {
    why = failure.ok || failure.message.empty() ? "factory failed (it returned no regime)"
                                                : without_prefix(failure.message, "plugin " + id + ": ");
    return nullptr;
  }
  std::shared_ptr<const Library> keep = p.library;
  return std::shared_ptr<const sdk::RegimeBoundary>(raw, [keep](const sdk::RegimeBoundary* r) { delete r; });
}

}  // namespace

/// A file that passed the probe and waits to be loaded when its regime is asked for.
struct Candidate {
  std::size_t record;
  plugin::ElfProbe probe;
  bool tried = false;
};

struct PluginHost::Impl {
  Log log;
  std::vector<fs::path> searched;
  std::vector<PluginRecord> records;
  std::vector<Candidate> candidates;  // in search order
  std::map<std::string, Loaded, std::less<>> loaded;  // by regime id
  std::set<fs::path> seen;                            // canonical files, so a folder listed twice loads once

  void refuse(PluginRecord& r, std::string why) {
    r.loaded = false;
    r.status = std::move(why);
    if (log) log("plugin " + r.file.string() + " refused: " + r.status);
  }

  void consider(const fs::path& file);
  void scan(const fs::path& entry);
  void load(Candidate& c);
  void load_now(std::size_t index, const plugin::ElfProbe& probe);
  /// Loads the candidates that claim `id`, in order, until one is loaded.
  void ensure(std::string_view id) {
    for (auto& c : candidates)
      if (c.probe.regime_id == id && !loaded.count(id)) load(c);
  }
  void ensure_all() {
    for (auto& c : candidates) load(c);
  }
  std::string who(const Loaded& p) const {
    const auto& r = records[p.record];
    return "plugin " + r.id + " (" + r.file.string() + ")";
  }
  const Loaded& find(std::string_view id);
  std::string duplicate(const std::string& id, const Loaded& first) const {
    return "regime id \"" + id + "\" is already provided by " + records[first.record].file.string() +
           "; this copy is ignored";
  }
};

void PluginHost::Impl::scan(const fs::path& entry) {
  std::error_code ec;
  std::vector<fs::path> files;
  if (fs::is_regular_file(entry, ec)) {
    files.push_back(entry);
  } else if (fs::is_directory(entry, ec)) {
    for (fs::directory_iterator it(entry, ec), end; !ec && it != end; it.increment(ec))
      if (it->path().extension() == ".so" && it->is_regular_file(ec)) files.push_back(it->path());
    if (ec && log) log("plugin folder " + entry.string() + " cannot be read: " + ec.message());
    std::sort(files.begin(), files.end());  // the same order on every machine: duplicates resolve the same way
  }
  for (const auto& f : files) {
    const fs::path canonical = fs::weakly_canonical(fs::absolute(f, ec), ec);
    if (!seen.insert(ec ? f : canonical).second) continue;
    consider(fs::absolute(f, ec).lexically_normal());
  }
}

void PluginHost::Impl::consider(const fs::path& file) {
  records.emplace_back().file = file;
  const std::size_t index = records.size() - 1;
  auto rec = [&]() -> PluginRecord& { return records[index]; };

  // 1. The file itself, before any of its code can run.
  const plugin::ElfProbe probe = plugin::probe_plugin_file(file);
  rec().id = probe.regime_id;  // what could be read, so a refused plugin is still named
  rec().version = probe.regime_version;
  if (probe.sdk_major || probe.sdk_minor) rec().sdk_version = version_text(probe.sdk_major, probe.sdk_minor);
  if (!probe.refusal.empty()) return refuse(rec(), probe.refusal);
  if (auto why = plugin::compatibility_refusal(file, probe); !why.empty()) return refuse(rec(), why);
  // A command loads only the regimes it needs (issue 19): the rest is done when one is asked for.
  rec().status = "found (not loaded: no command has needed it)";
  candidates.push_back({index, probe});
}

void PluginHost::Impl::load(Candidate& c) {
  if (c.tried) return;
  c.tried = true;
  const std::size_t index = c.record;
  if (auto twin = loaded.find(c.probe.regime_id); twin != loaded.end())  // a copy need not run either
    return refuse(records[index], duplicate(records[index].id, twin->second));
  // Its first code runs in a child first: a plugin that aborts, crashes, ends
  // the process or loops is refused, and the host goes on (issue 19).
  const plugin::ElfProbe probe = c.probe;
  const std::string crashed = plugin::vet_in_child([&] {
    Log quiet;
    std::swap(quiet, log);
    load_now(index, probe);
  });
  if (!crashed.empty()) return refuse(records[index], crashed);
  load_now(index, probe);
}

void PluginHost::Impl::load_now(std::size_t index, const plugin::ElfProbe& probe) {
  const fs::path file = records[index].file;
  auto rec = [&]() -> PluginRecord& { return records[index]; };

  // 2. Load it; resolve every symbol now, so a missing one is a refusal here
  //    rather than a fatal lookup error in the middle of a call.
  Loaded p{index, nullptr, nullptr, {}, false};
  try {
    p.library = std::make_shared<const Library>(
        boost::dll::fs::path(file.string()), boost::dll::load_mode::rtld_now | boost::dll::load_mode::rtld_local);
    const auto& info = p.library->get<const sdk::PluginInfo>("trellis_plugin_info");
    p.factory = &p.library->get<trellis_create_regime_fn>("trellis_create_regime");
    if (info.sdk_major != probe.sdk_major || info.sdk_minor != probe.sdk_minor ||
        info.record_size != probe.record_size ||
        std::memcmp(&info.fingerprint, &*probe.fingerprint, sizeof info.fingerprint) != 0)
      return refuse(rec(), "its info record, once loaded, differs from the one in the file");
    if (!info.regime_id || !plain_id(info.regime_id))
      return refuse(rec(), "its info record has no usable regime id (lower-case letters, digits, '-', '_', '.')");
    rec().id = info.regime_id;
    rec().version = info.regime_version ? info.regime_version : "";
    p.concurrent = rec().concurrent = promises_concurrency(*p.library, info);
  } catch (const std::exception& e) {
    return refuse(rec(), "cannot be loaded: " + load_error(e));
  }
  if (auto twin = loaded.find(rec().id); twin != loaded.end()) return refuse(rec(), duplicate(rec().id, twin->second));

  // 3. Make the regime once and ask it to describe itself, through a handle
  //    like every other call.
  std::string why;
  auto regime = make_regime(p, rec().id, why);
  if (!regime) return refuse(rec(), why);
  const sdk::Status described = RegimeHandle(std::move(regime), rec().id, file).describe(p.description);
  if (!described)
    return refuse(rec(), without_prefix(described.message, "plugin " + rec().id + " (" + file.string() + "): "));
  if (p.description.id.empty()) p.description.id = rec().id;
  if (p.description.id != rec().id)
    return refuse(rec(), "describe() gives the id \"" + p.description.id + "\" but its info record says \"" +
                             rec().id + "\"");
  if (p.description.version.empty()) p.description.version = rec().version;
  rec().name = p.description.name;
  rec().loaded = true;
  rec().status = "loaded";
  loaded.emplace(rec().id, std::move(p));
}

const Loaded& PluginHost::Impl::find(std::string_view id) {
  ensure(id);
  if (auto it = loaded.find(id); it != loaded.end()) return it->second;
  for (const auto& r : records)
    if (r.id == id)
      throw UsageError("the regime plugin \"" + r.id + "\" (" + r.file.string() + ") was refused: " + r.status);
  // The ids there are: loaded, or found and not yet needed (loading them all here could run a bad one).
  std::set<std::string> there;
  for (const auto& [name, p] : loaded) there.insert(name);
  for (const auto& c : candidates)
    if (!c.tried) there.insert(c.probe.regime_id);
  std::string ids;
  for (const auto& name : there) ids += (ids.empty() ? "" : ", ") + name;
  throw UsageError("no regime plugin \"" + std::string(id) + "\" is loaded (installed: " +
                   (ids.empty() ? "none" : ids) + ")",
                   Remedy::see_plugins());
}

void PluginHost::log_to_stderr(const std::string& line) { std::cerr << "trellis: " << line << "\n"; }

PluginHost::PluginHost(std::vector<fs::path> folders, Log log) : impl_(std::make_unique<Impl>()) {
  impl_->log = std::move(log);
  impl_->searched = std::move(folders);
  for (const auto& entry : impl_->searched) impl_->scan(entry);
}

// Regimes already handed out hold their own reference to their library.
PluginHost::~PluginHost() = default;

const std::vector<PluginRecord>& PluginHost::plugins() const {
  impl_->ensure_all();  // a list of plugins says which load: each is vetted in a child first
  return impl_->records;
}

const std::vector<fs::path>& PluginHost::searched() const { return impl_->searched; }

RegimeHandle PluginHost::open(std::string_view regime_id) {
  const Loaded& p = impl_->find(regime_id);
  const auto& r = impl_->records[p.record];
  std::string why;
  auto regime = make_regime(p, r.id, why);
  if (!regime) {
    const std::string msg = impl_->who(p) + ": " + why;
    if (impl_->log) impl_->log(msg);
    throw std::runtime_error(msg);
  }
  return RegimeHandle(std::move(regime), r.id, r.file, impl_->log, p.concurrent);
}

const sdk::RegimeDescription& PluginHost::description(std::string_view regime_id) {
  return impl_->find(regime_id).description;
}

}  // namespace trellis
