// What a head reads: reasons without the officer's citations, dates in words.
#include <array>
#include <regex>

#include "trellis/letters.hpp"

namespace trellis {

std::string in_plain_words(const std::string& reason) {
  // "(2018-19, england_abs.csv line 50)" keeps its year: "(2018-19)".
  static const std::regex cited_with_year(R"(, [^,()]+ line [0-9]+\))");
  // "(evidence: england_abs.csv line 4102)" or "(england_abs.csv line 4102)" goes whole.
  static const std::regex cited(R"( ?\((evidence: )?[^(),]+ line [0-9]+\))");
  // A rule's shorthand: "(band rules: red at ...)".
  static const std::regex shorthand(R"( ?\([^()]*\brules?: [^()]*\))");
  std::string out = std::regex_replace(reason, cited_with_year, ")");
  out = std::regex_replace(out, cited, "");
  return dates_in_words(std::regex_replace(out, shorthand, ""));
}

std::string dates_in_words(const std::string& text) {
  static const std::regex iso(R"([0-9]{4}-[0-9]{2}-[0-9]{2})");
  std::string out;
  std::size_t from = 0;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), iso); it != std::sregex_iterator(); ++it) {
    out += text.substr(from, static_cast<std::size_t>(it->position()) - from) + date_in_words(it->str());
    from = static_cast<std::size_t>(it->position() + it->length());
  }
  return out + text.substr(from);
}

std::string date_in_words(const std::string& iso) {
  static const std::array<const char*, 12> months = {"January", "February", "March",     "April",   "May",      "June",
                                                     "July",    "August",   "September", "October", "November", "December"};
  static const std::regex shape(R"(([0-9]{4})-([0-9]{2})-([0-9]{2}))");
  std::smatch m;
  if (!std::regex_match(iso, m, shape)) return iso;
  const int month = std::stoi(m[2]), day = std::stoi(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return iso;
  return std::to_string(day) + " " + months[static_cast<std::size_t>(month - 1)] + " " + m[1].str();
}

}  // namespace trellis
