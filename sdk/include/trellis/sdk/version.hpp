#pragma once
/// The SDK's version and the plain record every plugin exports.
///
/// The host reads `trellis_plugin_info` before it calls anything in a plugin,
/// and refuses one built for another SDK major version, a newer minor version
/// than its own, or another libstdc++ ABI.
///
/// Minor versions add to the SDK without breaking a plugin built for an
/// earlier one (1.1: CalendarView, EvidenceView::calendar(), DayKind and
/// ActivityRule::day_kind).
#include <cstdint>

#define TRELLIS_SDK_VERSION_MAJOR 1
#define TRELLIS_SDK_VERSION_MINOR 1

namespace trellis::sdk {
inline namespace v1 {

/// A C-layout record: readable whatever compiler flags built the plugin.
struct PluginInfo {
  std::uint32_t sdk_major;
  std::uint32_t sdk_minor;
  std::uint32_t cxx11_abi;      ///< _GLIBCXX_USE_CXX11_ABI the plugin was built with
  const char* regime_id;        ///< e.g. "hello-regime"
  const char* regime_version;   ///< the plugin's own version, e.g. "1.2.0"
};

/// The libstdc++ ABI flag of whoever includes this header.
constexpr std::uint32_t this_cxx11_abi() {
#if defined(_GLIBCXX_USE_CXX11_ABI)
  return _GLIBCXX_USE_CXX11_ABI;
#else
  return 0;
#endif
}

}  // namespace v1
}  // namespace trellis::sdk
