#pragma once
// Reads what a plugin file exports without loading it, so that a file the host
// refuses never has any of its code run (dlopen runs static constructors, and
// maps a truncated file in a way that faults later). Private to the host.
//
//     ElfProbe p = probe_plugin_file("x.so");
//     if (!p.refusal.empty()) refuse(p.refusal);
//     else if (auto why = compatibility_refusal(file, p); !why.empty()) refuse(why);
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "trellis/sdk/plugin.hpp"

namespace trellis::plugin {

struct ElfProbe {
  std::string refusal;  ///< why the file cannot be a plugin; empty when it can
  // The integer fields of the trellis_plugin_info record, read from the file.
  std::uint32_t sdk_major = 0;
  std::uint32_t sdk_minor = 0;
  std::uint32_t record_size = 0;
  /// Read only from a record of this SDK major, as long as this host's PluginInfo.
  std::optional<sdk::Fingerprint> fingerprint;
  // Its strings, read best-effort through the file's relocations, so that a
  // refused plugin can still be named; empty when they cannot be read.
  std::string regime_id;
  std::string regime_version;
};

/// Checks that `file` is a complete ELF shared library for this machine that
/// defines `trellis_plugin_info` (a record) and `trellis_create_regime` (a
/// function), and reads the record's version fields and fingerprint. Never throws for a bad
/// file; throws only std::bad_alloc.
ElfProbe probe_plugin_file(const std::filesystem::path& file);

}  // namespace trellis::plugin
