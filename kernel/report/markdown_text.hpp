#pragma once
// Internal to tk_report: text from data (a school's name, a rationale, a
// reason) made inert in Markdown (issue 19): HTML is escaped, `|` cannot
// split a table cell, and a line break cannot start a heading or a list;
// and in HTML.
#include <string>
#include <string_view>

namespace trellis::report_text {

inline std::string markdown(std::string_view s) {
  std::string o;
  o.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': o += "&amp;"; break;
      case '<': o += "&lt;"; break;
      case '>': o += "&gt;"; break;
      case '|': o += "\\|"; break;
      case '\n':
      case '\r': o += ' '; break;
      default: o += c;
    }
  }
  return o;
}

/// Text from data escaped for HTML, in text and in double-quoted attribute
/// values: the four characters they need (a library would add nothing here).
inline std::string html(std::string_view s) {
  std::string o;
  o.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': o += "&amp;"; break;
      case '<': o += "&lt;"; break;
      case '>': o += "&gt;"; break;
      case '"': o += "&quot;"; break;
      default: o += c;
    }
  }
  return o;
}

}  // namespace trellis::report_text
