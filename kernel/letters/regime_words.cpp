#include "trellis/regime_words.hpp"

namespace trellis {

RegimeWords::RegimeWords(const sdk::RegimeDescription& d) : overall_(d.overall_scale) {
  for (const auto& a : d.areas) subjects_[a.id] = a.label;
  for (const auto& i : d.indicators) subjects_.emplace(i.id, i.label);
  for (const auto& m : d.subject_scales) scale_of_[m.subject] = m.scale;
  for (const auto& s : d.scales)
    for (const auto& l : s.levels) levels_[s.id][l.id] = l.label;
}

std::string RegimeWords::subject(const std::string& id) const {
  auto it = subjects_.find(id);
  return it == subjects_.end() ? id : it->second;
}

std::string RegimeWords::level(const std::string& subject, const std::string& level) const {
  auto mapped = scale_of_.find(subject);
  auto scale = levels_.find(mapped == scale_of_.end() ? overall_ : mapped->second);
  if (scale == levels_.end()) return level;
  auto it = scale->second.find(level);
  return it == scale->second.end() ? level : it->second;
}

std::string RegimeWords::line(const sdk::RatingOut& r) const {
  std::string out = subject(r.subject) + ": " + level(r.subject, r.level);
  if (!r.reasons.empty()) out += ". " + r.reasons.front();
  return out;
}

}  // namespace trellis
