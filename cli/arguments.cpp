// The command line's words checked before CLI11 parses them (issue 19): an
// unknown verb is named, with the nearest one, instead of CLI11's "A
// subcommand is required"; an argument that is not UTF-8 is refused.
#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <numeric>

#include "cli.hpp"
#include "trellis/date.hpp"
#include "trellis/text.hpp"

namespace trellis::cli {
namespace {

std::size_t distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  std::iota(row.begin(), row.end(), 0);
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diag = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

}  // namespace

std::optional<std::string> unknown_verb(CLI::App& app, int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string word = argv[i];
    if (word == "--db" || word == "--as") {
      ++i;  // its value
      continue;
    }
    if (word.empty() || word[0] == '-') continue;
    std::vector<std::string> verbs;
    for (const auto* sub : app.get_subcommands([](const CLI::App*) { return true; })) verbs.push_back(sub->get_name());
    if (std::find(verbs.begin(), verbs.end(), word) != verbs.end()) return std::nullopt;
    std::string nearest;
    std::size_t best = word.size();
    for (const auto& v : verbs)
      if (const std::size_t d = distance(word, v); d < best) best = d, nearest = v;
    return "unknown verb \"" + word + "\"" + (nearest.empty() ? "" : "; did you mean `trellis " + nearest + "`?") +
           " `trellis --help` lists the verbs";
  }
  return std::nullopt;
}

namespace {

/// A whole number in decimal that fits: CLI11 reads integers with strtoll in
/// base 0, so "99999999999999999999" was clamped and "0123" read as octal 83.
CLI::Validator whole_number() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        const bool digits = !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
        std::int64_t value = 0;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (!digits) return "expected a whole number, found \"" + text + "\"";
        if (ec != std::errc{} || end != text.data() + text.size())
          return "expected a whole number up to 9223372036854775807, found " + text;
        text = std::to_string(value);  // "0123" is 123, not octal
        return {};
      },
      "", "whole number");
}

void check_whole_numbers_in(CLI::App& app) {
  for (CLI::Option* o : app.get_options())
    if (o->get_expected_max() > 0 && o->get_type_name().find("INT") != std::string::npos) o->transform(whole_number());
  for (CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) check_whole_numbers_in(*sub);
}

}  // namespace

void check_whole_numbers(CLI::App& app) { check_whole_numbers_in(app); }

CLI::Validator iso_date() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        std::string why;
        return Date::try_parse(text, &why) ? std::string() : why;  // 2019-02-30 is no day
      },
      "YYYY-MM-DD", "date");
}

std::optional<std::string> non_utf8_argument(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    const auto at = first_invalid_utf8(arg);
    if (!at) continue;
    char byte[8];
    std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(arg[*at]));
    const bool value_of_option = i > 1 && argv[i - 1][0] == '-' && arg.empty() == false && arg[0] != '-';
    return std::string("argument ") + std::to_string(i) +
           (value_of_option ? std::string(" (the value of ") + argv[i - 1] + ")" : std::string()) +
           ": expected UTF-8 text, found byte " + byte + " at offset " + std::to_string(*at) +
           " (Windows-1252 or Latin-1?); nothing was done";
  }
  return std::nullopt;
}

}  // namespace trellis::cli
