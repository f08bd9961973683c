#include <algorithm>
#include <functional>
#include <nlohmann/json.hpp>

#include "repositories.hpp"
#include "stored_json.hpp"
#include "trellis/json_stream.hpp"
#include "trellis/store/assessment_repository.hpp"
#include "trellis/text.hpp"
#include "wanted.hpp"

namespace trellis::sqlite {
namespace {

// The row's JSON columns are written as text, byte for byte as nlohmann's
// dump() prints them: no JSON value is built for every school (issue 18).

/// `text` as a JSON string, as dump() prints it; invalid UTF-8 throws as dump() throws.
void put_stored(std::string& out, std::string_view text) {
  if (first_invalid_utf8(text)) (void)nlohmann::json(text).dump();  // throws type_error 316
  put_string(out, text);
}

/// A list as dump() prints it: "[a,b]".
template <typename List, typename Put>
void put_compact(std::string& out, const List& list, const Put& put) {
  out += '[';
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (i) out += ',';
    put(out, list[i]);
  }
  out += ']';
}

void put_texts(std::string& out, const std::vector<std::string>& list) {
  put_compact(out, list, [](std::string& o, const std::string& t) { put_stored(o, t); });
}

/// A computed rating in the row's `ratings` JSON: {subject, level, stage},
/// with rationale, reasons and evidence ids when there are any; its keys sorted, as nlohmann keeps them.
void put_rating(std::string& out, const sdk::RatingOut& r) {
  out += '{';
  if (!r.evidence.empty()) {
    out += "\"evidence\":";
    put_compact(out, r.evidence, [](std::string& o, std::int64_t id) { o += std::to_string(id); });
    out += ',';
  }
  out += "\"level\":";
  put_stored(out, r.level);
  if (!r.rationale.empty()) {
    out += ",\"rationale\":";
    put_stored(out, r.rationale);
  }
  if (!r.reasons.empty()) {
    out += ",\"reasons\":";
    put_texts(out, r.reasons);
  }
  out += ",\"stage\":";
  put_stored(out, r.stage);
  out += ",\"subject\":";
  put_stored(out, r.subject);
  out += '}';
}

class Assessments final : public AssessmentRepository {
 public:
  explicit Assessments(Connection& c) : c_(c) {}

  std::vector<HeldAssessment> for_schools(const std::vector<std::int64_t>& urns,
                                          const std::string& body_id) override {
    fill_wanted(c_, urns);
    // Each school sought in assessments_school, as RatingRepository::for_schools.
    Statement s(c_, R"(SELECT a.id, a.urn, a.period, COALESCE(a.computed_level, a.level), a.regime, a.classified
        FROM temp.wanted w CROSS JOIN assessments a ON a.body_id = ? AND a.urn = w.urn ORDER BY a.id)");
    s.bind(1, body_id);
    std::vector<HeldAssessment> out;
    while (s.step()) out.push_back({s.integer(0), s.integer(1), s.text(2), s.text(3), s.text(4), s.integer(5) != 0});
    return out;
  }

  std::vector<SchoolAssessment> latest_of_period(const std::string& body_id, const std::string& period,
                                                 const std::string& regime, std::optional<std::int64_t> urn) override {
    std::vector<SchoolAssessment> out;
    each_latest_of_period(body_id, period, regime, urn, [&](SchoolAssessment&& a) { out.push_back(std::move(a)); });
    return out;
  }

  void each_latest_of_period(const std::string& body_id, const std::string& period, const std::string& regime,
                             std::optional<std::int64_t> urn,
                             const std::function<void(SchoolAssessment&&)>& fn) override {
    Statement s(c_, R"(SELECT a.id, a.urn, COALESCE(s.name, ''), a.body_id, a.regime, a.period,
        COALESCE(a.computed_level, a.level), a.classified, a.previous_level, a.reasons, a.ratings, a.policy_version,
        a.policy_hash, a.adoption_id, a.prior_regime, a.prior_level
      FROM assessments a LEFT JOIN schools s ON s.urn = a.urn
      WHERE a.body_id = ? AND a.period = ? AND a.regime = ? AND (?4 IS NULL OR a.urn = ?4)
        AND a.id = (SELECT MAX(b.id) FROM assessments b
                    WHERE b.body_id = a.body_id AND b.period = a.period AND b.urn = a.urn AND b.regime = a.regime)
      ORDER BY a.urn)");
    s.bind(1, body_id).bind(2, period).bind(3, regime).bind(4, urn);
    while (s.step()) {
      SchoolAssessment a;
      a.id = s.integer(0);
      a.urn = s.integer(1);
      a.name = s.text(2);
      a.body = s.text(3);
      a.regime = s.text(4);
      a.period = s.text(5);
      a.computed_level = s.text(6);
      a.classified = s.integer(7) != 0;
      a.previous_level = s.opt_text(8);
      a.reasons = stored_reasons(s.text_view(9));
      a.ratings = stored_ratings(s.text_view(10));
      a.policy_version = s.text(11);
      a.policy_hash = s.text(12);
      a.adoption_id = s.opt_integer(13);
      a.prior_regime = s.opt_text(14);
      a.prior_level = s.opt_text(15);
      fn(std::move(a));
    }
  }

  std::optional<AssessedLevel> latest_level(const std::string& body_id, std::int64_t urn, const std::string& period,
                                            const std::optional<std::string>& regime) override {
    Statement s = regime ? Statement(c_, R"(SELECT level, classified FROM assessments
                                            WHERE body_id = ? AND urn = ? AND period = ? AND regime = ?
                                            ORDER BY id DESC LIMIT 1)")
                         : Statement(c_, R"(SELECT level, classified FROM assessments WHERE body_id = ? AND urn = ? AND period = ?
                                            ORDER BY id DESC LIMIT 1)");
    s.bind(1, body_id).bind(2, urn).bind(3, period);
    if (regime) s.bind(4, *regime);
    if (!s.step()) return std::nullopt;
    return AssessedLevel{s.text(0), s.integer(1) != 0};
  }

  bool any(const std::string& body_id, const std::string& period, const std::string& regime) override {
    Statement s(c_, "SELECT 1 FROM assessments WHERE body_id = ? AND period = ? AND regime = ? LIMIT 1");
    return s.bind(1, body_id).bind(2, period).bind(3, regime).step();
  }

  std::optional<std::string> latest_regime(const std::string& body_id, const std::string& period) override {
    Statement s(c_, "SELECT regime FROM assessments WHERE body_id = ? AND period = ? ORDER BY id DESC LIMIT 1");
    s.bind(1, body_id).bind(2, period);
    if (!s.step()) return std::nullopt;
    return s.text(0);
  }

  std::vector<AssessmentPeriod> latest_per_period(const std::string& body_id, std::int64_t urn) override {
    Statement s(c_, "SELECT period, MAX(id) FROM assessments WHERE body_id = ? AND urn = ? GROUP BY period");
    s.bind(1, body_id).bind(2, urn);
    std::vector<AssessmentPeriod> out;
    while (s.step()) out.push_back({s.integer(1), s.text(0)});
    return out;
  }

  std::vector<AssessmentPeriod> of_school(const std::string& body_id, std::int64_t urn,
                                          const std::string& regime) override {
    Statement s(c_, "SELECT id, period FROM assessments WHERE body_id = ? AND urn = ? AND regime = ?");
    s.bind(1, body_id).bind(2, urn).bind(3, regime);
    return read_periods(s);
  }

  std::optional<std::string> policy_path(std::int64_t adoption_id) override {
    Statement s(c_, "SELECT policy_path FROM adoptions WHERE id = ?");
    s.bind(1, adoption_id);
    if (!s.step()) return std::nullopt;
    return s.text(0);
  }

  std::int64_t add(const SchoolAssessment& a, const std::string& at) override {
    reasons_.clear();
    put_texts(reasons_, a.reasons);
    ratings_.clear();
    put_compact(ratings_, a.ratings, put_rating);
    // Prepared once: a run stores one for every school.
    if (!add_)
      add_.emplace(c_, R"(INSERT INTO assessments(urn, body_id, regime, period, level, classified, previous_level,
      reasons, ratings, policy_version, policy_hash, assessed_at, audit_id, adoption_id, computed_level, prior_regime,
      prior_level) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,NULL,?,?,?,?))");
    // Texts bound unowned, not copied: `a`, `at` and the JSON texts outlive the statement's run.
    add_->bind(1, a.urn).bind_unowned(2, a.body).bind_unowned(3, a.regime).bind_unowned(4, a.period)
        .bind_unowned(5, a.level).bind(6, a.classified ? 1 : 0).bind(7, a.previous_level).bind_unowned(8, reasons_)
        .bind_unowned(9, ratings_).bind_unowned(10, a.policy_version).bind_unowned(11, a.policy_hash)
        .bind_unowned(12, at).bind(13, a.adoption_id).bind_unowned(14, a.computed_level).bind(15, a.prior_regime)
        .bind(16, a.prior_level).run();
    return c_.last_insert_id();
  }

  void set_previous_level(std::int64_t id, const std::string& level) override {
    Statement s(c_, "UPDATE assessments SET previous_level = ? WHERE id = ? AND prior_regime IS NULL");
    s.bind(1, level).bind(2, id).run();
  }

  void set_audit(const std::vector<std::int64_t>& ids, std::int64_t audit_id) override {
    // A run's assessments have consecutive ids: one statement for each stretch of them.
    std::vector<std::int64_t> sorted = ids;
    std::sort(sorted.begin(), sorted.end());
    Statement s(c_, "UPDATE assessments SET audit_id = ? WHERE id BETWEEN ? AND ?");
    for (std::size_t i = 0; i < sorted.size();) {
      std::size_t j = i;
      while (j + 1 < sorted.size() && sorted[j + 1] <= sorted[j] + 1) ++j;
      s.bind(1, audit_id).bind(2, sorted[i]).bind(3, sorted[j]).run();
      i = j + 1;
    }
  }

 private:
  static std::vector<AssessmentPeriod> read_periods(Statement& s) {
    std::vector<AssessmentPeriod> out;
    while (s.step()) out.push_back({s.integer(0), s.text(1)});
    return out;
  }

  Connection& c_;
  std::optional<Statement> add_;
  std::string reasons_, ratings_;  ///< add's JSON texts, bound unowned: kept until the next add writes them
};

}  // namespace

std::unique_ptr<AssessmentRepository> make_assessments(Connection& c) { return std::make_unique<Assessments>(c); }

}  // namespace trellis::sqlite
