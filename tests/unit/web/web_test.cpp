// The dashboard's own parts: sessions, the sign-in limit, charts; and the
// kernel's read rules it stands on (trellis/views.hpp).
#include <catch2/catch.hpp>

#include "charts.hpp"
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
