// The first pass over a file: its hash, and whether it is text we can read.
// Deciding the encoding needs the whole file (a Windows-1252 file can look
// like UTF-8 for a million lines), so it is settled here, before any parsing.
#include <cerrno>
#include <cstring>
#include <memory>
#include <optional>
#include <tuple>

#include "trellis/csv.hpp"
#include "trellis/sha256.hpp"

namespace trellis::csv {
namespace {

struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};
using File = std::unique_ptr<std::FILE, FileCloser>;

File open_or_throw(const std::filesystem::path& path, const std::string& name) {
  File f(std::fopen(path.c_str(), "rb"));
  if (!f) throw InputError({name, 0, 0}, std::string("cannot open the file: ") + std::strerror(errno));
  return f;
}

std::string hex_byte(unsigned char c) {
  static const char* digits = "0123456789ABCDEF";
  return std::string("0x") + digits[c >> 4] + digits[c & 15];
}

/// Line and field of the byte at `offset`, found by reading up to it.
/// Only used to report an error, so it need not be fast.
Location locate(const std::filesystem::path& path, const std::string& name, std::uint64_t offset) {
  File f = open_or_throw(path, name);
  int line = 1, field = 1;
  bool quoted = false, after_cr = false;
  for (std::uint64_t i = 0; i < offset; ++i) {
    int c = std::fgetc(f.get());
    if (c == EOF) break;
    if (after_cr && c != '\n') line++, field = 1;  // a lone CR ends a line
    after_cr = false;
    if (c == '"') quoted = !quoted;
    else if (c == '\n') line++, field = quoted ? field : 1;
    else if (c == '\r' && !quoted) after_cr = true;
    else if (c == ',' && !quoted) field++;
  }
  if (after_cr) line++, field = 1;
  return {name, line, field};
}

/// Checks UTF-8 one byte at a time, carrying state across chunks. When a
/// sequence breaks, the fault is its first byte, where it is reported.
class Utf8Check {
 public:
  /// Returns false when the byte at `offset` makes the text invalid UTF-8;
  /// `fault()` then says which byte to blame.
  bool feed(unsigned char c, std::uint64_t offset) {
    if (pending_ > 0) {
      if (c >= lo_ && c <= hi_) {
        lo_ = 0x80, hi_ = 0xBF;
        --pending_;
        return true;
      }
      pending_ = 0;
      fault_ = {lead_offset_, lead_};
      feed(c, offset);  // c starts afresh
      return false;
    }
    if (c < 0x80) return true;
    lo_ = 0x80, hi_ = 0xBF;
    lead_ = c, lead_offset_ = offset;
    if (c >= 0xC2 && c <= 0xDF) pending_ = 1;
    else if (c == 0xE0) pending_ = 2, lo_ = 0xA0;               // no overlong forms
    else if (c == 0xED) pending_ = 2, hi_ = 0x9F;               // no surrogates
    else if (c >= 0xE1 && c <= 0xEF) pending_ = 2;
    else if (c == 0xF0) pending_ = 3, lo_ = 0x90;
    else if (c >= 0xF1 && c <= 0xF3) pending_ = 3;
    else if (c == 0xF4) pending_ = 3, hi_ = 0x8F;               // nothing above U+10FFFF
    else {
      fault_ = {offset, c};
      return false;
    }
    return true;
  }
  /// At the end of the file: false when a sequence is left unfinished.
  bool finish() {
    if (pending_ == 0) return true;
    fault_ = {lead_offset_, lead_};
    return false;
  }
  std::pair<std::uint64_t, unsigned char> fault() const { return fault_; }

 private:
  int pending_ = 0;
  unsigned char lo_ = 0x80, hi_ = 0xBF;
  unsigned char lead_ = 0;
  std::uint64_t lead_offset_ = 0;
  std::pair<std::uint64_t, unsigned char> fault_{0, 0};
};

bool is_control(unsigned char c) { return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F; }

}  // namespace

std::string quoted(std::string_view text) {
  std::string out = "\"";
  std::size_t shown = 0;
  for (char ch : text) {
    if (++shown > 60) {
      out += "…";
      break;
    }
    auto c = static_cast<unsigned char>(ch);
    if (c == '"') out += "\\\"";
    else if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else if (c == '\t') out += "\\t";
    else if (is_control(c)) out += "\\x" + hex_byte(c).substr(2);
    else out += ch;
  }
  return out + "\"";
}

FileFacts inspect(const std::filesystem::path& path, const std::string& name) {
  File f = open_or_throw(path, name);
  FileFacts facts;
  Sha256 sha;
  Utf8Check utf8;
  std::optional<std::uint64_t> first_not_utf8, first_undefined;
  unsigned char not_utf8_byte = 0, undefined_byte = 0;
  std::uint64_t non_space = 0;  // bytes other than blanks and line ends
  unsigned char head[3] = {0, 0, 0};
  std::uint64_t offset = 0;
  std::string chunk(std::size_t{1} << 20, '\0');
  for (;;) {
    std::size_t n = std::fread(chunk.data(), 1, chunk.size(), f.get());
    if (n == 0) {
      if (std::ferror(f.get())) throw InputError({name, 0, 0}, "cannot read the file");
      break;
    }
    sha.update({chunk.data(), n});
    for (std::size_t i = 0; i < n; ++i, ++offset) {
      auto c = static_cast<unsigned char>(chunk[i]);
      if (offset < 3) head[offset] = c;
      if (is_control(c)) {
        std::string what = c == 0 ? "a NUL byte (0x00): this looks like binary data, not a CSV file"
                                  : "control byte " + hex_byte(c) + ": this looks like binary data, not a CSV file";
        throw InputError(locate(path, name, offset), "text", what);
      }
      if (!utf8.feed(c, offset) && !first_not_utf8) std::tie(first_not_utf8, not_utf8_byte) = utf8.fault();
      if (c >= 0x80 && undefined_in_windows1252(c) && !first_undefined) first_undefined = offset, undefined_byte = c;
      if (c != ' ' && c != '\t' && c != '\r' && c != '\n') ++non_space;
    }
  }
  if (!utf8.finish() && !first_not_utf8) std::tie(first_not_utf8, not_utf8_byte) = utf8.fault();
  facts.bytes = offset;
  facts.sha256 = sha.hex();
  facts.bom = offset >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF;
  const bool has_text = non_space > (facts.bom ? 3u : 0u);
  if (!has_text)
    throw InputError({name, 1, 1}, "a header line", facts.bytes == 0 ? "an empty file" : "only blank lines");
  if (!first_not_utf8) return facts;
  if (!first_undefined) {
    facts.encoding = Encoding::windows1252;
    return facts;
  }
  Location bad_utf8 = locate(path, name, *first_not_utf8);
  throw InputError(locate(path, name, *first_undefined), "UTF-8 or Windows-1252 text",
                   "byte " + hex_byte(undefined_byte) + ", which Windows-1252 leaves undefined, in a file that is not UTF-8 either (byte " +
                       hex_byte(not_utf8_byte) + " on line " + std::to_string(bad_utf8.line) + " is not UTF-8)");
}

}  // namespace trellis::csv
