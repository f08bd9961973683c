#include "repositories.hpp"
#include "trellis/store/assessment_repository.hpp"
#include "wanted.hpp"

namespace trellis::sqlite {
namespace {

class Assessments final : public AssessmentRepository {
 public:
  explicit Assessments(Connection& c) : c_(c) {}

  std::vector<HeldAssessment> for_schools(const std::vector<std::int64_t>& urns,
                                          const std::string& body_id) override {
    fill_wanted(c_, urns);
    Statement s(c_, R"(SELECT a.id, a.urn, a.period, COALESCE(a.computed_level, a.level), a.regime, a.classified
        FROM assessments a JOIN temp.wanted w ON w.urn = a.urn WHERE a.body_id = ? ORDER BY a.id)");
    s.bind(1, body_id);
    std::vector<HeldAssessment> out;
    while (s.step()) out.push_back({s.integer(0), s.integer(1), s.text(2), s.text(3), s.text(4), s.integer(5) != 0});
    return out;
  }

 private:
  Connection& c_;
};

}  // namespace

std::unique_ptr<AssessmentRepository> make_assessments(Connection& c) { return std::make_unique<Assessments>(c); }

}  // namespace trellis::sqlite
