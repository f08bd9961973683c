#include <algorithm>
#include <iostream>

#include <cstdlib>

#include "cli.hpp"
#include "trellis/error.hpp"
#include "trellis/people.hpp"
#include "trellis/store/schema.hpp"
#include "trellis/store/sqlite.hpp"
#include "trellis/text.hpp"

namespace trellis::cli {

Database Cli::open_db() const {
  Database db = sqlite::open(db_path, sqlite::Opening::existing);
  require_current(db);
  return db;
}

Database Cli::open_db_for_init() const { return sqlite::open(db_path, sqlite::Opening::create); }

std::string Cli::acting_id() const {
  if (!as.empty()) return as;
  for (const char* var : {"TRELLIS_USER", "USER"})
    if (const char* v = std::getenv(var); v && *v) return v;
  return "admin";
}

Actor Cli::actor(Database& db) const {
  const std::string id = acting_id();
  if (auto p = find_person(db, id)) return *p;
  throw NotPermitted("nobody called \"" + id + "\" is known to " + db_path + " (from " +
                     (as.empty() ? "$TRELLIS_USER or $USER" : "--as") +
                     "); `trellis person list` shows who is, and an admin adds people with `trellis person add`");
}

Clock environment_clock() {
  if (const char* fixed = std::getenv("TRELLIS_NOW"); fixed && *fixed) return Clock::fixed(fixed);
  return Clock::system();
}

CLI::Option* add_format(CLI::App& sub, std::string& format, const std::vector<std::string>& choices) {
  format = choices.front();
  return sub.add_option("--format", format, "Output format")->check(CLI::IsMember(choices))->capture_default_str();
}

// Control characters from data (ESC and OSC sequences, C1 controls, bidirectional overrides) are shown escaped (issue 19).
void print_table(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& raw) {
  std::vector<std::vector<std::string>> rows;
  rows.reserve(raw.size());
  for (const auto& r : raw) {
    rows.emplace_back();
    for (const auto& cell : r) rows.back().push_back(for_terminal(cell));
  }
  std::vector<std::size_t> width(header.size());
  auto measure = [&](const std::vector<std::string>& r) {
    for (std::size_t i = 0; i < r.size() && i < width.size(); ++i) width[i] = std::max(width[i], r[i].size());
  };
  measure(header);
  for (auto& r : rows) measure(r);
  auto line = [&](const std::vector<std::string>& r) {
    std::string out;
    for (std::size_t i = 0; i < r.size(); ++i) {
      out += r[i];
      if (i + 1 < r.size()) out += std::string(width[i] - r[i].size() + 2, ' ');
    }
    std::cout << out << '\n';
  };
  line(header);
  for (auto& r : rows) line(r);
}

void print_text(const std::string& text) {
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find('\n', start);
    const std::size_t stop = end == std::string::npos ? text.size() : end;
    std::string_view line(text.data() + start, stop - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);  // CSV's CRLF stays CRLF
    std::cout << for_terminal(line) << (stop - start != line.size() ? "\r" : "") << (end == std::string::npos ? "" : "\n");
    start = stop + 1;
  }
}

// RFC 4180 output through csv_field (trellis/text.hpp), which also neutralises a
// cell a spreadsheet would run as a formula (issue 19).
void print_csv(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows) {
  auto field = [](const std::string& text) { return csv_field(text); };
  auto line = [&](const std::vector<std::string>& r) {
    for (std::size_t i = 0; i < r.size(); ++i) std::cout << (i ? "," : "") << field(r[i]);
    std::cout << "\r\n";
  };
  line(header);
  for (auto& r : rows) line(r);
}

// Bytes stored before text was checked are shown as U+FFFD, rather than failing the whole output (issue 19).
void print_json(const nlohmann::json& value) {
  std::cout << value.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace trellis::cli
