// Checks of the Heart of Mercia policy beyond key types and ranges. The
// kernel adds the file, line and column of each key.
#include <algorithm>

#include "hom_regime.hpp"

namespace hom {
namespace {

void half_terms_of(const PolicyView& p, const std::string& key, std::vector<Diagnostic>& out) {
  for (auto& h : p.texts(key))
    if (std::find(half_terms().begin(), half_terms().end(), h) == half_terms().end())
      out.push_back({key, "expected half-terms (autumn-1 ... summer-2), found \"" + h + "\""});
}

}  // namespace

void validate_policy(const PolicyView& p, std::vector<Diagnostic>& out) {
  // The grade scale is the policy's to declare (the seed names none).
  if (p.keys("scales.grade").empty())
    out.push_back({"scales", "expected [scales.grade], the scale academies are graded on, found none"});
  // §5.4: the quality visit's feedback is its note, with a deadline.
  if (!p.has("notes.send_within_working_days"))
    out.push_back({"notes", "expected notes.send_within_working_days, the deadline for quality visit feedback "
                            "(§5.4), found none"});
  half_terms_of(p, "reporting.half_terms", out);
  half_terms_of(p, "collaboration.half_terms", out);
  for (auto& urn : p.keys("support.allocated"))
    if (urn.empty() || !std::all_of(urn.begin(), urn.end(), [](char c) { return c >= '0' && c <= '9'; }))
      out.push_back({"support.allocated." + urn, "expected an academy's URN as the key, found \"" + urn + "\""});
}

}  // namespace hom
