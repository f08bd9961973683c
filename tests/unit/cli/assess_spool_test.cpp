// What a dry run prints, held until it has succeeded (cli/verbs/assess_spool):
// the same bytes come out as went in, whether they stayed in memory or went to
// the temporary file past a few MiB (issue 18).
#include <catch2/catch.hpp>

#include <sstream>
#include <string>

#include "../../../cli/verbs/assess_spool.hpp"

using trellis::cli::AssessSpool;

namespace {

/// `bytes` of text that repeat no short pattern, lines of varying length.
std::string text_of(std::size_t bytes) {
  std::string out;
  out.reserve(bytes);
  for (std::size_t i = 0; out.size() < bytes; ++i) out += "school " + std::to_string(i * 7919 % 100003) + (i % 13 ? ", " : "\n");
  out.resize(bytes);
  return out;
}

std::string spooled(const std::string& text, std::size_t piece) {
  AssessSpool spool;
  std::ostream held(&spool);
  for (std::size_t at = 0; at < text.size(); at += piece) held << text.substr(at, piece);
  std::ostringstream out;
  spool.copy_to(out);
  return out.str();
}

}  // namespace

TEST_CASE("a spool gives back nothing when nothing was written") { CHECK(spooled("", 1).empty()); }

TEST_CASE("a spool gives back a small text as written, in memory") {
  const std::string text = text_of(100'000);
  CHECK(spooled(text, 1) == text);
  CHECK(spooled(text, 4096) == text);
}

TEST_CASE("a spool gives back a country's text as written, through its file") {
  const std::string text = text_of(11 << 20);  // past the 4 MiB held in memory, twice, and a part
  const std::string out = spooled(text, 70'001);
  CHECK(out.size() == text.size());
  CHECK(out == text);
  CHECK(spooled(text, 1) == text);  // a character at a time, as a serializer writes its punctuation
}
