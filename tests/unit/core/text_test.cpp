// Issue 19: text checked at every way in, and inert on every way out.
#include <catch2/catch.hpp>

#include "trellis/text.hpp"

using namespace trellis;

TEST_CASE("first_invalid_utf8 finds the first byte that is not well-formed UTF-8") {
  CHECK_FALSE(first_invalid_utf8("Telford and Wrekin — Café ✓ 𝄞"));
  CHECK(first_invalid_utf8("Caf\xe9") == 3u);           // Windows-1252 é
  CHECK(first_invalid_utf8("O\x92" "Brien") == 1u);     // Windows-1252 right quote
  CHECK(first_invalid_utf8("\xc0\xaf") == 0u);          // overlong '/'
  // Found where it lies whether it follows a run of eight ASCII bytes or splits one.
  CHECK(first_invalid_utf8("Hadley Primary School\xe9") == 21u);
  CHECK(first_invalid_utf8("12345678\x92") == 8u);
  CHECK(first_invalid_utf8("1234567\x92" "9abcdef") == 7u);
  CHECK(first_invalid_utf8("1234567\xc3\xa9" "9abcdefgh\xff") == 18u);  // é across the eight-byte boundary
  CHECK_FALSE(first_invalid_utf8("1234567\xc3\xa9" "9abcdefgh"));
  CHECK(first_invalid_utf8("1234567\xc3") == 7u);  // cut short at the end
  CHECK(first_invalid_utf8("a\xed\xa0\x80") == 1u);     // a surrogate
  CHECK(first_invalid_utf8("\xf4\x90\x80\x80") == 0u);  // past U+10FFFF
  CHECK(first_invalid_utf8("ab\xe2\x82") == 2u);        // cut short
}

TEST_CASE("for_terminal shows control characters escaped and keeps the rest") {
  CHECK(for_terminal("Wombridge Primary — Café") == "Wombridge Primary — Café");
  CHECK(for_terminal("\x1b]0;pwned\x07") == "\\x1B]0;pwned\\x07");
  CHECK(for_terminal("a\nb\tc\r") == "a\\nb\\tc\\r");
  CHECK(for_terminal("\xc2\x9b" "31m") == "\\u{009B}31m");        // C1 CSI
  CHECK(for_terminal("\xe2\x80\xae" "exe.txt") == "\\u{202E}exe.txt");  // right-to-left override
  CHECK(for_terminal("\xe2\x81\xa6x") == "\\u{2066}x");             // left-to-right isolate
  CHECK(for_terminal("Caf\xe9") == "Caf\\xE9");
  CHECK(for_terminal("\x7f") == "\\x7F");
  // Printable ASCII is copied whole; what follows it is still escaped (issue 18's quick path).
  CHECK(for_terminal("") == "");
  CHECK(for_terminal("Hill Primary ~ \\ \"x\"") == "Hill Primary ~ \\ \"x\"");
  CHECK(for_terminal("plain then\x1b[2J") == "plain then\\x1B[2J");
  CHECK(for_terminal("plain then \xe2\x80\xae, then plain") == "plain then \\u{202E}, then plain");
  CHECK(for_terminal("ends in a cut\xc3") == "ends in a cut\\xC3");
}

TEST_CASE("spreadsheet_safe neutralises what a spreadsheet would run (OWASP CSV injection)") {
  CHECK(spreadsheet_safe("=HYPERLINK(\"http://x\")") == "'=HYPERLINK(\"http://x\")");
  CHECK(spreadsheet_safe("+1+cmd|' /C calc'!A0") == "'+1+cmd|' /C calc'!A0");
  CHECK(spreadsheet_safe("-2+3") == "'-2+3");
  CHECK(spreadsheet_safe("@SUM(A1)") == "'@SUM(A1)");
  CHECK(spreadsheet_safe("\tx") == "'\tx");
  CHECK(spreadsheet_safe("\rx") == "'\rx");
  CHECK(spreadsheet_safe("-3.5") == "-3.5");  // a number is data
  CHECK(spreadsheet_safe("+12") == "+12");
  CHECK(spreadsheet_safe("Telford") == "Telford");
  CHECK(spreadsheet_safe("") == "");
}

TEST_CASE("without_controls drops controls and bytes that are not UTF-8, keeping tabs and line feeds") {
  CHECK(without_controls("Visit\x1b[31m red") == "Visit[31m red");
  CHECK(without_controls("a\tb\nc\rd\x7f") == "a\tb\ncd");
  CHECK(without_controls("\xc2\x85x\xe9") == "x");
  CHECK(without_controls("Café ✓") == "Café ✓");
}

TEST_CASE("csv_field neutralises, then quotes what RFC 4180 needs quoted") {
  CHECK(csv_field("Telford") == "Telford");
  CHECK(csv_field("A, B") == "\"A, B\"");
  CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(csv_field("two\r\nlines") == "\"two\r\nlines\"");
  CHECK(csv_field("=1+1") == "'=1+1");
  CHECK(csv_field("=A1,B1") == "\"'=A1,B1\"");
  CHECK(csv_field("") == "");
}

TEST_CASE("require_text bounds names and prose, and takes UTF-8 only (issue 19)") {
  CHECK_NOTHROW(require_text(std::string(kMaxNameBytes, 'x'), kMaxNameBytes, "a body's name", Field::name));
  CHECK_NOTHROW(require_text("Café", kMaxNameBytes, "a body's name", Field::name));
  try {
    require_text(std::string(kMaxNameBytes + 1, 'x'), kMaxNameBytes, "a body's name", Field::name);
    FAIL("a name one byte too long was taken");
  } catch (const UsageError& e) {
    CHECK(std::string(e.what()) == "expected a body's name of at most 200 bytes, found 201 bytes");
    CHECK(e.field() == Field::name);
  }
  CHECK_THROWS_WITH(require_text("O\x92" "Brien", kMaxProseBytes, "a rationale", Field::rationale),
                    "expected a rationale in UTF-8, found a byte that is not UTF-8 at offset 1");
}
