#pragma once
/// The layout fingerprint: what a plugin's build says about the types it
/// passes across the boundary, so that the host can refuse one whose idea of
/// them differs from its own before loading it (see plugin.hpp).
///
///     Fingerprint f = this_fingerprint();   // as this translation unit sees the types
///     f.types[0].size;                       // sizeof(Status)
///     boundary_type_names[0];                // "Status"
///
/// A struct passed by value, by reference or inside a container is on the
/// list below. Adding a field to one changes its size here by itself; a new
/// boundary type needs a line in TRELLIS_SDK_BOUNDARY_TYPES, and either is a
/// new major version.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>
#include <version>  // the standard library's identity macros

#include "trellis/sdk/regime.hpp"

/// Every type whose layout the host and a plugin must agree on.
#define TRELLIS_SDK_BOUNDARY_TYPES(X)                                                                   \
  X(Status) X(Diagnostic) X(Level) X(Scale) X(Area) X(IndicatorSpec) X(Priority) X(SubjectScale)       \
  X(StageSpec) X(StagePanel) X(PolicyKeySpec) X(PolicyDeclares) X(RegimeDescription) X(ActivityRule) X(RatingOut)    \
  X(AssessmentOut) X(AssessmentRequest) X(SubjectRating) X(ThresholdOutcome) X(Fact) X(FactList)       \
  X(Facts) X(SchoolInfo) X(Observation) X(Direction) X(KeyType) X(Cadence) X(DayKind) X(BenchmarkScope) \
  X(std::string) X(std::string_view) X(std::vector<std::string>) X(std::optional<std::string>)         \
  X(std::optional<double>) X(std::optional<int>) X(std::vector<std::int64_t>)                          \
  X(std::vector<ActivityRule>) X(std::vector<Diagnostic>) X(std::vector<SchoolInfo>)

namespace trellis::sdk {
inline namespace v3 {

/// Which C++ standard library a plugin was built with.
enum class StandardLibrary : std::uint32_t { unknown = 0, libstdcxx = 1, libcxx = 2 };

struct TypeLayout {
  std::uint32_t size;
  std::uint32_t align;
};

#define TRELLIS_SDK_COUNT_TYPE(T) +1
inline constexpr std::uint32_t boundary_type_count = 0 TRELLIS_SDK_BOUNDARY_TYPES(TRELLIS_SDK_COUNT_TYPE);
#undef TRELLIS_SDK_COUNT_TYPE

/// The types' names, in the order of Fingerprint::types.
#define TRELLIS_SDK_TYPE_NAME(T) #T,
inline constexpr const char* boundary_type_names[boundary_type_count] = {
    TRELLIS_SDK_BOUNDARY_TYPES(TRELLIS_SDK_TYPE_NAME)};
#undef TRELLIS_SDK_TYPE_NAME

/// Fixed-width integers only: readable whatever flags built the plugin.
struct Fingerprint {
  StandardLibrary library;
  std::uint32_t library_version;  ///< _GLIBCXX_RELEASE (GCC's major) or _LIBCPP_VERSION
  std::uint32_t cxx11_abi;        ///< _GLIBCXX_USE_CXX11_ABI: 1, the C++11 std::string; 0, the old one
  std::uint32_t debug_mode;       ///< _GLIBCXX_DEBUG (checked containers, another layout): 1 when defined
  std::uint32_t type_count;       ///< boundary_type_count
  TypeLayout types[boundary_type_count];
};

/// The fingerprint of whoever includes this header, as its compiler sees the types.
constexpr Fingerprint this_fingerprint() {
  Fingerprint f{};
#if defined(_LIBCPP_VERSION)
  f.library = StandardLibrary::libcxx;
  f.library_version = _LIBCPP_VERSION;
#elif defined(__GLIBCXX__)
  f.library = StandardLibrary::libstdcxx;
  f.library_version = _GLIBCXX_RELEASE;
#endif
#if defined(_GLIBCXX_USE_CXX11_ABI)
  f.cxx11_abi = _GLIBCXX_USE_CXX11_ABI;
#endif
#if defined(_GLIBCXX_DEBUG)
  f.debug_mode = 1;
#endif
  f.type_count = boundary_type_count;
  std::uint32_t i = 0;
#define TRELLIS_SDK_TYPE_LAYOUT(T) f.types[i++] = {sizeof(T), alignof(T)};
  TRELLIS_SDK_BOUNDARY_TYPES(TRELLIS_SDK_TYPE_LAYOUT)
#undef TRELLIS_SDK_TYPE_LAYOUT
  return f;
}

}  // namespace v3
}  // namespace trellis::sdk
