// The SDK's rule: any change to a boundary type is a new major version. The
// fingerprint catches what the version cannot: the same SDK headers compiled
// with another standard library, string ABI or debug mode, or headers edited
// without a version bump.
#include "compatibility.hpp"

namespace trellis::plugin {
namespace {

std::string version_text(std::uint32_t major, std::uint32_t minor) {
  return std::to_string(major) + "." + std::to_string(minor);
}

const std::string host_sdk = version_text(TRELLIS_SDK_VERSION_MAJOR, TRELLIS_SDK_VERSION_MINOR);
const sdk::Fingerprint host = sdk::this_fingerprint();
const std::string rebuild = "rebuild the plugin against this trellis's SDK, with the compiler and flags it was built with";

std::string library_name(sdk::StandardLibrary library, std::uint32_t version) {
  switch (library) {
    case sdk::StandardLibrary::libstdcxx: return "libstdc++ (GCC " + std::to_string(version) + ")";
    case sdk::StandardLibrary::libcxx: return "libc++ " + std::to_string(version);
    case sdk::StandardLibrary::unknown: break;
  }
  return "an unknown C++ standard library (" + std::to_string(static_cast<std::uint32_t>(library)) + ")";
}

std::string abi_name(std::uint32_t flag) {
  return flag ? "the C++11 std::string ABI (_GLIBCXX_USE_CXX11_ABI=1)"
              : "the old pre-C++11 std::string ABI (_GLIBCXX_USE_CXX11_ABI=0)";
}

std::string debug_name(std::uint32_t flag) {
  return flag ? "_GLIBCXX_DEBUG (debug-mode containers)" : "no _GLIBCXX_DEBUG";
}

std::string layout_text(const sdk::TypeLayout& t) {
  return std::to_string(t.size) + " bytes (align " + std::to_string(t.align) + ")";
}

/// The first boundary type laid out differently, and how many more are.
std::string layout_refusal(const sdk::Fingerprint& theirs) {
  std::string first;
  int more = 0;
  for (std::uint32_t i = 0; i < sdk::boundary_type_count; ++i) {
    const auto& a = theirs.types[i];
    const auto& b = host.types[i];
    if (a.size == b.size && a.align == b.align) continue;
    if (first.empty())
      first = "layout of " + std::string(sdk::boundary_type_names[i]) + ": plugin " + layout_text(a) +
              ", this trellis " + layout_text(b);
    else
      ++more;
  }
  if (first.empty()) return {};
  if (more) first += "; " + std::to_string(more) + " more boundary types differ";
  return first;
}

std::string fingerprint_refusal(const std::string& name, const sdk::Fingerprint& f) {
  if (f.library != host.library)
    return name + " was built with " + library_name(f.library, f.library_version) + "; this trellis uses " +
           library_name(host.library, host.library_version) + ": they cannot share std::string or std::vector (" +
           rebuild + ")";
  if (f.library_version != host.library_version)
    return name + " was built with " + library_name(f.library, f.library_version) + "; this trellis uses " +
           library_name(host.library, host.library_version) + " (" + rebuild + ")";
  if (f.cxx11_abi != host.cxx11_abi)
    return name + " was built with " + abi_name(f.cxx11_abi) + "; this trellis uses " + abi_name(host.cxx11_abi) + " (" +
           rebuild + ")";
  if (f.debug_mode != host.debug_mode) {
    std::string why = name + " was built with " + debug_name(f.debug_mode) + "; this trellis with " + debug_name(host.debug_mode);
    if (f.type_count == host.type_count)
      if (auto layout = layout_refusal(f); !layout.empty()) why += ": " + layout;
    return why + " (" + rebuild + ")";
  }
  if (f.type_count != host.type_count)
    return name + "'s layout record lists " + std::to_string(f.type_count) + " boundary types; this trellis's lists " +
           std::to_string(host.type_count) + " (" + rebuild + ")";
  if (auto layout = layout_refusal(f); !layout.empty()) return name + ": " + layout + " (" + rebuild + ")";
  return {};
}

}  // namespace

std::string compatibility_refusal(const std::filesystem::path& file, const ElfProbe& p) {
  const std::string name = file.filename().string();
  const std::string theirs = version_text(p.sdk_major, p.sdk_minor);
  if (p.sdk_major != TRELLIS_SDK_VERSION_MAJOR)
    return name + " was built for Trellis SDK " + theirs + "; this trellis provides SDK " + host_sdk +
           " (rebuild the plugin against SDK " + std::to_string(TRELLIS_SDK_VERSION_MAJOR) + ".x)";
  // A newer minor may rely on additions this host lacks.
  if (p.sdk_minor > TRELLIS_SDK_VERSION_MINOR)
    return name + " was built for Trellis SDK " + theirs + ", newer than this trellis's SDK " + host_sdk +
           " (upgrade trellis, or rebuild the plugin against SDK " + host_sdk + ")";
  if (p.record_size != sizeof(sdk::PluginInfo) || !p.fingerprint)
    return name + "'s info record is " + std::to_string(p.record_size) + " bytes; this trellis's is " +
           std::to_string(sizeof(sdk::PluginInfo)) + " (" + rebuild + ")";
  return fingerprint_refusal(name, *p.fingerprint);
}

}  // namespace trellis::plugin
