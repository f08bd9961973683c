// Rule sets held once (trellis/schedule/plan.hpp): a national body's schools
// have a few hundred distinct rules between them, not a few hundred thousand.
#include <functional>

#include "trellis/schedule/plan.hpp"

namespace trellis {
namespace {

using sdk::ActivityRule;

void mix(std::size_t& h, std::size_t v) { h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2); }

std::size_t hash_of(const ActivityRule& r) {
  const std::hash<std::string> text;
  std::size_t h = 0;
  for (const std::string* s : {&r.id, &r.type, &r.title, &r.window, &r.anchor, &r.anchor_date, &r.note}) mix(h, text(*s));
  mix(h, static_cast<std::size_t>(r.cadence));
  mix(h, static_cast<std::size_t>(r.count));
  mix(h, static_cast<std::size_t>(r.offset_days));
  mix(h, static_cast<std::size_t>(r.day_kind) * 4 + (r.working_days ? 2 : 0) + (r.is_deadline ? 1 : 0));
  for (const auto* d : {&r.from, &r.to}) mix(h, *d ? text(**d) : 0);
  for (const auto* list : {&r.attendees, &r.documents}) {
    mix(h, list->size());
    for (const auto& s : *list) mix(h, text(s));
  }
  return h;
}

/// Every field of the SDK's rule (sdk/include/trellis/sdk/activity.hpp).
bool same_rule(const ActivityRule& a, const ActivityRule& b) {
  return a.id == b.id && a.type == b.type && a.title == b.title && a.cadence == b.cadence && a.count == b.count &&
         a.window == b.window && a.anchor == b.anchor && a.anchor_date == b.anchor_date &&
         a.offset_days == b.offset_days && a.working_days == b.working_days && a.is_deadline == b.is_deadline &&
         a.day_kind == b.day_kind && a.from == b.from && a.to == b.to && a.attendees == b.attendees &&
         a.documents == b.documents && a.note == b.note;
}

}  // namespace

void RuleSets::add(const RuleSet& set) {
  RuleSetView v{set.urn, set.assessment_id, {}, set.from};
  v.rules.reserve(set.rules.size());
  for (const ActivityRule& r : set.rules) {
    const std::size_t h = hash_of(r);
    const ActivityRule* held = nullptr;
    for (auto [it, last] = by_hash_.equal_range(h); it != last && !held; ++it)
      if (same_rule(*it->second, r)) held = it->second;
    if (!held) {
      rules_.push_back(r);
      held = &rules_.back();
      by_hash_.emplace(h, held);
    }
    v.rules.push_back(held);
  }
  sets_.push_back(std::move(v));
}

void RuleSets::plan_from(std::optional<Date> from) {
  for (auto& s : sets_) s.from = from;
}

}  // namespace trellis
