#include "repositories.hpp"
#include "trellis/store/activity_repository.hpp"

namespace trellis::sqlite {
namespace {

class Activities final : public ActivityRepository {
 public:
  explicit Activities(Connection& c) : c_(c) {}

 private:
  [[maybe_unused]] Connection& c_;
};

}  // namespace

std::unique_ptr<ActivityRepository> make_activities(Connection& c) { return std::make_unique<Activities>(c); }

}  // namespace trellis::sqlite
