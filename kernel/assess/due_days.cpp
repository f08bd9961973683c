#include "trellis/due_days.hpp"

#include <algorithm>
#include <tuple>
#include <unordered_map>

namespace trellis {

DueDays::DueDays(const std::vector<DueDay>& deadlines) {
  std::unordered_map<std::string, std::uint32_t> index;
  rows_.reserve(deadlines.size());
  for (const auto& d : deadlines) {
    const auto [it, fresh] = index.try_emplace(d.rule, static_cast<std::uint32_t>(rules_.size()));
    if (fresh) rules_.push_back(d.rule);
    rows_.push_back({d.urn, it->second, d.due});
  }
  // Earliest first within a school's rule, so that unique keeps it.
  std::sort(rows_.begin(), rows_.end(), [](const Row& a, const Row& b) {
    return std::tuple(a.urn, a.rule, a.due.serial()) < std::tuple(b.urn, b.rule, b.due.serial());
  });
  rows_.erase(std::unique(rows_.begin(), rows_.end(),
                          [](const Row& a, const Row& b) { return a.urn == b.urn && a.rule == b.rule; }),
              rows_.end());
  rows_.shrink_to_fit();
}

std::map<std::string, std::string> DueDays::of(std::int64_t urn) const {
  std::map<std::string, std::string> out;
  auto it = std::lower_bound(rows_.begin(), rows_.end(), urn, [](const Row& r, std::int64_t u) { return r.urn < u; });
  for (; it != rows_.end() && it->urn == urn; ++it) out.emplace(rules_[it->rule], it->due.to_string());
  return out;
}

}  // namespace trellis
