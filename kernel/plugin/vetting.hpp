#pragma once
// Internal to tk_plugin: running a plugin's first code (its static
// constructors, its factory, describe) in a child process first, so that a
// plugin that aborts, crashes, ends the process or loops is refused with the
// reason instead of taking the host down (issue 19).
#include <chrono>
#include <functional>
#include <string>

namespace trellis::plugin {

/// How long a plugin may take to load, make its regime and describe it.
constexpr std::chrono::seconds kVettingLimit{5};

/// Runs `attempt` in a child process (its standard output discarded) and
/// waits at most `limit`. Empty when the child came back; else why not:
/// "crashed (signal 11, Segmentation fault) while loading", "ended the
/// process (exit status 0) while loading", "did not finish loading within 5 s".
std::string vet_in_child(const std::function<void()>& attempt, std::chrono::seconds limit = kVettingLimit);

}  // namespace trellis::plugin
