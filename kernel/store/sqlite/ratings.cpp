#include <algorithm>

#include "repositories.hpp"
#include "rows.hpp"
#include "trellis/store/rating_repository.hpp"
#include "wanted.hpp"

namespace trellis::sqlite {
namespace {

constexpr const char* kReview = R"(SELECT q.id, q.urn, COALESCE(s.name, ''), q.body_id, COALESCE(b.name, ''), q.period,
      q.requested_by, q.requested_at, q.reason, q.status, q.outcome_level, q.outcome_rationale, q.outcome_on,
      q.outcome_by, q.updated_at
    FROM review_requests q LEFT JOIN schools s ON s.urn = q.urn LEFT JOIN bodies b ON b.id = q.body_id)";

Review read_review(Statement& s) {
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

constexpr const char* kOverall = R"(SELECT id, urn, stage, level, set_by, set_at, COALESCE(rationale, ''),
      COALESCE(decided_on, substr(set_at, 1, 10)), period
    FROM ratings WHERE body_id = ? AND period IN (?, ?, ?) AND subject = 'overall' AND regime = ?)";

class Ratings final : public RatingRepository {
 public:
  explicit Ratings(Connection& c) : c_(c) {}

  std::vector<HeldRating> for_schools(const std::vector<std::int64_t>& urns, const std::string& body_id) override {
    fill_wanted(c_, urns);
    // Each school sought in ratings_school (CROSS JOIN keeps temp.wanted
    // outside), rather than every rating of the body read for a few schools.
    Statement s(c_, R"(SELECT r.id, r.urn, r.period, r.subject, r.stage, r.level, COALESCE(r.regime, ''),
        COALESCE(r.rationale, '') FROM temp.wanted w CROSS JOIN ratings r ON r.body_id = ? AND r.urn = w.urn ORDER BY r.id)");
    s.bind(1, body_id);
    std::vector<HeldRating> out;
    while (s.step())
      out.push_back({s.integer(0), s.integer(1), s.text(2), s.text(3), s.text(4), s.text(5), s.text(6), s.text(7)});
    return out;
  }

  std::vector<HeldRating> recorded(const std::string& body_id, const std::string& regime, std::int64_t urn,
                                   const std::string& period) override {
    // Prepared once: an assessment run asks it for every school.
    if (!recorded_)
      recorded_.emplace(c_, R"(SELECT r.id, r.subject, r.level, r.stage, COALESCE(r.rationale, ''), COALESCE(r.regime, '')
        FROM ratings r
        WHERE r.body_id = ?1 AND r.urn = ?2 AND r.period = ?3 AND r.stage <> 'computed'
          AND (r.regime IS NULL OR r.regime = ?4)
          AND r.id = (SELECT MAX(b.id) FROM ratings b WHERE b.body_id = r.body_id AND b.urn = r.urn
                      AND b.period = r.period AND b.subject = r.subject AND b.stage = r.stage
                      AND (b.regime IS NULL OR b.regime = ?4))
        ORDER BY r.subject <> 'overall', r.subject, r.id)");
    Statement& s = *recorded_;
    s.bind(1, body_id).bind(2, urn).bind(3, period).bind(4, regime);
    std::vector<HeldRating> out;
    while (s.step())
      out.push_back({s.integer(0), urn, period, s.text(1), s.text(3), s.text(2), s.text(5), s.text(4)});
    s.reset();
    return out;
  }

  std::vector<RatingRecord> for_period(const std::string& body_id, const std::string& period) override {
    Statement s(c_, R"(SELECT id, urn, period, subject, level, stage, set_by, set_at, COALESCE(rationale, ''), supersedes
                     FROM ratings WHERE body_id = ? AND period = ? ORDER BY id)");
    s.bind(1, body_id).bind(2, period);
    std::vector<RatingRecord> out;
    while (s.step())
      out.push_back({s.integer(0), s.integer(1), s.text(2), s.text(3), s.text(4), s.text(5), s.text(6), s.text(7),
                     s.text(8), s.opt_integer(9)});
    return out;
  }

  void each_for_period(const std::string& body_id, const std::string& period,
                       const std::function<void(RatingRecord&&)>& fn) override {
    Statement s(c_, R"(SELECT id, urn, period, subject, level, stage, set_by, set_at, COALESCE(rationale, ''), supersedes
                     FROM ratings WHERE body_id = ? AND period = ? ORDER BY urn, id)");
    s.bind(1, body_id).bind(2, period);
    while (s.step())
      fn({s.integer(0), s.integer(1), s.text(2), s.text(3), s.text(4), s.text(5), s.text(6), s.text(7), s.text(8),
          s.opt_integer(9)});
  }

  std::optional<std::int64_t> latest(const std::string& body_id, std::int64_t urn, const std::string& period,
                                     const std::string& subject, const std::string& stage,
                                     const std::string& regime) override {
    Statement s(c_, R"(SELECT id FROM ratings WHERE body_id = ? AND urn = ? AND period = ? AND subject = ? AND stage = ?
                        AND regime = ? ORDER BY id DESC LIMIT 1)");
    s.bind(1, body_id).bind(2, urn).bind(3, period).bind(4, subject).bind(5, stage).bind(6, regime);
    if (!s.step()) return std::nullopt;
    return s.integer(0);
  }

  std::optional<std::string> overall_level(const std::string& body_id, std::int64_t urn, const std::string& period,
                                           const std::string& stage) override {
    Statement s(c_, R"(SELECT level FROM ratings WHERE body_id = ? AND urn = ? AND period = ? AND subject = 'overall'
                       AND stage = ? ORDER BY id DESC LIMIT 1)");
    s.bind(1, body_id).bind(2, urn).bind(3, period).bind(4, stage);
    if (!s.step()) return std::nullopt;
    return s.text(0);
  }

  std::vector<OverallRating> overall(const std::string& body_id, const std::string& regime,
                                     const std::vector<std::string>& periods,
                                     std::optional<std::int64_t> urn) override {
    Statement s(c_, std::string(kOverall) + (urn ? " AND urn = ? ORDER BY id DESC" : " ORDER BY id DESC"));
    s.bind(1, body_id);
    // Fewer than three periods: the last one repeats.
    for (int i = 0; i < 3; ++i)
      s.bind(2 + i, periods[std::min<std::size_t>(static_cast<std::size_t>(i), periods.size() - 1)]);
    s.bind(5, regime);
    if (urn) s.bind(6, *urn);
    std::vector<OverallRating> out;
    while (s.step())
      out.push_back({s.integer(1), s.text(8), {s.integer(0), s.text(3), s.text(2), s.text(4), s.text(5), s.text(6), s.text(7)}});
    return out;
  }

  std::optional<std::int64_t> supersedes(std::int64_t id) override {
    Statement s(c_, "SELECT supersedes FROM ratings WHERE id = ?");
    s.bind(1, id);
    if (!s.step()) return std::nullopt;
    return s.opt_integer(0);
  }

  std::int64_t add(const NewRating& r) override {
    Statement s(c_, R"(INSERT INTO ratings(urn, body_id, period, subject, level, stage, set_by, set_at, rationale, supersedes,
                         regime, adoption_id, decided_on) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?))");
    s.bind(1, r.urn).bind(2, r.body_id).bind(3, r.period).bind(4, r.subject).bind(5, r.level).bind(6, r.stage);
    s.bind(7, r.set_by).bind(8, r.set_at).bind(9, r.rationale).bind(10, r.supersedes).bind(11, r.regime);
    s.bind(12, r.adoption_id).bind(13, r.decided_on).run();
    return c_.last_insert_id();
  }

  void each_latest(const std::string& body_id, const std::string& period, const std::string& regime,
                   const std::function<void(std::int64_t, const std::string&, const std::string&, std::int64_t)>& fn) override {
    Statement s(c_, R"(SELECT urn, subject, stage, MAX(id) FROM ratings WHERE body_id = ? AND period = ? AND regime = ?
                       GROUP BY urn, subject, stage)");
    s.bind(1, body_id).bind(2, period).bind(3, regime);
    while (s.step()) fn(s.integer(0), s.text(1), s.text(2), s.integer(3));
  }

  std::int64_t next_id() override {
    if (!last_id_) last_id_.emplace(c_, "SELECT COALESCE(MAX(id), 0) FROM ratings");
    last_id_->step();
    const std::int64_t id = last_id_->integer(0) + 1;
    last_id_->reset();
    return id;
  }

  void add_all(const std::vector<NewRating>& ratings) override {
    if (ratings.empty()) return;
    // Prepared once, and many rows to a statement: an import stores a trust's self-assessments (issue 18).
    if (!add_)
      add_.emplace(c_, R"(INSERT OR FAIL INTO ratings(id, urn, body_id, period, subject, level, stage, set_by, set_at,
                      rationale, supersedes, regime, adoption_id, decided_on) VALUES )", "(?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    AllOrNone unit(c_, {"ratings"});
    // The ids SQLite would give one at a time.
    std::int64_t id = next_id();
    // Texts bound unowned, not copied: `ratings` outlives each statement's run.
    add_->insert(ratings, [&](Statement& s, int p, const NewRating& r) {
      s.bind(p, id++).bind(p + 1, r.urn).bind_unowned(p + 2, r.body_id).bind_unowned(p + 3, r.period);
      s.bind_unowned(p + 4, r.subject).bind_unowned(p + 5, r.level).bind_unowned(p + 6, r.stage);
      s.bind_unowned(p + 7, r.set_by).bind_unowned(p + 8, r.set_at).bind_unowned(p + 9, r.rationale);
      s.bind(p + 10, r.supersedes).bind_unowned(p + 11, r.regime).bind(p + 12, r.adoption_id);
      s.bind_unowned(p + 13, r.decided_on);
    });
    unit.done();
  }

  void add_proposals(const std::vector<Proposal>& proposals) override {
    if (proposals.empty()) return;
    // Prepared once, and many rows to a statement: an assessment run stores several for every school.
    if (!last_id_) last_id_.emplace(c_, "SELECT COALESCE(MAX(id), 0) FROM ratings");
    if (!propose_)
      propose_.emplace(c_, R"(INSERT OR FAIL INTO ratings(id, urn, body_id, period, subject, level, stage, set_by, set_at,
                          rationale, regime, adoption_id) VALUES )", "(?,?,?,?,?,?,?,?,?,?,?,?)");
    if (!cite_) cite_.emplace(c_, "INSERT OR IGNORE INTO rating_evidence(rating_id, evidence_id) VALUES ", "(?,?)");
    AllOrNone unit(c_, {"ratings", "rating_evidence"});
    // The ids SQLite would give one at a time, named here so that the citations can name them.
    last_id_->step();
    std::int64_t id = last_id_->integer(0);
    last_id_->reset();
    std::vector<std::pair<std::int64_t, std::int64_t>> cited;
    // Texts bound unowned, not copied: `proposals` outlives each statement's run.
    propose_->insert(proposals, [&](Statement& s, int p, const Proposal& x) {
      const NewRating& r = x.rating;
      s.bind(p, ++id).bind(p + 1, r.urn).bind_unowned(p + 2, r.body_id).bind_unowned(p + 3, r.period);
      s.bind_unowned(p + 4, r.subject).bind_unowned(p + 5, r.level).bind_unowned(p + 6, r.stage);
      s.bind_unowned(p + 7, r.set_by).bind_unowned(p + 8, r.set_at).bind_unowned(p + 9, r.rationale);
      s.bind_unowned(p + 10, r.regime).bind(p + 11, r.adoption_id);
      for (auto e : x.evidence) cited.emplace_back(id, e);
    });
    cite_->insert(cited, [](Statement& s, int p, const std::pair<std::int64_t, std::int64_t>& c) {
      s.bind(p, c.first).bind(p + 1, c.second);
    });
    unit.done();
  }

  std::optional<Review> find_review(std::int64_t id) override {
    Statement s(c_, std::string(kReview) + " WHERE q.id = ?");
    s.bind(1, id);
    if (!s.step()) return std::nullopt;
    return read_review(s);
  }

  std::vector<Review> reviews(const std::string& body_id, std::optional<ReviewStatus> status) override {
    Statement s(c_, std::string(kReview) + " WHERE q.body_id = ? AND (? IS NULL OR q.status = ?) ORDER BY q.id");
    std::optional<std::string> wanted;
    if (status) wanted = to_string(*status);
    s.bind(1, body_id).bind(2, wanted).bind(3, wanted);
    std::vector<Review> out;
    while (s.step()) out.push_back(read_review(s));
    return out;
  }

  std::int64_t add_review(const Review& r) override {
    Statement s(c_, R"(INSERT INTO review_requests(urn, body_id, requested_by, requested_at, reason, period, status, updated_at)
                       VALUES (?,?,?,?,?,?,'requested',?))");
    s.bind(1, r.urn).bind(2, r.body_id).bind(3, r.requested_by).bind(4, r.requested_at).bind(5, r.reason);
    s.bind(6, r.period).bind(7, r.requested_at).run();
    return c_.last_insert_id();
  }

  void start_review(std::int64_t id, const std::string& at) override {
    Statement s(c_, "UPDATE review_requests SET status = 'under review', updated_at = ? WHERE id = ? AND status = 'requested'");
    s.bind(1, at).bind(2, id).run();
  }

  void decide_review(const Review& r) override {
    Statement s(c_, R"(UPDATE review_requests SET status = ?, outcome_level = ?, outcome_rationale = ?, outcome_on = ?,
                        outcome_by = ?, updated_at = ?, period = COALESCE(period, ?)
                      WHERE id = ? AND status = 'under review')");
    s.bind(1, to_string(r.status)).bind(2, r.outcome_level).bind(3, r.outcome_rationale).bind(4, r.outcome_on);
    s.bind(5, r.outcome_by).bind(6, r.updated_at).bind(7, r.period).bind(8, r.id).run();
  }

 private:
  Connection& c_;
  std::optional<Statement> last_id_, recorded_;
  std::optional<RowInsert> propose_, cite_, add_;
};

}  // namespace

std::unique_ptr<RatingRepository> make_ratings(Connection& c) { return std::make_unique<Ratings>(c); }

}  // namespace trellis::sqlite
