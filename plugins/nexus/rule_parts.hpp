#pragma once
// The SDK's rule builders and key readers, as both the school and the trust
// calendar use them. Every number is the policy's, or the default
// description.cpp declares.
#include "nexus_regime.hpp"
#include "trellis/sdk/activity_rules.hpp"
#include "trellis/sdk/policy_keys.hpp"

namespace nexus {

/// A rule that happens (a visit, a meeting, a submission), from the SDK.
inline ActivityRule rule(std::string id, std::string type, std::string title, Cadence cadence,
                         std::vector<std::string> attendees, std::string note) {
  return activity_rule(std::move(id), std::move(type), std::move(title), cadence, std::move(attendees),
                       std::move(note));
}

}  // namespace nexus
