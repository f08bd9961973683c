// A note's editions: the full record, and the shareable one that leaves out
// the sections the body's policy marks internal ([notes] internal_sections),
// e.g. a review's written report and the edited version shared with an
// inspectorate. A Markdown section runs from its heading to the next heading
// of the same or a higher level.
#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>

#include "trellis/adoption.hpp"
#include "trellis/error.hpp"
#include "trellis/notes.hpp"
#include "trellis/policy.hpp"
#include "trellis/policy/kernel_sections.hpp"
#include "trellis/sha256.hpp"

namespace trellis {
namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

/// The heading's level (1 for "# ...") and its words; level 0 for any other line.
std::pair<std::size_t, std::string> heading(const std::string& line) {
  std::size_t level = 0;
  while (level < line.size() && line[level] == '#') ++level;
  if (level == 0 || level >= line.size() || line[level] != ' ') return {0, ""};
  return {level, line.substr(level + 1)};
}

/// The text the note holds: its agreed text, or the file it refers to, still as it was added.
std::string held_text(const Note& n) {
  if (!n.file) return n.agreed_text();
  std::ifstream in(*n.file, std::ios::binary);
  if (!in) throw InputError(Location{*n.file, 0, 0}, "the note's file, readable", "a file that cannot be read");
  std::ostringstream text;
  text << in.rdbuf();
  if (n.file_sha256 && sha256_hex(text.str()) != *n.file_sha256)
    throw InputError(Location{*n.file, 0, 0}, "the file as it was when the note was added (sha256 " + *n.file_sha256 + ")",
                     "a file changed since");
  return text.str();
}

}  // namespace

std::string shareable_text(const std::string& markdown, const std::vector<std::string>& internal) {
  std::istringstream in(markdown);
  std::ostringstream out;
  std::string line;
  std::size_t skipping = 0;  // the level of the internal section being left out; 0: none
  while (std::getline(in, line)) {
    const auto [level, words] = heading(line);
    if (level > 0 && (skipping == 0 || level <= skipping)) {
      skipping = 0;
      for (const auto& mark : internal)
        if (!mark.empty() && lower(words).rfind(lower(mark), 0) == 0) skipping = level;
    }
    if (skipping == 0) out << line << '\n';
  }
  return out.str();
}

std::string note_edition(Database& db, const Note& n, bool shareable) {
  std::string text = held_text(n);
  if (!shareable) return text;
  auto adoption = adoption_on(db, n.body, n.created_at.substr(0, 10));
  if (!adoption) throw StoreError(n.body + " has adopted no policy, so nothing marks a section internal");
  const Policy policy = Policy::load(adoption->policy_path);
  return shareable_text(text, read_kernel_sections(policy.view()).note_internal_sections);
}

}  // namespace trellis
