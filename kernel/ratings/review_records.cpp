#include "trellis/reviews.hpp"

#include "trellis/bodies.hpp"
#include "trellis/error.hpp"

// The stored review requests as the ratings service reads them. Requesting,
// starting and deciding a review are use cases (kernel/usecases/reviews.cpp):
// a changed level is a decision, which re-plans the school and writes a letter.
namespace trellis {
namespace {

constexpr const char* kSelect = R"(SELECT q.id, q.urn, COALESCE(s.name, ''), q.body_id, COALESCE(b.name, ''), q.period,
      q.requested_by, q.requested_at, q.reason, q.status, q.outcome_level, q.outcome_rationale, q.outcome_on,
      q.outcome_by, q.updated_at
    FROM review_requests q LEFT JOIN schools s ON s.urn = q.urn LEFT JOIN bodies b ON b.id = q.body_id)";

Review read(Statement& s) {
  Review r;
  r.id = s.integer(0);
  r.urn = s.integer(1);
  r.school = s.text(2);
  r.body_id = s.text(3);
  r.body_name = s.text(4);
  r.period = s.opt_text(5);
  r.requested_by = s.text(6);
  r.requested_at = s.text(7);
  r.reason = s.text(8);
  r.status = parse_review_status(s.text(9)).value_or(ReviewStatus::requested);
  r.outcome_level = s.opt_text(10);
  r.outcome_rationale = s.opt_text(11);
  r.outcome_on = s.opt_text(12);
  r.outcome_by = s.opt_text(13);
  r.updated_at = s.opt_text(14);
  return r;
}

}  // namespace

std::string to_string(ReviewStatus status) {
  switch (status) {
    case ReviewStatus::requested: return "requested";
    case ReviewStatus::under_review: return "under review";
    case ReviewStatus::confirmed: return "confirmed";
    case ReviewStatus::changed: return "changed";
  }
  return "requested";
}

std::optional<ReviewStatus> parse_review_status(std::string_view text) {
  if (text == "requested") return ReviewStatus::requested;
  if (text == "under review" || text == "under-review" || text == "under_review") return ReviewStatus::under_review;
  if (text == "confirmed") return ReviewStatus::confirmed;
  if (text == "changed") return ReviewStatus::changed;
  return std::nullopt;
}

std::optional<std::string> deciding_stage(const sdk::RegimeDescription& regime) {
  if (!regime.deciding_stage.empty()) return regime.deciding_stage;
  for (const char* stage : {"final", "validated", "moderated"})
    for (auto& s : regime.stages)
      if (s.id == stage) return s.id;
  return std::nullopt;
}

std::optional<Review> find_review(Database& db, std::int64_t id) {
  Statement s(db, std::string(kSelect) + " WHERE q.id = ?");
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  return read(s);
}

std::vector<Review> list_reviews(Database& db, const std::string& body_id, std::optional<ReviewStatus> status) {
  require_body(db, body_id);
  Statement s(db, std::string(kSelect) + " WHERE q.body_id = ? AND (? IS NULL OR q.status = ?) ORDER BY q.id");
  std::optional<std::string> wanted;
  if (status) wanted = to_string(*status);
  s.bind(1, body_id).bind(2, wanted).bind(3, wanted);
  std::vector<Review> out;
  while (s.step()) out.push_back(read(s));
  return out;
}

}  // namespace trellis
