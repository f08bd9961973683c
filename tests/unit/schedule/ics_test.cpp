// The writer's own view; tests/ics/check_ics.py reads the same output with an independent parser.
#include <catch2/catch.hpp>

#include "trellis/schedule/ics.hpp"
#include "trellis/text.hpp"

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

TEST_CASE("a visit or meeting on its day is a timed event, half a day from 09:00 by default, TENTATIVE while proposed") {
  const std::string ics = to_ics({visit()}, {"", "2024-09-02T09:00:00Z"});
  CHECK_THAT(ics, Catch::Contains("DTSTART:20241015T090000\r\nDTEND:20241015T123000\r\n"));
  CHECK_THAT(ics, Catch::Contains("STATUS:TENTATIVE") && Catch::Contains("TRANSP:OPAQUE"));
  CHECK_THAT(ics, Catch::Contains("LOCATION:URN 100001"));
}

TEST_CASE("the policy's times: a start per type and a length; a bad time is refused") {
  Activity meeting = visit();
  meeting.type = "meeting";
  meeting.status = ActivityStatus::moved;  // a person set the date: no longer only proposed
  IcsOptions o{"", "2024-09-02T09:00:00Z"};
  o.start = "08:45";
  o.minutes = 120;
  o.start_by_type["meeting"] = "13:30";
  const std::string ics = to_ics({visit(), meeting}, o);
  CHECK_THAT(ics, Catch::Contains("DTSTART:20241015T084500\r\nDTEND:20241015T104500\r\n"));
  CHECK_THAT(ics, Catch::Contains("DTSTART:20241015T133000\r\nDTEND:20241015T153000\r\n"));
  CHECK_THAT(ics, Catch::Contains("STATUS:CONFIRMED"));
  o.start_by_type["meeting"] = "1:30pm";
  CHECK_THROWS_AS(to_ics({meeting}, o), std::invalid_argument);
}

TEST_CASE("each attendee role is an ATTENDEE with its ROLE") {
  Activity meeting = visit();
  meeting.school = "Hill Primary School";
  meeting.attendees = {"LA Quality Assurance Lead (chair)", "Headteacher", "Governors where appropriate"};
  std::string ics = to_ics({meeting}, {"", "2024-09-02T09:00:00Z"});
  // Undo RFC 5545 folding to read whole properties.
  for (std::size_t at; (at = ics.find("\r\n ")) != std::string::npos;) ics.erase(at, 3);
  CHECK_THAT(ics, Catch::Contains("ROLE=CHAIR") && Catch::Contains("urn:trellis:role:la-quality-assurance-lead-chair"));
  CHECK_THAT(ics, Catch::Contains("CN=Headteacher") && Catch::Contains("ROLE=REQ-PARTICIPANT:urn:trellis:role:headteacher"));
  CHECK_THAT(ics, Catch::Contains("ROLE=OPT-PARTICIPANT"));
  CHECK_THAT(ics, Catch::Contains("LOCATION:Hill Primary School (URN 100001)"));
  meeting.address = "Hill Road, Telford, TF1 1AA";
  ics = to_ics({meeting}, {"", "2024-09-02T09:00:00Z"});
  for (std::size_t at; (at = ics.find("\r\n ")) != std::string::npos;) ics.erase(at, 3);
  CHECK_THAT(ics, Catch::Contains("LOCATION:Hill Primary School (URN 100001)\\, Hill Road\\, Telford\\, TF1 1AA"));
}

TEST_CASE("a window to arrange something in is a free placeholder, never a busy block") {
  Activity w = visit();
  w.start = Date::parse("2024-09-02");
  w.end = Date::parse("2024-10-18");
  const std::string ics = to_ics({w}, {"", "2024-09-02T09:00:00Z"});
  CHECK_THAT(ics, Catch::Contains("DTSTART;VALUE=DATE:20240902\r\nDTEND;VALUE=DATE:20241019\r\n"));
  CHECK_THAT(ics, Catch::Contains("TRANSP:TRANSPARENT") && Catch::Contains("SUMMARY:To arrange: QA visit"));
  CHECK(ics.find("TRANSP:OPAQUE") == std::string::npos);
}

TEST_CASE("timed events on the day held; done and cancelled activities say so") {
  Activity done = visit();
  done.status = ActivityStatus::done;
  done.done_on = Date::parse("2024-10-16");
  done.note = "moved a day";
  Activity cancelled = visit();
  cancelled.uid = "def@trellis";
  cancelled.status = ActivityStatus::cancelled;
  const std::string ics = to_ics({done, cancelled}, {"", "2024-09-02T09:00:00Z"});
  CHECK_THAT(ics, Catch::Contains("DTSTART:20241016T090000\r\nDTEND:20241016T123000\r\n"));
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

TEST_CASE("SEQUENCE is the activity's; a moved event says where it was and why, a cancelled one stays with STATUS:CANCELLED") {
  Activity planned = visit();
  Activity moved = visit();
  moved.uid = "moved@trellis";
  moved.status = ActivityStatus::moved;
  moved.moved_from = Date::parse("2024-10-15");
  moved.start = moved.end = Date::parse("2024-10-17");
  moved.reason = "headteacher at a funeral";
  moved.sequence = 2;
  Activity cancelled = visit();
  cancelled.uid = "cancelled@trellis";
  cancelled.status = ActivityStatus::cancelled;
  cancelled.reason = "band changed from amber to yellow on 2025-01-15 by LA QA Lead";
  cancelled.sequence = 1;
  const std::string ics = to_ics({planned, moved, cancelled}, {"", "2024-09-02T09:00:00Z"});
  auto event = [&](const std::string& uid) {
    const auto at = ics.find("UID:" + uid);
    REQUIRE(at != std::string::npos);
    return ics.substr(ics.rfind("BEGIN:VEVENT", at), ics.find("END:VEVENT", at) - ics.rfind("BEGIN:VEVENT", at));
  };
  CHECK_THAT(event("abc@trellis"), Catch::Contains("SEQUENCE:0\r\n") && Catch::Contains("STATUS:TENTATIVE"));
  const std::string m = event("moved@trellis");
  CHECK_THAT(m, Catch::Contains("SEQUENCE:2\r\n") && Catch::Contains("STATUS:CONFIRMED") &&
                    Catch::Contains("DTSTART:20241017T090000\r\n") &&
                    Catch::Contains("Moved from 2024-10-15: headteacher at a funeral"));
  const std::string c = event("cancelled@trellis");
  CHECK_THAT(c, Catch::Contains("SEQUENCE:1\r\n") && Catch::Contains("STATUS:CANCELLED"));
  // Unfolded, the reason is in the DESCRIPTION.
  std::string unfolded;
  for (std::size_t i = 0; i < c.size(); ++i) {
    if (c.compare(i, 3, "\r\n ") == 0) {
      i += 2;
      continue;
    }
    unfolded += c[i];
  }
  CHECK_THAT(unfolded, Catch::Contains("Cancelled: band changed from amber to yellow on 2025-01-15 by LA QA Lead"));
}

// fuzz_writers found it (tests/fuzz/corpus/writers/regression-uid-not-utf8): the UID went out as given.
TEST_CASE("every TEXT value, the UID too, leaves without control characters or bytes that are not UTF-8 (issue 19)") {
  Activity a = visit();
  a.uid = std::string("-3\xd2\xcf\xe0\xd4" "5\x1b[2J@trellis");
  a.title = "Visit\x1b]0;pwned\x07";
  a.type = "visit\x85";
  const std::string ics = to_ics({a}, {"Cal\x7f", "2024-09-02T09:00:00Z"});
  CHECK_THAT(ics, Catch::Contains("UID:-35[2J@trellis\r\n"));
  CHECK_THAT(ics, Catch::Contains("SUMMARY:Visit]0\\;pwned - URN 100001\r\n"));
  CHECK_FALSE(first_invalid_utf8(ics));
  for (unsigned char c : ics) {
    INFO(static_cast<int>(c));
    CHECK(((c >= 0x20 || c == '\r' || c == '\n') && c != 0x7f));
  }
}

TEST_CASE("issue 18: the calendar written event by event is the same, byte for byte, as the one written whole") {
  Activity deadline = visit();
  deadline.uid = "def@trellis";
  deadline.due = Date::parse("2024-11-01");
  deadline.attendees = {"Headteacher", "LA officer (chair)"};
  const IcsOptions options{"Example 2024-25", "2024-09-02T09:00:00Z"};
  std::vector<std::string> pieces;
  IcsWriter writer([&](std::string_view piece) { pieces.emplace_back(piece); }, options);
  writer.add(visit());
  writer.add(deadline);
  writer.finish();
  REQUIRE(pieces.size() == 4);  // the calendar's own lines, two events, its END line
  CHECK_THAT(pieces[1], Catch::StartsWith("BEGIN:VEVENT\r\n") && Catch::EndsWith("END:VEVENT\r\n"));
  CHECK(pieces[3] == "END:VCALENDAR\r\n");
  std::string streamed;
  for (const auto& p : pieces) streamed += p;
  CHECK(streamed == to_ics({visit(), deadline}, options));
  CHECK_THROWS_AS(IcsWriter([](std::string_view) {}, IcsOptions{"", "yesterday"}), std::invalid_argument);
}
