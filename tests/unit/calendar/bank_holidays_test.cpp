// Expected dates are England and Wales bank holidays as published on
// https://www.gov.uk/bank-holidays (and its archived lists for 2011-2012).
#include <catch2/catch.hpp>

#include "trellis/bank_holidays.hpp"

using namespace trellis;

namespace {

std::vector<std::string> dates(int year) {
  std::vector<std::string> out;
  for (const auto& h : england_bank_holidays(year)) out.push_back(h.date.to_string());
  return out;
}

using V = std::vector<std::string>;

}  // namespace

TEST_CASE("bank holidays match gov.uk for 2019 to 2027") {
  CHECK(dates(2019) == V{"2019-01-01", "2019-04-19", "2019-04-22", "2019-05-06", "2019-05-27", "2019-08-26",
                         "2019-12-25", "2019-12-26"});
  // VE Day: early May moved to Friday 8 May; Christmas on a Friday, Boxing Day substitute Monday 28.
  CHECK(dates(2020) == V{"2020-01-01", "2020-04-10", "2020-04-13", "2020-05-08", "2020-05-25", "2020-08-31",
                         "2020-12-25", "2020-12-28"});
  // Christmas on a Saturday: both substituted, Monday 27 and Tuesday 28.
  CHECK(dates(2021) == V{"2021-01-01", "2021-04-02", "2021-04-05", "2021-05-03", "2021-05-31", "2021-08-30",
                         "2021-12-27", "2021-12-28"});
  // New Year on a Saturday; Platinum Jubilee (spring moved to Thursday 2 June, extra Friday 3 June);
  // the State Funeral; Christmas on a Sunday.
  CHECK(dates(2022) == V{"2022-01-03", "2022-04-15", "2022-04-18", "2022-05-02", "2022-06-02", "2022-06-03",
                         "2022-08-29", "2022-09-19", "2022-12-26", "2022-12-27"});
  // New Year on a Sunday; the Coronation.
  CHECK(dates(2023) == V{"2023-01-02", "2023-04-07", "2023-04-10", "2023-05-01", "2023-05-08", "2023-05-29",
                         "2023-08-28", "2023-12-25", "2023-12-26"});
  CHECK(dates(2024) == V{"2024-01-01", "2024-03-29", "2024-04-01", "2024-05-06", "2024-05-27", "2024-08-26",
                         "2024-12-25", "2024-12-26"});
  CHECK(dates(2025) == V{"2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05", "2025-05-26", "2025-08-25",
                         "2025-12-25", "2025-12-26"});
  CHECK(dates(2026) == V{"2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31",
                         "2026-12-25", "2026-12-28"});
  CHECK(dates(2027) == V{"2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31", "2027-08-30",
                         "2027-12-27", "2027-12-28"});
}

TEST_CASE("the 2011 and 2012 one-off holidays") {
  CHECK(dates(2011) == V{"2011-01-03", "2011-04-22", "2011-04-25", "2011-04-29", "2011-05-02", "2011-05-30",
                         "2011-08-29", "2011-12-26", "2011-12-27"});
  CHECK(dates(2012) == V{"2012-01-02", "2012-04-06", "2012-04-09", "2012-05-07", "2012-06-04", "2012-06-05",
                         "2012-08-27", "2012-12-25", "2012-12-26"});
}

TEST_CASE("substitute days are named as gov.uk names them") {
  auto h = england_bank_holidays(2021);
  CHECK(h.back().name == "Boxing Day (substitute day)");
  CHECK(h[h.size() - 2].name == "Christmas Day (substitute day)");
  CHECK(england_bank_holidays(2022).front().name == "New Year's Day (substitute day)");
  CHECK(england_bank_holidays(2022).back().name == "Christmas Day (substitute day)");
  CHECK(england_bank_holidays(2022)[england_bank_holidays(2022).size() - 2].name == "Boxing Day");
}

TEST_CASE("Easter Sunday by the computus, including the extremes") {
  CHECK(easter_sunday(2024).to_string() == "2024-03-31");
  CHECK(easter_sunday(2025).to_string() == "2025-04-20");
  CHECK(easter_sunday(2000).to_string() == "2000-04-23");
  CHECK(easter_sunday(2008).to_string() == "2008-03-23");
  CHECK(easter_sunday(2038).to_string() == "2038-04-25");  // latest possible
  CHECK(easter_sunday(2285).to_string() == "2285-03-22");  // earliest possible
  for (int y = 1900; y <= 2200; ++y) {
    const Date e = easter_sunday(y);
    REQUIRE(e.weekday() == Weekday::sunday);
    REQUIRE(e >= Date::from_ymd(y, 3, 22));
    REQUIRE(e <= Date::from_ymd(y, 4, 25));
  }
}

TEST_CASE("any year gets its eight regular holidays on weekdays") {
  for (int y = 1978; y <= 2100; ++y) {
    auto h = england_bank_holidays(y);
    REQUIRE(h.size() >= 8);
    for (const auto& d : h) {
      REQUIRE_FALSE(d.date.is_weekend());
      REQUIRE(is_england_bank_holiday(d.date));
    }
  }
  CHECK_FALSE(is_england_bank_holiday(Date::parse("2025-05-27")));
  CHECK_FALSE(is_england_bank_holiday(Date::parse("2021-12-25")));  // a Saturday: its substitute is the holiday
  CHECK(spring_bank_holiday(2022).to_string() == "2022-06-02");
  CHECK(spring_bank_holiday(2025).to_string() == "2025-05-26");
}
