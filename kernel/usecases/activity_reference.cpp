#include "trellis/activity_reference.hpp"

#include <algorithm>

#include "trellis/error.hpp"
#include "trellis/store/activity_repository.hpp"

namespace trellis {
namespace {

std::vector<std::string> split(const std::string& text, char sep) {
  std::vector<std::string> parts;
  std::string::size_type from = 0;
  for (auto at = text.find(sep); at != std::string::npos; from = at + 1, at = text.find(sep, from))
    parts.push_back(text.substr(from, at - from));
  parts.push_back(text.substr(from));
  return parts;
}

bool digits(const std::string& s) {
  return !s.empty() && s.size() <= 18 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::int64_t activity_id(Database& db, const std::string& reference) {
  if (digits(reference)) return std::stoll(reference);
  const auto parts = split(reference, '/');
  const bool school = parts.size() == 4;
  if ((parts.size() != 3 && !school) || std::any_of(parts.begin(), parts.end(), [](auto& p) { return p.empty(); }) ||
      (school && !digits(parts[3])))
    throw UsageError("an activity is its id, or BODY/YEAR/RULE[/URN] (e.g. trust-a/2018-19/visit-rule/123456), "
                     "found \"" + reference + "\"");
  const std::optional<std::int64_t> urn = school ? std::optional(std::stoll(parts[3])) : std::nullopt;
  std::vector<Activity> found;
  for (auto& a : db.activities().in_scope(parts[0], parts[1], urn))
    if (a.rule == parts[2] && a.urn == urn && a.status != ActivityStatus::cancelled) found.push_back(a);
  if (found.empty())
    throw UsageError("no activity of rule \"" + parts[2] + "\" " + (urn ? "for school " + parts[3] + " " : "") +
                     "in " + parts[0] + "'s plan for " + parts[1] + " (the schedule's JSON gives each activity's rule)");
  if (found.size() > 1) {
    std::string which;
    for (auto& a : found) which += "\n  " + std::to_string(*a.id) + "  " + a.start.to_string() + "  " + a.title;
    throw UsageError("\"" + reference + "\" names " + std::to_string(found.size()) +
                     " activities; give the id of one:" + which);
  }
  return *found.front().id;
}

}  // namespace trellis
