#include <catch2/catch.hpp>
#include <chrono>

#include "trellis/date.hpp"
#include "trellis/error.hpp"

using namespace trellis;

TEST_CASE("dates parse and print as ISO YYYY-MM-DD") {
  for (const char* s : {"1970-01-01", "2000-02-29", "2024-09-02", "1899-12-31", "2099-12-31", "0001-01-01"})
    CHECK(Date::parse(s).to_string() == s);
  const Date d = Date::parse("2025-05-23");
  CHECK(d.year() == 2025);
  CHECK(d.month() == 5);
  CHECK(d.day() == 23);
  CHECK(Date::from_ymd(2025, 5, 23) == d);
  CHECK(Date::parse("1970-01-01").serial() == 0);
  CHECK(Date::parse("1969-12-31").serial() == -1);
  CHECK((Date::parse("9999-12-31") + 1).to_string() == "10000-01-01");
  CHECK((Date::parse("0000-01-01") - 1).to_string() == "-1-12-31");
}

TEST_CASE("malformed or impossible dates are refused, naming the text") {
  CHECK_THROWS_AS(Date::parse("2023-02-29"), UsageError);
  CHECK_THROWS_WITH(Date::parse("2023-02-29"), Catch::Contains("2023-02-29") && Catch::Contains("28"));
  CHECK_THROWS_WITH(Date::parse("2024-13-01"), Catch::Contains("month"));
  CHECK_THROWS_WITH(Date::parse("2024-9-2"), Catch::Contains("YYYY-MM-DD"));
  for (const char* bad : {"", "2024-09-02x", "2024/09/02", "20240902", "2024-09-00", "abcd-ef-gh", "2024-09-+2"})
    CHECK_FALSE(Date::try_parse(bad));
  CHECK_THROWS_AS(Date::from_ymd(2025, 4, 31), UsageError);
  std::string why;
  CHECK_FALSE(Date::try_parse("1900-02-29", &why));  // 1900 is not a leap year
  CHECK_THAT(why, Catch::Contains("1900-02-29"));
}

TEST_CASE("weekdays follow the real calendar") {
  CHECK(Date::parse("1970-01-01").weekday() == Weekday::thursday);
  CHECK(Date::parse("2024-09-02").weekday() == Weekday::monday);
  CHECK(Date::parse("2025-05-25").weekday() == Weekday::sunday);
  CHECK(Date::parse("1969-12-28").weekday() == Weekday::sunday);
  CHECK(Date::parse("2000-02-29").weekday() == Weekday::tuesday);
  CHECK(Date::parse("2025-05-24").is_weekend());
  CHECK_FALSE(Date::parse("2025-05-23").is_weekend());
  CHECK(std::string(weekday_name(Weekday::wednesday)) == "Wednesday");
}

TEST_CASE("adding days and taking differences cross months, years and leap days") {
  const Date d = Date::parse("2024-02-28");
  CHECK((d + 1).to_string() == "2024-02-29");
  CHECK((d + 2).to_string() == "2024-03-01");
  CHECK((Date::parse("2024-12-31") + 1).to_string() == "2025-01-01");
  CHECK((Date::parse("2025-01-01") - 1).to_string() == "2024-12-31");
  CHECK(Date::parse("2025-09-01") - Date::parse("2024-09-01") == 365);
  CHECK(Date::parse("2024-09-01") - Date::parse("2023-09-01") == 366);
  CHECK(Date::parse("2024-01-01") - Date::parse("2024-02-01") == -31);
  CHECK(Date::parse("2024-01-01") < Date::parse("2024-01-02"));
  // Round trip every day of four centuries.
  Date x = Date::parse("1900-01-01");
  for (int i = 0; i < 146097; ++i, x = x + 1) {
    REQUIRE(Date::parse(x.to_string()) == x);
  }
}

TEST_CASE("nth and last weekday of a month, and the Monday of a week") {
  CHECK(nth_weekday(2025, 5, Weekday::monday, 1).to_string() == "2025-05-05");
  CHECK(nth_weekday(2025, 5, Weekday::monday, -1).to_string() == "2025-05-26");
  CHECK(nth_weekday(2024, 10, Weekday::monday, -1).to_string() == "2024-10-28");
  CHECK(nth_weekday(2024, 9, Weekday::sunday, 1).to_string() == "2024-09-01");
  CHECK(nth_weekday(2024, 9, Weekday::monday, 2).to_string() == "2024-09-09");
  CHECK(week_monday(Date::parse("2022-06-02")).to_string() == "2022-05-30");
  CHECK(week_monday(Date::parse("2025-05-25")).to_string() == "2025-05-19");
  CHECK(week_monday(Date::parse("2025-05-19")).to_string() == "2025-05-19");
}

TEST_CASE("Date agrees with std::chrono's calendar wherever chrono's years reach") {
  namespace ch = std::chrono;
  auto same = [](std::int32_t serial) {
    const Date d = Date::from_serial(serial);
    const ch::sys_days sd{ch::days{serial}};
    const ch::year_month_day ymd{sd};
    INFO(serial << " " << d.to_string());
    REQUIRE(d.year() == static_cast<int>(ymd.year()));
    REQUIRE(d.month() == static_cast<int>(static_cast<unsigned>(ymd.month())));
    REQUIRE(d.day() == static_cast<int>(static_cast<unsigned>(ymd.day())));
    REQUIRE(static_cast<unsigned>(d.weekday()) == ch::weekday{sd}.iso_encoding());
    REQUIRE(days_in_month(d.year(), d.month()) ==
            static_cast<int>(static_cast<unsigned>((ymd.year() / ymd.month() / ch::last).day())));
    REQUIRE(Date::from_ymd(d.year(), d.month(), d.day()).serial() == serial);
  };
  // Every day from 1600 to 2400 (leap centuries both ways), then a stride across chrono's range.
  const auto from = ch::sys_days{ch::year{1600} / 1 / 1}.time_since_epoch().count();
  const auto to = ch::sys_days{ch::year{2400} / 12 / 31}.time_since_epoch().count();
  for (auto s = from; s <= to; ++s) same(static_cast<std::int32_t>(s));
  const auto first = ch::sys_days{ch::year::min() / 1 / 1}.time_since_epoch().count();
  const auto last = ch::sys_days{ch::year::max() / 12 / 31}.time_since_epoch().count();
  for (auto s = first; s <= last; s += 9973) same(static_cast<std::int32_t>(s));
  same(static_cast<std::int32_t>(last));
}

TEST_CASE("Date reaches past chrono's years (why it keeps its own conversion)") {
  CHECK(Date::from_ymd(40000, 2, 29).to_string() == "40000-02-29");
  CHECK((Date::from_ymd(40000, 2, 29) + 1).to_string() == "40000-03-01");
  CHECK(Date::from_ymd(-40000, 1, 1).to_string() == "-40000-01-01");
}
