// The CSV reader against the quirks of real DfE files, at every chunk size
// so that records split across reads are covered.
#include <iconv.h>

#include <catch2/catch.hpp>

#include "temp_file.hpp"
#include "trellis/csv.hpp"

using namespace trellis;
using trellis::test::TempDir;

namespace {

struct Record {
  int line;
  std::vector<std::string> fields;
  bool operator==(const Record&) const = default;
};

std::vector<Record> read_all(const std::filesystem::path& p, std::size_t chunk,
                             csv::Encoding enc = csv::Encoding::utf8) {
  csv::Reader r(p, "t.csv", {enc, chunk});
  std::vector<Record> out;
  while (r.next()) {
    Record rec{r.line(), {}};
    for (std::size_t i = 0; i < r.size(); ++i) rec.fields.emplace_back(r[i]);
    out.push_back(rec);
  }
  return out;
}

/// Reads with chunk sizes from tiny to large; all must agree.
std::vector<Record> read_every_way(const std::filesystem::path& p) {
  auto expected = read_all(p, 1 << 20);
  for (std::size_t chunk = 4; chunk < 40; ++chunk) {
    INFO("chunk " << chunk);
    REQUIRE(read_all(p, chunk) == expected);
  }
  return expected;
}

std::string error_of(const std::filesystem::path& p, std::size_t chunk = 1 << 20) {
  try {
    csv::Reader r(p, "t.csv", {csv::Encoding::utf8, chunk});
    while (r.next()) {
    }
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace

TEST_CASE("a byte order mark is not part of the first header") {
  TempDir d;
  auto recs = read_every_way(d.write("a.csv", "\xEF\xBB\xBFURN,LA\n100000,201\n"));
  REQUIRE(recs.size() == 2);
  CHECK(recs[0].fields == std::vector<std::string>{"URN", "LA"});
  CHECK(recs[1] == Record{2, {"100000", "201"}});
}

TEST_CASE("CRLF, LF and lone CR all end a line, and lines are counted as an editor does") {
  TempDir d;
  auto recs = read_every_way(d.write("a.csv", "a,b\r\n1,2\r\n3,4\n5,6\r7,8"));
  REQUIRE(recs.size() == 5);
  CHECK(recs[1] == Record{2, {"1", "2"}});
  CHECK(recs[2] == Record{3, {"3", "4"}});
  CHECK(recs[3] == Record{4, {"5", "6"}});
  CHECK(recs[4] == Record{5, {"7", "8"}});  // no line end at the end of the file
}

TEST_CASE("quoted fields keep commas, doubled quotes and line breaks") {
  TempDir d;
  auto recs = read_every_way(d.write(
      "a.csv", "urn,name\r\n100028,\"Christ Church Primary School, Hampstead\"\r\n1,\"say \"\"hi\"\"\"\r\n"
               "2,\"two\r\nlines\"\r\n3,\"\"\r\n4,after\r\n"));
  REQUIRE(recs.size() == 6);
  CHECK(recs[1].fields[1] == "Christ Church Primary School, Hampstead");
  CHECK(recs[2].fields[1] == "say \"hi\"");
  CHECK(recs[3] == Record{4, {"2", "two\r\nlines"}});
  CHECK(recs[4] == Record{6, {"3", ""}});  // the record after a two-line field starts on line 6
  CHECK(recs[5] == Record{7, {"4", "after"}});
}

TEST_CASE("empty fields, a trailing comma and blank lines") {
  TempDir d;
  auto recs = read_every_way(d.write("a.csv", "a,b,c\n\n1,,\n\r\n,2,\n\n"));
  REQUIRE(recs.size() == 3);
  CHECK(recs[1] == Record{3, {"1", "", ""}});
  CHECK(recs[2] == Record{5, {"", "2", ""}});
}

TEST_CASE("an unbalanced quote names the line it opened on and its column") {
  TempDir d;
  auto p = d.write("a.csv", "a,b\n1,2\n3,\"open\n4,5\n");
  for (std::size_t chunk : {std::size_t{4}, std::size_t{7}, std::size_t{1} << 20}) {
    std::string e = error_of(p, chunk);
    CHECK_THAT(e, Catch::StartsWith("t.csv:3:2: expected a closing quote for the field opened on line 3"));
    CHECK_THAT(e, Catch::EndsWith("found the end of the file"));
  }
}

TEST_CASE("text after a closing quote, or a quote inside a bare field, is refused with its place") {
  TempDir d;
  CHECK_THAT(error_of(d.write("a.csv", "a,b\n1,\"x\"y\n")),
             Catch::StartsWith("t.csv:2:2: expected a comma or the end of the line after a closing quote, found \"y"));
  CHECK_THAT(error_of(d.write("b.csv", "a,b\n1,2\n3,ab\"c\n")),
             Catch::StartsWith("t.csv:3:2: expected a field without quotes") && Catch::Contains("ab\\\""));
}

TEST_CASE("a ragged row is an error naming the line and the first column out of step") {
  TempDir d;
  csv::Reader r(d.write("a.csv", "a,b,c\n1,2,3\n1,2,3,4\n1,2\n"), "t.csv");
  r.next();
  r.next();
  CHECK_NOTHROW(r.require_fields(3));
  r.next();
  CHECK_THROWS_WITH(r.require_fields(3), "t.csv:3:4: expected 3 fields, as in the header, found 4");
  r.next();
  CHECK_THROWS_WITH(r.require_fields(3), "t.csv:4:3: expected 3 fields, as in the header, found 2");
}

TEST_CASE("Windows-1252 text is converted to UTF-8 as it is read") {
  TempDir d;
  auto p = d.write("a.csv", "name\r\nCaf\xE9 \x93quoted\x94 \x80 \x96 \x9F\r\n");
  auto recs = read_all(p, 5, csv::Encoding::windows1252);
  REQUIRE(recs.size() == 2);
  CHECK(recs[1].fields[0] == "Café “quoted” € – Ÿ");
  std::string out;
  csv::append_windows1252_as_utf8("\xA0\xFF", out);
  CHECK(out == "\u00A0ÿ");
}

TEST_CASE("Windows-1252 decoding agrees with glibc's iconv for every byte") {
  iconv_t cd = iconv_open("UTF-8", "WINDOWS-1252");
  if (cd == reinterpret_cast<iconv_t>(-1)) {
    WARN("this C library has no WINDOWS-1252 converter: nothing to compare with");
    return;
  }
  for (int b = 0; b < 256; ++b) {
    const auto byte = static_cast<unsigned char>(b);
    if (csv::undefined_in_windows1252(byte)) continue;  // refused by inspect(), never decoded
    INFO("byte 0x" << std::hex << b);
    char in[1] = {static_cast<char>(byte)};
    char converted[8] = {};
    char* in_p = in;
    char* out_p = converted;
    std::size_t in_left = 1, out_left = sizeof converted;
    REQUIRE(iconv(cd, &in_p, &in_left, &out_p, &out_left) != static_cast<std::size_t>(-1));
    std::string ours;
    csv::append_windows1252_as_utf8(std::string_view(in, 1), ours);
    CHECK(ours == std::string(converted, sizeof converted - out_left));
  }
  iconv_close(cd);
}
