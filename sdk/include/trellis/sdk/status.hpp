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

/// Runs `body` and turns any exception into a failed Status. Regime's public
/// methods use it; being inline, they are compiled where they are called, so
/// the catch usually sits in the host and a plugin's exception unwinds out of
/// the plugin's frames into it. That is sound because the host refuses a
/// plugin built for another libstdc++ ABI: both share one C++ runtime.
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
