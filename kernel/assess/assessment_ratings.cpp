#include "assessment_ratings.hpp"

#include "trellis/store/rating_repository.hpp"

namespace trellis::assessment_ratings {

void write_rationale(const sdk::RatingOut& r, std::string& out) {
  out = r.rationale;
  for (const auto& reason : r.reasons) {
    out += out.empty() ? "" : out.back() == '.' ? " " : ". ";
    out += reason;
  }
}

sdk::RatingOut recorded_rating(std::string_view subject, std::string_view level, std::string_view stage,
                               std::string_view rationale) {
  sdk::RatingOut r{std::string(subject), std::string(level), std::string(stage), std::string(rationale), {}};
  if (!r.rationale.empty()) r.reasons.push_back(r.rationale);
  return r;
}

std::vector<sdk::RatingOut> recorded(Database& db, const std::string& body_id, const std::string& regime,
                                     std::int64_t urn, const std::string& period) {
  std::vector<sdk::RatingOut> out;
  for (const HeldRating& h : db.ratings().recorded(body_id, regime, urn, period))
    out.push_back(recorded_rating(h.subject, h.level, h.stage, h.rationale));
  return out;
}

}  // namespace trellis::assessment_ratings
