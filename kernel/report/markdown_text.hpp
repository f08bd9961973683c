#pragma once
// Internal to tk_report: text from data (a school's name, a rationale, a
// reason) made inert in Markdown (issue 19): HTML is escaped, `|` cannot
// split a table cell, and a line break cannot start a heading or a list;
// and in HTML.
#include <array>
#include <string>
#include <string_view>

namespace trellis::report_text {

/// `s` with each character `replace` names replaced: runs between them are copied whole.
template <typename Replace>
std::string escaped(std::string_view s, const Replace& replace) {
  // Which bytes are replaced, looked up once per byte: a country's report escapes millions of texts.
  static const std::array<bool, 256> replaced = [&] {
    std::array<bool, 256> r{};
    for (std::size_t c = 0; c < r.size(); ++c) r[c] = replace(static_cast<char>(c)) != nullptr;
    return r;
  }();
  std::string o;
  o.reserve(s.size());
  std::size_t from = 0;
  for (std::size_t i = 0; i < s.size(); ++i)
    if (replaced[static_cast<unsigned char>(s[i])]) {
      const char* with = replace(s[i]);
      o.append(s, from, i - from);
      o += with;
      from = i + 1;
    }
  o.append(s, from, std::string_view::npos);
  return o;
}

inline std::string markdown(std::string_view s) {
  return escaped(s, [](char c) -> const char* {
    switch (c) {
      case '&': return "&amp;";
      case '<': return "&lt;";
      case '>': return "&gt;";
      case '|': return "\\|";
      case '\n':
      case '\r': return " ";
      default: return nullptr;
    }
  });
}

/// Text from data escaped for HTML, in text and in double-quoted attribute
/// values: the four characters they need (a library would add nothing here).
inline std::string html(std::string_view s) {
  return escaped(s, [](char c) -> const char* {
    switch (c) {
      case '&': return "&amp;";
      case '<': return "&lt;";
      case '>': return "&gt;";
      case '"': return "&quot;";
      default: return nullptr;
    }
  });
}

}  // namespace trellis::report_text
