#include <algorithm>
#include <iostream>

#include <cstdlib>

#include "cli.hpp"
#include "trellis/error.hpp"
#include "trellis/people.hpp"
#include "trellis/store/schema.hpp"
#include "trellis/store/sqlite.hpp"

namespace trellis::cli {

Database Cli::open_db() const {
  Database db = sqlite::open(db_path);
  require_current(db);
  return db;
}

Database Cli::open_db_for_init() const { return sqlite::open(db_path); }

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

void print_table(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows) {
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

// RFC 4180 output (quote a field holding , " CR or LF; double its quotes): too small to need libcsv.
void print_csv(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows) {
  auto field = [](const std::string& f) {
    if (f.find_first_of(",\"\r\n") == std::string::npos) return f;
    std::string q = "\"";
    for (char c : f) q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
  };
  auto line = [&](const std::vector<std::string>& r) {
    for (std::size_t i = 0; i < r.size(); ++i) std::cout << (i ? "," : "") << field(r[i]);
    std::cout << "\r\n";
  };
  line(header);
  for (auto& r : rows) line(r);
}

void print_json(const nlohmann::json& value) { std::cout << value.dump(2) << '\n'; }

}  // namespace trellis::cli
