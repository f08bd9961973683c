#pragma once
/// Status: how a plugin reports failure. No exception crosses the boundary.
#include <string>
#include <utility>

namespace trellis::sdk {
inline namespace v1 {

struct Status {
  bool ok = true;
  std::string message;

  static Status success() { return {}; }
  static Status failure(std::string why) { return {false, std::move(why)}; }
  explicit operator bool() const { return ok; }
};

/// Runs `body` and turns any exception into a failed Status. It is inline so
/// that the catch is compiled into the plugin, on the plugin's side of the
/// boundary.
template <class Body>
Status guarded(Body&& body) noexcept {
  try {
    return body();
  } catch (const std::exception& e) {
    return Status::failure(e.what());
  } catch (...) {
    return Status::failure("unknown exception");
  }
}

}  // namespace v1
}  // namespace trellis::sdk
