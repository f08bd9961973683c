#pragma once
// Schools and evidence for the sandbox and policy tests.
#include <cstdint>
#include <optional>
#include <string>

#include "trellis/policy/fixed_evidence.hpp"

namespace trellis::testing {

inline sdk::SchoolInfo school_info(std::int64_t urn, std::string name, std::string type_group = "maintained") {
  sdk::SchoolInfo s;
  s.urn = urn;
  s.name = std::move(name);
  s.type_group = std::move(type_group);
  return s;
}

inline sdk::Observation value(std::string indicator, double v, std::string source = "abs.csv", int line = 7) {
  sdk::Observation o;
  o.indicator = std::move(indicator);
  o.value = v;
  o.source = std::move(source);
  o.line = line;
  return o;
}

inline sdk::Observation missing(std::string indicator, std::string reason, std::string source = "ks2.csv") {
  sdk::Observation o;
  o.indicator = std::move(indicator);
  o.missing = std::move(reason);
  o.source = std::move(source);
  return o;
}

}  // namespace trellis::testing
