#pragma once
// A note's outcomes as the report lists them: private to kernel/report.
#include <array>
#include <string>
#include <utility>
#include <vector>

#include "trellis/report.hpp"

namespace trellis {

/// Each list of a note with its label, in the order a board reads them.
inline std::array<std::pair<const char*, const std::vector<std::string>*>, 4> note_outcomes(const ReportNote& n) {
  return {{{"Strengths", &n.strengths},
           {"For improvement", &n.improvements},
           {"Actions agreed", &n.actions},
           {"Concerns raised", &n.concerns}}};
}

/// "a; b; c".
inline std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : "; ") + i;
  return out;
}

}  // namespace trellis
