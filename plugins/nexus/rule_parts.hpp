#pragma once
// Small pieces both the school and the trust calendar build their rules from.
#include <string>
#include <utility>
#include <vector>

#include "nexus_regime.hpp"

namespace nexus {

inline int whole(const PolicyView& p, const std::string& key, int fallback) {
  return static_cast<int>(p.number(key).value_or(fallback));
}

inline ActivityRule rule(std::string id, std::string type, std::string title, Cadence cadence,
                         std::vector<std::string> attendees, std::string note) {
  ActivityRule r;
  r.id = std::move(id);
  r.type = std::move(type);
  r.title = std::move(title);
  r.cadence = cadence;
  r.attendees = std::move(attendees);
  r.note = std::move(note);
  return r;
}

}  // namespace nexus
