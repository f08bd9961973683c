// The writer's own view; tests/ics/check_ics.py reads the same output with an independent parser.
#include <catch2/catch.hpp>

#include "trellis/schedule/ics.hpp"

using namespace trellis;

namespace {

Activity visit() {
  Activity a;
  a.uid = "abc@trellis";
  a.body = "la";
  a.urn = 100001;
  a.year = "2024-25";
  a.type = "visit";
  a.title = "QA visit";
  a.start = a.end = Date::parse("2024-10-15");
  a.rule = "s7.visit";
  return a;
}

}  // namespace

TEST_CASE("an empty plan is still a valid calendar") {
  const std::string ics = to_ics({}, {"Empty", "2024-09-02T09:00:00Z"});
  CHECK_THAT(ics, Catch::StartsWith("BEGIN:VCALENDAR\r\n"));
  CHECK_THAT(ics, Catch::Contains("VERSION:2.0\r\n") && Catch::Contains("PRODID:"));
  CHECK_THAT(ics, Catch::EndsWith("END:VCALENDAR\r\n"));
  CHECK(ics.find("VEVENT") == std::string::npos);
}

TEST_CASE("all-day events with an exclusive end; done and cancelled activities say so") {
  Activity done = visit();
  done.status = ActivityStatus::done;
  done.done_on = Date::parse("2024-10-16");
  done.note = "moved a day";
  Activity cancelled = visit();
  cancelled.uid = "def@trellis";
  cancelled.status = ActivityStatus::cancelled;
  const std::string ics = to_ics({done, cancelled}, {"", "2024-09-02T09:00:00Z"});
  CHECK_THAT(ics, Catch::Contains("DTSTART;VALUE=DATE:20241015\r\nDTEND;VALUE=DATE:20241016\r\n"));
  CHECK_THAT(ics, Catch::Contains("Done on 2024-10-16: moved a day"));
  CHECK_THAT(ics, Catch::Contains("STATUS:CANCELLED"));
  CHECK_THAT(ics, Catch::Contains("DTSTAMP:20240902T090000Z"));
  CHECK(ics.find("X-WR-CALNAME") == std::string::npos);
}

TEST_CASE("a deadline shows on its due date") {
  Activity d = visit();
  d.type = "deadline";
  d.title = "Minutes distributed";
  d.start = Date::parse("2025-05-22");
  d.end = Date::parse("2025-06-09");
  d.due = d.end;
  const std::string ics = to_ics({d}, {"", "2024-09-02T09:00:00Z"});
  CHECK_THAT(ics, Catch::Contains("DTSTART;VALUE=DATE:20250609\r\nDTEND;VALUE=DATE:20250610\r\n"));
  CHECK_THAT(ics, Catch::Contains("SUMMARY:Due: Minutes distributed - URN 100001"));
  CHECK_THAT(ics, Catch::Contains("TRANSP:TRANSPARENT"));
}

TEST_CASE("a malformed DTSTAMP is refused") {
  for (const char* bad : {"", "2024-09-02", "2024-09-02T09:00:00", "2024-09-02 09:00:00Z"})
    CHECK_THROWS_AS(to_ics({visit()}, {"", bad}), std::invalid_argument);
}
