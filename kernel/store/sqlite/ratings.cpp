#include "repositories.hpp"
#include "trellis/store/rating_repository.hpp"
#include "wanted.hpp"

namespace trellis::sqlite {
namespace {

class Ratings final : public RatingRepository {
 public:
  explicit Ratings(Connection& c) : c_(c) {}

  std::vector<HeldRating> for_schools(const std::vector<std::int64_t>& urns, const std::string& body_id) override {
    fill_wanted(c_, urns);
    Statement s(c_, R"(SELECT r.id, r.urn, r.period, r.subject, r.stage, r.level, COALESCE(r.regime, '') FROM ratings r
        JOIN temp.wanted w ON w.urn = r.urn WHERE r.body_id = ? ORDER BY r.id)");
    s.bind(1, body_id);
    std::vector<HeldRating> out;
    while (s.step()) out.push_back({s.integer(0), s.integer(1), s.text(2), s.text(3), s.text(4), s.text(5), s.text(6)});
    return out;
  }

 private:
  Connection& c_;
};

}  // namespace

std::unique_ptr<RatingRepository> make_ratings(Connection& c) { return std::make_unique<Ratings>(c); }

}  // namespace trellis::sqlite
