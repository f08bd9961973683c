// Windows-1252 is Latin-1 except for 0x80-0x9F, where it puts typographic
// punctuation (curly quotes, dashes, the euro sign) that spreadsheets on
// Windows write. Five bytes there are undefined and are refused by inspect().
// Kept over iconv(3): a fixed 32-entry table, where glibc's CP1252 is a gconv module dlopened at run time; reader_test checks the two agree.
#include <array>

#include "trellis/csv.hpp"

namespace trellis::csv {
namespace {

constexpr char16_t kUndefined = 0xFFFD;
constexpr std::array<char16_t, 32> kHigh = {
    0x20AC, kUndefined, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,  // 80-87
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, kUndefined, 0x017D, kUndefined,  // 88-8F
    kUndefined, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,  // 90-97
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, kUndefined, 0x017E, 0x0178};  // 98-9F

}  // namespace

bool undefined_in_windows1252(unsigned char byte) {
  return byte == 0x81 || byte == 0x8D || byte == 0x8F || byte == 0x90 || byte == 0x9D;
}

void append_windows1252_as_utf8(std::string_view in, std::string& out) {
  out.reserve(out.size() + in.size());
  for (char ch : in) {
    auto c = static_cast<unsigned char>(ch);
    if (c < 0x80) {
      out += ch;
      continue;
    }
    char32_t cp = c < 0xA0 ? kHigh[c - 0x80] : c;  // 0xA0-0xFF are U+00A0-U+00FF
    if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
    } else {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    }
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

}  // namespace trellis::csv
