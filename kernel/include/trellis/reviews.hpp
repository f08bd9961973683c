#pragma once
/// Reviews of a school's classification. A school, or an officer, asks a body
/// to review the level it gave a school for a period; an officer takes the
/// request up, then decides: the level is confirmed, or changed. A changed
/// level is the body's decision: it is recorded as an overall rating at the
/// regime's deciding stage, in the same transaction as the outcome.
///
///     PluginHost host(PluginHost::default_search_path());
///     Review r = request_review(db, {123456, "example-la", std::nullopt, "Headteacher", "Attendance re-checked"});
///     start_review(db, r.id, "A. Officer");
///     ReviewDecision d = decide_review(db, host, {r.id, ReviewStatus::changed, "yellow", "A. Officer",
///                                                 "The attendance figures were wrong", std::nullopt});
///     // d.level_before == "amber"; d.rating_id is the new decision
///
/// Each writing function owns its transaction and its audit record; when it
/// throws, nothing was written. Statuses move one way only:
/// requested -> under review -> confirmed | changed.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "trellis/letters.hpp"
#include "trellis/plugin_host.hpp"
#include "trellis/schedule/store.hpp"
#include "trellis/sdk/description.hpp"
#include "trellis/store/database.hpp"

namespace trellis {

enum class ReviewStatus { requested, under_review, confirmed, changed };

/// "requested", "under review", "confirmed", "changed": as stored and printed.
/// Inline, with its parser: the SQLite store reads and writes these words and
/// does not stand on tk_ratings.
inline std::string to_string(ReviewStatus status) {
  switch (status) {
    case ReviewStatus::requested: return "requested";
    case ReviewStatus::under_review: return "under review";
    case ReviewStatus::confirmed: return "confirmed";
    case ReviewStatus::changed: return "changed";
  }
  return "requested";
}
/// Accepts the stored words, and "under-review" or "under_review"; nullopt otherwise.
inline std::optional<ReviewStatus> parse_review_status(std::string_view text) {
  if (text == "requested") return ReviewStatus::requested;
  if (text == "under review" || text == "under-review" || text == "under_review") return ReviewStatus::under_review;
  if (text == "confirmed") return ReviewStatus::confirmed;
  if (text == "changed") return ReviewStatus::changed;
  return std::nullopt;
}

struct Review {
  std::int64_t id = 0;
  std::int64_t urn = 0;
  std::string school;     ///< the school's name in the register
  std::string body_id;
  std::string body_name;
  std::optional<std::string> period;  ///< the classification's period; none only for requests made before periods were kept
  std::string requested_by, requested_at, reason;
  ReviewStatus status = ReviewStatus::requested;
  std::optional<std::string> outcome_level;      ///< once decided: the level confirmed, or the new level
  std::optional<std::string> outcome_rationale;
  std::optional<std::string> outcome_on;         ///< YYYY-MM-DD
  std::optional<std::string> outcome_by;
  std::optional<std::string> updated_at;         ///< when the status last changed
};

struct ReviewRequest {
  std::int64_t urn = 0;
  std::string body_id;
  /// The classification to review. Default: the period of the school's
  /// latest stored assessment under the body (none if it has none).
  std::optional<std::string> period;
  std::string by;  ///< the name shown as asking; empty: the acting person (the school's head or an officer)
  std::string reason;
};

/// Records a request. Throws UsageError for an unknown body, an empty reason,
/// by or period that is not one, and StoreError (exit 3) when the school is
/// not in the register or not a member of the body (on the period's first
/// day; today when there is no period).
Review request_review(Database& db, const Actor& actor, const Clock& clock, const ReviewRequest& request);

/// requested -> under review. Throws UsageError for an unknown id or empty by,
/// StoreError naming the current status when the review is not requested.
Review start_review(Database& db, const Actor& actor, const Clock& clock, std::int64_t id);

struct ReviewOutcome {
  std::int64_t id = 0;
  ReviewStatus outcome = ReviewStatus::confirmed;  ///< confirmed or changed
  std::optional<std::string> level;  ///< changed: the new level (required); confirmed: optional, must be the current level
  std::string by;
  std::string rationale;
  std::optional<std::string> on;     ///< YYYY-MM-DD; default today ($TRELLIS_NOW)
};

struct ReviewDecision {
  Review review;
  std::optional<std::string> level_before;  ///< the school's level when the decision was made
  std::optional<std::int64_t> rating_id;    ///< changed: the overall rating recorded at the deciding stage
  std::optional<ReplanSummary> replan;      ///< changed: the school's plan re-made from the day decided
  std::optional<Letter> letter;             ///< the letter to the head, stored in the outbox; write it out once returned
};

/// under review -> confirmed | changed. Confirmed keeps the school's current
/// level for the period (its latest overall rating at the deciding stage,
/// else its stored assessment). Changed records `level`, which must be on the
/// regime's overall scale and differ from the current level, as an overall
/// rating at the regime's deciding stage through record_rating, by `by`, with
/// the rationale. Throws UsageError for bad options (no rationale, a level
/// off the scale, a date that is not one), StoreError naming the current
/// status for an out-of-order transition, or when the state forbids the
/// outcome (no level to confirm, a regime with no deciding stage).
ReviewDecision decide_review(Database& db, PluginHost& host, const Actor& actor, const Clock& clock,
                             const ReviewOutcome& outcome);

/// The review with this id, if any.
std::optional<Review> find_review(Database& db, std::int64_t id);

/// The body's reviews, oldest first, optionally of one status. Throws
/// UsageError for an unknown body.
std::vector<Review> list_reviews(Database& db, const std::string& body_id,
                                 std::optional<ReviewStatus> status = std::nullopt);

/// The stage at which the regime's people decide a school's level: the one
/// it names as its `deciding_stage`; for a regime that names none, the first
/// of final, validated and moderated that it declares; nullopt when it
/// declares none of them (its computed level is then the only one).
std::optional<std::string> deciding_stage(const sdk::RegimeDescription& regime);

}  // namespace trellis
