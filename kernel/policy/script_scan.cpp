#include "script_scan.hpp"

#include <algorithm>
#include <cctype>

#include "suggest.hpp"

namespace trellis {
namespace {

bool word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// After `word` at `at`: ".name" or "[\"name\"]". Returns the name and where it starts.
bool field_after(std::string_view line, std::size_t at, std::string_view& name, std::size_t& start) {
  auto skip = [&](std::size_t i) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    return i;
  };
  std::size_t i = skip(at);
  if (i < line.size() && line[i] == '.') {
    i = skip(i + 1);
    std::size_t j = i;
    while (j < line.size() && word_char(line[j])) ++j;
    if (j == i) return false;
    name = line.substr(i, j - i);
    start = i;
    return true;
  }
  if (i < line.size() && line[i] == '[') {
    i = skip(i + 1);
    if (i >= line.size() || (line[i] != '"' && line[i] != '\'')) return false;
    const char quote = line[i];
    const std::size_t end = line.find(quote, i + 1);
    if (end == std::string_view::npos) return false;
    name = line.substr(i + 1, end - i - 1);
    start = i + 1;
    return true;
  }
  return false;
}

}  // namespace

std::vector<ScanFinding> scan_script(std::string_view text, const std::string& file,
                                     const std::vector<std::string>& params,
                                     const std::vector<std::string>& indicators) {
  struct Watch {
    std::string_view word;
    const std::vector<std::string>* known;
  };
  const Watch watches[] = {{"params", &params}, {"indicators", &indicators}, {"benchmarks", &indicators}};
  std::vector<ScanFinding> out;
  int line_no = 0;
  while (!text.empty()) {
    ++line_no;
    const std::size_t eol = text.find('\n');
    std::string_view line = text.substr(0, eol);
    text.remove_prefix(eol == std::string_view::npos ? text.size() : eol + 1);
    line = line.substr(0, line.find("--"));  // a comment, near enough
    for (const auto& w : watches) {
      if (w.known->empty()) continue;
      for (std::size_t at = line.find(w.word); at != std::string_view::npos; at = line.find(w.word, at + 1)) {
        if ((at > 0 && word_char(line[at - 1])) || (at + w.word.size() < line.size() && word_char(line[at + w.word.size()])))
          continue;
        std::string_view name;
        std::size_t start = 0;
        if (!field_after(line, at + w.word.size(), name, start)) continue;
        if (std::find(w.known->begin(), w.known->end(), name) != w.known->end()) continue;
        auto best = policy_suggest::closest(name, *w.known);
        if (!best) continue;
        const std::string what = w.word == "params" ? "[thresholds.params] has no '" + std::string(name) + "'"
                                                    : "the regime knows no indicator '" + std::string(name) + "'";
        out.push_back({{file, line_no, static_cast<int>(start) + 1},
                       "expected a known name after " + std::string(w.word) + ", found '" + std::string(name) +
                           "' (" + what + "); did you mean '" + *best + "'?"});
      }
    }
  }
  return out;
}

}  // namespace trellis
