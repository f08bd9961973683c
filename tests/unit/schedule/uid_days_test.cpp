// A day for each of many activity UIDs, held compactly for a national re-plan (issue 18).
#include <catch2/catch.hpp>

#include "trellis/schedule/plan.hpp"
#include "trellis/schedule/uid_days.hpp"

using trellis::activity_uid;
using trellis::Date;
using trellis::UidDays;

TEST_CASE("UidDays finds the day of a UID trellis made, and of any other") {
  UidDays days;
  const std::string made = activity_uid("all-nexus", 100000, "visit", "2019-20", 0);
  const std::string other = activity_uid("all-nexus", 100000, "visit", "2019-20", 1);
  days.add(made, Date::parse("2019-10-01"));
  days.add("imported-123@example.org", Date::parse("2019-11-05"));
  CHECK(days.find(made) == Date::parse("2019-10-01"));
  CHECK(days.find("imported-123@example.org") == Date::parse("2019-11-05"));
  CHECK_FALSE(days.find(other));
  CHECK_FALSE(days.find("imported-124@example.org"));
  CHECK(days.size() == 2);
}

TEST_CASE("UidDays keeps the first day added for a UID, as a map's emplace does, across lookups") {
  UidDays days;
  const std::string uid = activity_uid("b", 1, "r", "2019-20", 0);
  days.add(activity_uid("b", 2, "r", "2019-20", 0), Date::parse("2019-09-10"));
  days.add(uid, Date::parse("2019-09-02"));
  CHECK(days.find(uid) == Date::parse("2019-09-02"));
  // Added after a lookup sorted the others: the first is still the one found.
  days.add(uid, Date::parse("2019-12-02"));
  days.add("x@y", Date::parse("2019-09-03"));
  days.add("x@y", Date::parse("2019-09-04"));
  CHECK(days.find(uid) == Date::parse("2019-09-02"));
  CHECK(days.find("x@y") == Date::parse("2019-09-03"));
}

TEST_CASE("UidDays tells apart UIDs that only look made by trellis") {
  UidDays days;
  const std::string made = activity_uid("b", 1, "r", "2019-20", 0);
  std::string upper = made;
  for (std::size_t i = 0; i < 32; ++i) upper[i] = static_cast<char>(std::toupper(static_cast<unsigned char>(upper[i])));
  days.add(made, Date::parse("2019-09-02"));
  // Another UID (upper-case digits, another suffix) is not the same activity.
  if (upper != made) CHECK_FALSE(days.find(upper));
  CHECK_FALSE(days.find(made.substr(0, 32) + "@trellis.example"));
  days.add(upper, Date::parse("2019-09-09"));
  CHECK(days.find(made) == Date::parse("2019-09-02"));
  if (upper != made) CHECK(days.find(upper) == Date::parse("2019-09-09"));
}
