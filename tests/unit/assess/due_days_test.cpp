// Each school's deadlines as a threshold script sees them (issue 18: held
// compactly through a national run's judging).
#include <catch2/catch.hpp>

#include "trellis/due_days.hpp"

using namespace trellis;

TEST_CASE("a school's due days: the earliest of each rule, by rule id") {
  const DueDays due({{100002, "returns.sef", Date::parse("2019-11-30")},
                     {100001, "returns.sef", Date::parse("2019-10-31")},
                     {100002, "returns.sef", Date::parse("2019-10-15")},
                     {100002, "returns.census", Date::parse("2020-01-17")},
                     {100002, "returns.sef", Date::parse("2019-12-01")}});
  CHECK(due.size() == 3);
  CHECK(due.of(100001) == std::map<std::string, std::string>{{"returns.sef", "2019-10-31"}});
  CHECK(due.of(100002) ==
        std::map<std::string, std::string>{{"returns.census", "2020-01-17"}, {"returns.sef", "2019-10-15"}});
}

TEST_CASE("a school with no deadline, and no deadlines at all, have no due days") {
  const DueDays due({{100001, "returns.sef", Date::parse("2019-10-31")}});
  CHECK(due.of(100000).empty());
  CHECK(due.of(100003).empty());
  CHECK(DueDays{}.of(100001).empty());
}
