#include "trellis/reviews.hpp"

#include "trellis/bodies.hpp"
#include "trellis/error.hpp"
#include "trellis/store/rating_repository.hpp"

// The stored review requests as the ratings service reads them. Requesting,
// starting and deciding a review are use cases (kernel/usecases/reviews.cpp):
// a changed level is a decision, which re-plans the school and writes a letter.
namespace trellis {

std::optional<std::string> deciding_stage(const sdk::RegimeDescription& regime) {
  if (!regime.deciding_stage.empty()) return regime.deciding_stage;
  for (const char* stage : {"final", "validated", "moderated"})
    for (auto& s : regime.stages)
      if (s.id == stage) return s.id;
  return std::nullopt;
}

std::optional<Review> find_review(Database& db, std::int64_t id) { return db.ratings().find_review(id); }

std::vector<Review> list_reviews(Database& db, const std::string& body_id, std::optional<ReviewStatus> status) {
  require_body(db, body_id);
  return db.ratings().reviews(body_id, status);
}

}  // namespace trellis
