// UTF-8 checking and terminal-safe text (issue 19).
#include "trellis/text.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>

namespace trellis {
namespace {

/// The length of the well-formed UTF-8 sequence at `i`, and its code point; 0 when there is none.
std::size_t sequence_at(std::string_view s, std::size_t i, char32_t& cp) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = b(i);
  if (c < 0x80) {
    cp = c;
    return 1;
  }
  std::size_t n = 0;
  char32_t min = 0;
  if (c >= 0xC2 && c <= 0xDF) n = 2, cp = c & 0x1F, min = 0x80;
  else if (c >= 0xE0 && c <= 0xEF) n = 3, cp = c & 0x0F, min = 0x800;
  else if (c >= 0xF0 && c <= 0xF4) n = 4, cp = c & 0x07, min = 0x10000;
  else return 0;
  if (i + n > s.size()) return 0;
  for (std::size_t k = 1; k < n; ++k) {
    if ((b(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b(i + k) & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return n;
}

bool is_bidi_control(char32_t cp) {
  return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F ||
         cp == 0x061C;
}

}  // namespace

std::optional<std::size_t> first_invalid_utf8(std::string_view text) {
  char32_t cp = 0;
  for (std::size_t i = 0; i < text.size();) {
    // Eight ASCII bytes at once: most text checked (every reason of every school) is ASCII.
    std::uint64_t word = 0;
    if (text.size() - i >= sizeof word) {
      std::memcpy(&word, text.data() + i, sizeof word);
      if ((word & 0x8080808080808080u) == 0) {
        i += sizeof word;
        continue;
      }
    }
    const std::size_t n = sequence_at(text, i, cp);
    if (n == 0) return i;
    i += n;
  }
  return std::nullopt;
}

std::string for_terminal(std::string_view text) {
  // Printable ASCII, most of what is printed, is copied as it is, without decoding it (issue 18).
  const auto plain = std::find_if(text.begin(), text.end(), [](unsigned char c) { return c < 0x20 || c >= 0x7f; });
  std::string out(text.begin(), plain);
  if (plain == text.end()) return out;
  out.reserve(text.size());
  char buf[16];
  char32_t cp = 0;
  for (std::size_t i = out.size(); i < text.size();) {
    const std::size_t n = sequence_at(text, i, cp);
    if (n == 0) {
      std::snprintf(buf, sizeof buf, "\\x%02X", static_cast<unsigned char>(text[i]));
      out += buf;
      ++i;
      continue;
    }
    if (cp == '\n') out += "\\n";
    else if (cp == '\t') out += "\\t";
    else if (cp == '\r') out += "\\r";
    else if (cp < 0x20 || cp == 0x7F) {
      std::snprintf(buf, sizeof buf, "\\x%02X", static_cast<unsigned>(cp));
      out += buf;
    } else if ((cp >= 0x80 && cp <= 0x9F) || is_bidi_control(cp)) {
      std::snprintf(buf, sizeof buf, "\\u{%04X}", static_cast<unsigned>(cp));
      out += buf;
    } else {
      out.append(text.substr(i, n));
    }
    i += n;
  }
  return out;
}

std::string without_controls(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  char32_t cp = 0;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t n = sequence_at(text, i, cp);
    if (n == 0) {
      ++i;
      continue;
    }
    const bool control = (cp < 0x20 && cp != '\t' && cp != '\n') || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F);
    if (!control) out.append(text.substr(i, n));
    i += n;
  }
  return out;
}

void require_text(std::string_view text, std::size_t max_bytes, std::string_view what, Field field) {
  if (text.size() > max_bytes)
    throw UsageError("expected " + std::string(what) + " of at most " + std::to_string(max_bytes) + " bytes, found " +
                         std::to_string(text.size()) + " bytes",
                     field);
  if (const auto at = first_invalid_utf8(text))
    throw UsageError("expected " + std::string(what) + " in UTF-8, found a byte that is not UTF-8 at offset " +
                         std::to_string(*at),
                     field);
}

std::string spreadsheet_safe(std::string_view cell) {
  if (cell.empty() || std::string_view("=+-@\t\r").find(cell.front()) == std::string_view::npos) return std::string(cell);
  // A plain number (a sign, digits, at most one point) is data, not a formula.
  std::size_t i = 1, digits = 0, points = 0;
  for (; i < cell.size(); ++i) {
    if (cell[i] >= '0' && cell[i] <= '9') ++digits;
    else if (cell[i] == '.' && points == 0) ++points;
    else break;
  }
  const bool number = (cell.front() == '-' || cell.front() == '+') && digits > 0 && i == cell.size();
  return number ? std::string(cell) : "'" + std::string(cell);
}

std::string csv_field(std::string_view text) {
  const std::string f = spreadsheet_safe(text);
  if (f.find_first_of(",\"\r\n") == std::string::npos) return f;
  std::string q = "\"";
  for (char c : f) q += c == '"' ? std::string("\"\"") : std::string(1, c);
  return q + "\"";
}

}  // namespace trellis
