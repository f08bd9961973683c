#pragma once
/// The store's ratings and the reviews of them.
///
///     auto supersedes = db.ratings().latest(body, urn, period, "overall", "final", regime);
///     const std::int64_t id = db.ratings().add({.urn = urn, ..., .supersedes = supersedes});
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "trellis/decision.hpp"
#include "trellis/ratings.hpp"
#include "trellis/reviews.hpp"

namespace trellis {

/// A rating as an assessment reads it: what was said of a subject, at a stage.
struct HeldRating {
  std::int64_t id = 0;
  std::int64_t urn = 0;
  std::string period, subject, stage, level, regime;  ///< regime "" when none was recorded
  std::string rationale = {};
};

/// A rating to store. A person's decision supersedes the one before and has
/// the day it was decided; a regime's proposal (add_proposal) has neither.
struct NewRating {
  std::int64_t urn = 0;
  std::string body_id, period, subject, level, stage, set_by, set_at, rationale, regime;
  std::optional<std::int64_t> adoption_id, supersedes;
  std::string decided_on;
};

/// A regime's proposal (neither `supersedes` nor `decided_on`) and the evidence it rests on.
struct Proposal {
  NewRating rating;
  std::vector<std::int64_t> evidence;
};

/// An overall rating that may decide a school's level, with the school and period it is for.
struct OverallRating {
  std::int64_t urn = 0;
  std::string period;
  Decision decision;
};

class RatingRepository {
 public:
  virtual ~RatingRepository();
  /// A body's ratings of the schools among `urns`, in id order.
  virtual std::vector<HeldRating> for_schools(const std::vector<std::int64_t>& urns, const std::string& body_id) = 0;
  /// The newest rating of each subject at each stage but `computed` that
  /// people recorded for the school and period under the regime (or none):
  /// overall first, then by subject.
  virtual std::vector<HeldRating> recorded(const std::string& body_id, const std::string& regime, std::int64_t urn,
                                           const std::string& period) = 0;
  /// A body's ratings for a period, in id order.
  virtual std::vector<RatingRecord> for_period(const std::string& body_id, const std::string& period) = 0;
  /// The same, by school (URN) and then in id order, handed to `fn` one at a
  /// time: a country's ratings are read school by school, never held (issue 18).
  virtual void each_for_period(const std::string& body_id, const std::string& period,
                               const std::function<void(RatingRecord&&)>& fn) = 0;
  /// The newest rating of the subject at the stage under the regime: the one a new rating supersedes.
  virtual std::optional<std::int64_t> latest(const std::string& body_id, std::int64_t urn, const std::string& period,
                                             const std::string& subject, const std::string& stage,
                                             const std::string& regime) = 0;
  /// The newest overall level recorded at `stage`.
  virtual std::optional<std::string> overall_level(const std::string& body_id, std::int64_t urn,
                                                   const std::string& period, const std::string& stage) = 0;
  /// The body's overall ratings under the regime for up to three periods (a
  /// period and those enclosing it), newest first; with `urn`, one school's.
  virtual std::vector<OverallRating> overall(const std::string& body_id, const std::string& regime,
                                             const std::vector<std::string>& periods,
                                             std::optional<std::int64_t> urn) = 0;
  /// The rating that rating `id` supersedes, if any.
  virtual std::optional<std::int64_t> supersedes(std::int64_t id) = 0;
  /// The newest rating of each school, subject and stage for the period under
  /// the regime (as `latest` finds one), handed to `fn(urn, subject, stage, id)`.
  virtual void each_latest(const std::string& body_id, const std::string& period, const std::string& regime,
                           const std::function<void(std::int64_t, const std::string&, const std::string&, std::int64_t)>& fn) = 0;
  /// Stores a person's rating and returns its id.
  virtual std::int64_t add(const NewRating& rating) = 0;
  /// The id the next rating stored will get.
  virtual std::int64_t next_id() = 0;
  /// Stores people's ratings as `add` stores each, in one go: their ids are
  /// next_id() onwards, in their order.
  virtual void add_all(const std::vector<NewRating>& ratings) = 0;
  /// Stores a regime's proposals, each citing the evidence it rests on; their ids follow their order.
  virtual void add_proposals(const std::vector<Proposal>& proposals) = 0;

  /// Reviews, each with its school's and body's names.
  virtual std::optional<Review> find_review(std::int64_t id) = 0;
  /// A body's reviews in id order; with `status`, only those in it.
  virtual std::vector<Review> reviews(const std::string& body_id, std::optional<ReviewStatus> status) = 0;
  /// Stores a new request (status requested; its outcome is not read) and returns its id.
  virtual std::int64_t add_review(const Review& request) = 0;
  /// Puts a requested review under review.
  virtual void start_review(std::int64_t id, const std::string& at) = 0;
  /// Records the outcome (status, level, rationale, day, by, updated_at) of a
  /// review under review; its period is filled in only where it named none.
  virtual void decide_review(const Review& decided) = 0;
};

}  // namespace trellis
