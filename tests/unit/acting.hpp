#pragma once
// Who acts, and when, in unit tests that drive the kernel's use cases.
#include "trellis/actor.hpp"
#include "trellis/clock.hpp"

namespace trellis::testing {

inline const Actor& admin() {
  static const Actor a{"admin", "Test Admin", Role::admin, "", std::nullopt};
  return a;
}

inline Clock at(const char* timestamp = "2024-09-02T09:00:00Z") { return Clock::fixed(timestamp); }

}  // namespace trellis::testing
