// inspect(): the hash, and whether a file is text we can read honestly.
#include <catch2/catch.hpp>

#include "temp_file.hpp"
#include "trellis/csv.hpp"
#include "trellis/sha256.hpp"

using namespace trellis;
using trellis::test::TempDir;

namespace {

std::string error_of(const std::filesystem::path& p) {
  try {
    csv::inspect(p, "t.csv");
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace

TEST_CASE("the hash is of the bytes on disk, BOM included") {
  TempDir d;
  const std::string bytes = "\xEF\xBB\xBFURN,LA\r\n1,2\r\n";
  auto facts = csv::inspect(d.write("a.csv", bytes), "t.csv");
  CHECK(facts.sha256 == sha256_hex(bytes));
  CHECK(facts.bytes == bytes.size());
  CHECK(facts.bom);
  CHECK(facts.encoding == csv::Encoding::utf8);
}

TEST_CASE("valid UTF-8 stays UTF-8, even with bytes Windows-1252 leaves undefined inside its sequences") {
  TempDir d;
  // "Ł" is C5 81 and "ō" is C5 8D: valid UTF-8 holding 0x81 and 0x8D.
  CHECK(csv::inspect(d.write("a.csv", "name\nSt Thomas \xC3\xA0 Becket \xC5\x81\xC5\x8D\n"), "t").encoding ==
        csv::Encoding::utf8);
}

TEST_CASE("text that is not UTF-8 but is Windows-1252 is read as Windows-1252") {
  TempDir d;
  CHECK(csv::inspect(d.write("a.csv", "name\nCaf\xE9\n"), "t").encoding == csv::Encoding::windows1252);
  CHECK(csv::inspect(d.write("b.csv", "name\n\xC0\xAF overlong\n"), "t").encoding == csv::Encoding::windows1252);
  CHECK(csv::inspect(d.write("c.csv", "name\ntruncated \xE2\x80"), "t").encoding == csv::Encoding::windows1252);
}

TEST_CASE("bytes that are neither UTF-8 nor Windows-1252 are refused, naming where") {
  TempDir d;
  for (unsigned char bad : {0x81, 0x8D, 0x8F, 0x90, 0x9D}) {
    std::string bytes = "a,b\n1,caf\xE9\n2,x";
    bytes += static_cast<char>(bad);
    bytes += "\n";
    std::string e = error_of(d.write("a.csv", bytes));
    CHECK_THAT(e, Catch::StartsWith("t.csv:3:2: expected UTF-8 or Windows-1252 text, found byte 0x"));
    CHECK_THAT(e, Catch::Contains("Windows-1252 leaves undefined") && Catch::Contains("0xE9 on line 2"));
  }
}

TEST_CASE("binary junk (NUL and control bytes) is refused with its line and column") {
  TempDir d;
  CHECK(error_of(d.write("a.csv", std::string("a,b,c\n1,2,3\n4,5\0,6\n", 19))) ==
        "t.csv:3:2: expected text, found a NUL byte (0x00): this looks like binary data, not a CSV file");
  CHECK_THAT(error_of(d.write("b.csv", "a,b\n\"x,\x01\",2\n")), Catch::StartsWith("t.csv:2:1: expected text, found control byte 0x01"));
  CHECK_THAT(error_of(d.write("c.csv", "PK\x03\x04\x14\x00")), Catch::StartsWith("t.csv:1:1: expected text"));
}

TEST_CASE("an empty file, or one with only a BOM and blank lines, is refused") {
  TempDir d;
  CHECK(error_of(d.write("a.csv", "")) == "t.csv:1:1: expected a header line, found an empty file");
  CHECK(error_of(d.write("b.csv", "\xEF\xBB\xBF\r\n\r\n")) == "t.csv:1:1: expected a header line, found only blank lines");
  CHECK_THAT(error_of(d.path() / "missing.csv"), Catch::StartsWith("t.csv: cannot open the file"));
}
