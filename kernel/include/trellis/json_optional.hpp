#pragma once
/// An optional value in the kernel's JSON shapes: the value, or null. One
/// definition for every shape, so "absent" reads the same in each.
///
///     {"urn", or_null(activity.urn)}  // 123456, or null for a body-wide activity
#include <optional>

#include <nlohmann/json.hpp>

namespace trellis {

template <class T>
nlohmann::json or_null(const std::optional<T>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json();
}

}  // namespace trellis
