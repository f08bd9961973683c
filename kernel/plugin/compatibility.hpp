#pragma once
// Whether a plugin's record, read from its file, says it was built so that
// this trellis can share types with it: the same SDK major (and no newer
// minor), and the same layout fingerprint. Private to the host.
//
//     if (auto why = compatibility_refusal(file, probe); !why.empty()) refuse(why);
#include <filesystem>
#include <string>

#include "elf_probe.hpp"

namespace trellis::plugin {

/// "" when this trellis can load the plugin; else why not, naming the field
/// and both values, and what to do.
std::string compatibility_refusal(const std::filesystem::path& file, const ElfProbe& probe);

}  // namespace trellis::plugin
