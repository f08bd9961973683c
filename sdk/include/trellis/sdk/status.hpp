#pragma once
/// Status: how a plugin reports failure. No exception crosses the boundary.
#include <exception>
#include <string>
#include <utility>

namespace trellis::sdk {
inline namespace v3 {

struct Status {
  bool ok = true;
  std::string message;

  static Status success() { return {}; }
  static Status failure(std::string why) { return {false, std::move(why)}; }
  explicit operator bool() const { return ok; }
};

/// Runs `body` and turns any exception into a failed Status; a failure, thrown
/// or returned, reads "plugin <plugin>: <what> failed: <why>". The regime
/// adapter runs every boundary call through it, in the plugin's own code.
template <class Body>
Status guarded(const char* plugin, const char* what, Body&& body) noexcept {
  Status s;
  try {
    s = body();
  } catch (...) {
    s.ok = false;
    try {
      throw;
    } catch (const std::exception& e) {
      try { s.message = e.what(); } catch (...) {}  // out of memory: the failure still stands
    } catch (...) {
      try { s.message = "an exception that is not a std::exception"; } catch (...) {}
    }
  }
  if (s.ok) return s;
  try {
    s.message = std::string("plugin ") + plugin + ": " + what + " failed: " + s.message;
  } catch (...) {
  }
  return s;
}

}  // namespace v3
}  // namespace trellis::sdk
