// A light scan of TOML text for what would make the parser recurse too deep
// (issue 19). It is not a parser: it only tracks strings, comments, nesting
// and the dots in each key, and toml++ still judges everything else.
#include "toml_bounds.hpp"

#include "trellis/error.hpp"

namespace trellis::policy_tree {

void require_bounded_toml(std::string_view text, const std::string& file) {
  int line = 1, column = 0;
  int nesting = 0;
  int dots = 0;          // in the key being read
  bool in_key = true;    // a line starts with a key (or a [header]); '=' starts its value
  int line_of_first = 1, column_of_first = 1;
  auto fail = [&](const std::string& expected, const std::string& found) {
    throw InputBeyondBounds({file, line_of_first, column_of_first}, expected, found);
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    ++column;
    if (c == '\n') {
      ++line, column = 0;
      in_key = true, dots = 0;
      continue;
    }
    if (c == '#') {
      while (i + 1 < text.size() && text[i + 1] != '\n') ++i;
      continue;
    }
    if (c == '"' || c == '\'') {
      const bool multi = text.substr(i, 3) == std::string(3, c);
      const std::string_view close = multi ? std::string_view(c == '"' ? "\"\"\"" : "'''") : std::string_view(&text[i], 1);
      std::size_t j = i + (multi ? 3 : 1);
      for (; j < text.size(); ++j) {
        if (c == '"' && text[j] == '\\') {
          ++j;
          continue;
        }
        if (text.substr(j, close.size()) == close) break;
        if (text[j] == '\n') {
          if (!multi) break;  // toml++ reports the unclosed string
          ++line, column = 0;
        }
      }
      if (j < text.size() && text[j] == '\n') {
        i = j - 1;  // the newline is counted by the loop
        continue;
      }
      if (j < text.size()) j += close.size() - 1;
      column += static_cast<int>(j - i);
      i = j;
      continue;
    }
    if (c == '[' || c == '{') {
      if (++nesting > kMaxNesting) {
        line_of_first = line, column_of_first = column;
        fail("arrays, tables and inline tables nested at most " + std::to_string(kMaxNesting) + " deep",
             "deeper nesting");
      }
      if (c == '{') in_key = true, dots = 0;
      continue;
    }
    if (c == ']' || c == '}') {
      if (nesting > 0) --nesting;
      continue;
    }
    if (c == '=') {
      in_key = false;
      continue;
    }
    if (c == ',') {
      in_key = true, dots = 0;
      continue;
    }
    if (c == '.' && in_key) {
      if (dots == 0) line_of_first = line, column_of_first = column;
      if (++dots >= kMaxKeyParts)
        fail("a key of at most " + std::to_string(kMaxKeyParts) + " dotted parts",
             "a key of more than " + std::to_string(kMaxKeyParts) + " parts");
    }
  }
}

}  // namespace trellis::policy_tree
