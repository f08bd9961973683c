// Bad input for every importer: a ragged row, an unbalanced quote, text in a
// numeric column, a missing required header, an empty file, binary junk and
// a header with no rows. Each must be an InputError that names the file, the
// line and the column, and must leave the database exactly as it was.
#include "../acting.hpp"
#include <catch2/catch.hpp>
#include <regex>

#include "helpers.hpp"
#include "trellis/error.hpp"
#include "trellis/import/evidence_import.hpp"
#include "trellis/import/schools_import.hpp"

using namespace trellis;
using namespace trellis::test;

namespace {

struct Case {
  const char* fixture;
  bool register_file;
  const char* format;
  std::optional<std::string> period;
  const char* numeric_column;   ///< a column whose cell must be a number (or URN, code, date)
  const char* required_header;  ///< a header the format cannot do without
};

const Case kCases[] = {
    {"census_small.csv", false, "dfe-census", "2018-19", "PNORG", "NOR"},
    {"absence_small.csv", false, "dfe-absence", "2018-19", "PERCTOT", "PERCTOT"},
    {"ks2_small.csv", false, "dfe-ks2", std::nullopt, "Reading Score", "Overall Meet Std"},
    {"ks4_small.csv", false, "dfe-ks4", "2018-19", "ATT8SCR", "ATT8SCR"},
    {"ofsted_small.csv", false, "ofsted-history", std::nullopt, "Inspection Date", "Rating"},
    {"long_small.csv", false, "long", std::nullopt, "urn", "value"},
    {"spine_small.csv", true, "dfe-spine", std::nullopt, "ICLOSE", "NFTYPE"},
    {"gias_sample.csv", true, "gias", std::nullopt, "LA (code)", "EstablishmentName"},
    {"la_names_small.csv", true, "la-names", std::nullopt, "LEA", "LA Name"},
};

/// The file's lines, each with its own line end.
std::vector<std::string> lines_of(const std::string& bytes) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < bytes.size()) {
    std::size_t end = bytes.find('\n', start);
    end = end == std::string::npos ? bytes.size() : end + 1;
    out.push_back(bytes.substr(start, end - start));
    start = end;
  }
  return out;
}

std::string join(const std::vector<std::string>& lines) {
  std::string s;
  for (const auto& l : lines) s += l;
  return s;
}

/// Index of a header name (the fixtures' headers have no commas inside quotes).
std::size_t column_of(const std::string& header_line, const std::string& name) {
  std::string h = header_line.rfind("\xEF\xBB\xBF", 0) == 0 ? header_line.substr(3) : header_line;
  std::size_t col = 0, start = 0;
  for (;;) {
    std::size_t end = h.find_first_of(",\r\n", start);
    std::string field = h.substr(start, end - start);
    if (field.size() >= 2 && field.front() == '"') field = field.substr(1, field.size() - 2);
    if (field == name) return col;
    REQUIRE(end != std::string::npos);
    REQUIRE(h[end] == ',');
    start = end + 1;
    ++col;
  }
}

/// Replaces field `col` of a data line whose first fields hold no quoted commas.
std::string with_cell(const std::string& line, std::size_t col, const std::string& text) {
  std::size_t start = 0;
  for (std::size_t i = 0; i < col; ++i) start = line.find(',', start) + 1;
  std::size_t end = line.find_first_of(",\r\n", start);
  return line.substr(0, start) + text + line.substr(end);
}

std::string error_of(Database& db, const Case& c, const std::filesystem::path& file, bool give_format,
                     Remedy::Kind* remedy = nullptr) {
  ImportOptions o{.file = file, .period = c.period};
  if (give_format) o.format = c.format;
  try {
    if (c.register_file) import_schools(db, testing::admin(), testing::at(), o);
    else import_evidence(db, testing::admin(), testing::at(), o);
  } catch (const InputError& e) {
    if (remedy) *remedy = e.remedy().kind;
    return e.what();
  }
  return "no error";
}

}  // namespace

TEST_CASE("malformed input is refused with file, line and column, for every importer, and nothing is written") {
  for (const Case& c : kCases) {
    DYNAMIC_SECTION(c.format) {
      auto db = fresh_db();
      TempDir d;
      // Something in the database already, so that "unchanged" means something.
      import_evidence(db, testing::admin(), testing::at(), {.file = fixture("long_small.csv")});
      const std::string before = snapshot(db);
      const auto lines = lines_of(read_bytes(fixture(c.fixture)));
      REQUIRE(lines.size() >= 3);
      const std::size_t width = std::count(lines[1].begin(), lines[1].end(), ',') + 1;
      const std::string eol = lines[1].ends_with("\r\n") ? "\r\n" : "\n";
      auto body = [&](std::size_t i) { return lines[i].substr(0, lines[i].size() - eol.size()); };
      auto file = [&](const std::string& name, std::vector<std::string> ls) { return d.write(name, join(ls)); };
      auto expect = [&](const std::string& name, std::vector<std::string> ls, const std::string& where,
                        const std::string& what, bool give_format = false) {
        std::string e = error_of(db, c, file(name, std::move(ls)), give_format);
        INFO(e);
        CHECK_THAT(e, Catch::StartsWith(name + ":" + where + ": expected "));
        CHECK_THAT(e, Catch::Contains(what));
        CHECK(snapshot(db) == before);
      };

      auto ragged = lines;
      ragged[1] = body(1) + ",extra" + eol;
      expect("ragged.csv", ragged, "2:" + std::to_string(width + 1), "fields, as in the header, found");

      auto quote = lines;
      quote[2] = "\"" + quote[2];
      std::string e = error_of(db, c, file("quote.csv", quote), false);
      CHECK_THAT(e, Catch::Matches("quote\\.csv:[0-9]+:[0-9]+: expected .*quote.*"));
      CHECK(snapshot(db) == before);

      const std::size_t col = column_of(lines[0], c.numeric_column);
      auto text = lines;
      text[1] = with_cell(text[1], col, "abc");
      expect("text.csv", text, "2:" + std::to_string(col + 1), "found \"abc\"");

      auto header = lines;
      const std::string renamed = std::string(c.required_header) + "_RENAMED";
      header[0] = with_cell(header[0], column_of(lines[0], c.required_header), renamed);
      // The column named is the first free one, where the missing header could go.
      const std::size_t header_width = std::count(lines[0].begin(), lines[0].end(), ',') + 1;
      expect("header.csv", header, "1:" + std::to_string(header_width + 1),
             "a column named \"" + std::string(c.required_header) + "\"", true);
      // Without --format, the header matches no format at all.
      Remedy::Kind remedy = Remedy::Kind::none;
      std::string undetected = error_of(db, c, file("header.csv", header), false, &remedy);
      CHECK_THAT(undetected, Catch::StartsWith("header.csv:1:1: expected the header of "));
      CHECK(remedy == Remedy::Kind::name_format);

      expect("empty.csv", {}, "1:1", "a header line, found an empty file");

      auto junk = lines;
      junk[2] = std::string("\0\x01\x02", 3) + junk[2];
      expect("junk.csv", junk, "3:1", "text, found a NUL byte");

      expect("nodata.csv", {lines[0]}, "2:1", "at least one data row after the header, found none");
    }
  }
}

TEST_CASE("values outside their indicator's range are refused at file:line:col, and nothing is written (issue 19)") {
  struct Range {
    const char* fixture;
    bool register_file;
    std::optional<std::string> period;
    const char* column;
    std::string value;
    const char* expected;
  };
  const Range cases[] = {
      {"census_small.csv", false, "2018-19", "PNORG", "150", "a percentage from 0 to 100 for girls_pct, found 150"},
      {"census_small.csv", false, "2018-19", "NOR", "-5", "a whole number of pupils, 0 or more, for pupils_on_roll, found -5"},
      {"census_small.csv", false, "2018-19", "NORG", "141.5", "a whole number of pupils, 0 or more, for girls_count, found 141.5"},
      {"ks4_small.csv", false, "2018-19", "P8_BANDING", "7", "a value from 1 to 5 in column P8_BANDING, found \"7\""},
      {"ks4_small.csv", false, "2018-19", "P8_BANDING", "0", "a value from 1 to 5 in column P8_BANDING, found \"0\""},
      {"spine_small.csv", true, std::nullopt, "SCHNAME", std::string(201, 'n'),
       "a school's name of at most 200 bytes, found 201 bytes"},
  };
  for (const Range& c : cases) {
    INFO(c.fixture << " " << c.column << " = " << c.value);
    auto db = fresh_db();
    TempDir d;
    const std::string before = snapshot(db);
    auto lines = lines_of(read_bytes(fixture(c.fixture)));
    const std::size_t col = column_of(lines[0], c.column);
    lines[1] = with_cell(lines[1], col, c.value);
    const Case as{c.fixture, c.register_file, "", c.period, "", ""};
    const std::string e = error_of(db, as, d.write("range.csv", join(lines)), false);
    CHECK_THAT(e, Catch::StartsWith("range.csv:2:" + std::to_string(col + 1) + ": expected " + c.expected));
    CHECK(snapshot(db) == before);
  }
}
