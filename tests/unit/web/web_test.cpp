// The dashboard's own parts: sessions, the sign-in limit, charts; and the
// kernel's read rules it stands on (trellis/views.hpp).
#include <catch2/catch.hpp>

#include "charts.hpp"
#include "dashboard.hpp"
#include "sessions.hpp"
#include "trellis/views.hpp"

using namespace trellis;
using namespace trellis::web;
using namespace std::chrono_literals;

TEST_CASE("a session is found until it has been idle too long, then is gone") {
  Sessions sessions(30min);
  const Instant t0{};
  const std::string token = sessions.open("j.smith", t0);
  REQUIRE(token.size() == 64);
  REQUIRE(sessions.find(token, t0 + 29min)->person == "j.smith");
  REQUIRE(sessions.find(token, t0 + 58min));  // touched at 29 minutes
  REQUIRE_FALSE(sessions.find(token, t0 + 89min));
  REQUIRE_FALSE(sessions.find(token, t0 + 89min));  // closed, not revived
}

TEST_CASE("each session has its own token and CSRF token; closing one ends it") {
  Sessions sessions(30min);
  const Instant t0{};
  const std::string a = sessions.open("", t0), b = sessions.open("j.smith", t0);
  REQUIRE(a != b);
  REQUIRE(sessions.find(a, t0)->csrf != sessions.find(b, t0)->csrf);
  REQUIRE(sessions.find(a, t0)->person.empty());
  sessions.close(a);
  REQUIRE_FALSE(sessions.find(a, t0));
  REQUIRE(sessions.find(b, t0));
}

TEST_CASE("sign-ins are refused after five failures until the window has passed") {
  SignInLimit limit(5);
  const Instant t0{};
  for (int i = 0; i < 5; ++i) {
    REQUIRE(limit.allowed("person:x", t0 + std::chrono::seconds(i)));
    limit.failed("person:x", t0 + std::chrono::seconds(i));
  }
  REQUIRE_FALSE(limit.allowed("person:x", t0 + 1min));
  REQUIRE(limit.allowed("person:y", t0 + 1min));
  REQUIRE(limit.allowed("person:x", t0 + 16min));
  limit.failed("person:y", t0);
  limit.succeeded("person:y");
  REQUIRE(limit.allowed("person:y", t0));
}

TEST_CASE("a chart takes only #rrggbb colours and picks the readable text colour") {
  REQUIRE(safe_colour("#a1B2c3") == "#a1B2c3");
  REQUIRE(safe_colour("red").empty());
  REQUIRE(safe_colour("#123\" onload=\"x").empty());
  REQUIRE(dark_text_on("#ffbf00"));     // amber: black text
  REQUIRE_FALSE(dark_text_on("#1d3557"));  // dark blue: white text
  REQUIRE(cell_fill_svg("url(x)").empty());
}

TEST_CASE("the trend chart writes each count and level in text, escaped") {
  const std::string svg =
      trend_svg({{"2019-20/autumn", {{"Green <b>", "#00703c", 3}, {"Red", "#d4351c", 1}}}}, "Levels & periods");
  REQUIRE(svg.find("3 Green &lt;b&gt;") != std::string::npos);
  REQUIRE(svg.find("1 Red") != std::string::npos);
  REQUIRE(svg.find("Levels &amp; periods") != std::string::npos);
  REQUIRE(svg.find("2019-20/autumn") != std::string::npos);
  REQUIRE(svg.find("<b>") == std::string::npos);
}

TEST_CASE("who may read what: head their school, board and officer their body, admin all") {
  const Actor admin{"a", "A", Role::admin, "", std::nullopt};
  const Actor officer{"o", "O", Role::officer, "example-la", std::nullopt};
  const Actor board{"b", "B", Role::board, "example-trust", std::nullopt};
  const Actor head{"h", "H", Role::head, "example-la", 123456};
  REQUIRE(may_read_body(admin, "anything"));
  REQUIRE(may_read_body(officer, "example-la"));
  REQUIRE_FALSE(may_read_body(officer, "example-trust"));
  REQUIRE(may_read_body(board, "example-trust"));
  REQUIRE_FALSE(may_read_body(head, "example-la"));
  REQUIRE(may_read_school(head, "example-la", 123456));
  REQUIRE_FALSE(may_read_school(head, "example-la", 654321));
  REQUIRE(reported_stage_only(board));
  REQUIRE_FALSE(reported_stage_only(officer));
}

TEST_CASE("the overview's overdue table: one row per school, counted by type, the most overdue first") {
  const auto line = [](std::optional<std::int64_t> urn, std::string school, std::string type, std::string status,
                       std::string end, std::optional<std::string> due = std::nullopt) {
    ActivityLine a;
    a.urn = urn;
    a.school = std::move(school);
    a.type = std::move(type);
    a.status = std::move(status);
    a.end = std::move(end);
    a.due = std::move(due);
    return a;
  };
  const std::vector<ActivityLine> activities{
      line(100001, "Abbey", "visit", "overdue", "2020-05-01"),
      line(100002, "Brook", "visit", "overdue", "2020-04-20"),
      line(100001, "Abbey", "deadline", "overdue", "2020-06-30", "2020-03-31"),
      line(100001, "Abbey", "visit", "overdue", "2020-05-20"),
      line(100001, "Abbey", "visit", "done", "2020-01-10"),
      line(std::nullopt, "", "board_meeting", "overdue", "2020-04-01"),
      line(100002, "Brook", "meeting", "planned", "2020-09-01"),
  };
  const auto rows = overdue_by_school(activities);
  REQUIRE(rows.size() == 3);
  REQUIRE(rows[0].urn == 100001);
  REQUIRE(rows[0].activities == 3);                  // the done one is not overdue
  REQUIRE(rows[0].oldest_due == "2020-03-31");       // a deadline by its due date, not its window's end
  REQUIRE(rows[0].by_type() == "deadline (1), visit (2)");
  // One each: the longest overdue first.
  REQUIRE_FALSE(rows[1].urn);
  REQUIRE(rows[1].by_type() == "board meeting (1)");
  REQUIRE(rows[2].urn == 100002);
  REQUIRE(rows[2].oldest_due == "2020-04-20");
}

TEST_CASE("Overdue activities of schools alike in count, oldest due date and name keep the report's order, whatever order they come in") {
  const auto line = [](std::int64_t id, std::int64_t urn, std::string start, std::optional<std::string> due) {
    ActivityLine a;
    a.id = id;
    a.urn = urn;
    a.school = "St Mary's";
    a.type = "visit";
    a.status = "overdue";
    a.start = start;
    a.end = "2020-03-31";
    a.due = std::move(due);
    return a;
  };
  // In the report's order, 100002 comes first: its deadline's due date is earlier than 100001's visit.
  const std::vector<ActivityLine> activities{
      line(7, 100001, "2020-03-02", std::nullopt),
      line(9, 100002, "2020-03-31", "2020-03-01"),
  };
  const auto rows = overdue_by_school(activities);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].urn == 100002);
  CHECK(rows[1].urn == 100001);
}
