// `trellis letters --body B --period P [-o DIR]`: the outbox, listed or
// written out. Letters are stored with the change that caused them (assess,
// rate, review decide, import ratings); nothing reaches the disk until a
// person asks for them here, into a folder they choose.
#include <filesystem>
#include <iostream>
#include <algorithm>
#include <map>

#include "../cli.hpp"
#include "trellis/bodies.hpp"
#include "trellis/error.hpp"
#include "trellis/file_output.hpp"
#include "trellis/letter_json.hpp"
#include "trellis/letters.hpp"
#include "trellis/period.hpp"

namespace trellis::cli {
namespace {

/// "id 4", "ids 4-6", "ids 4, 7, 9": ids come in the order they were stored.
std::string ids_of(const std::vector<const Letter*>& letters) {
  if (letters.size() == 1) return "id " + std::to_string(letters.front()->id);
  const auto first = letters.front()->id, last = letters.back()->id;
  if (last - first + 1 == static_cast<std::int64_t>(letters.size()))
    return "ids " + std::to_string(first) + "-" + std::to_string(last);
  std::string out;
  for (const auto* l : letters) out += (out.empty() ? "" : ", ") + std::to_string(l->id);
  return "ids " + out;
}

std::string school_of(const Letter& l) { return std::to_string(l.urn) + (l.school.empty() ? "" : " " + l.school); }

std::string change_of(const Letter& l) {
  return l.from_level.value_or("-") + " -> " + l.to_level + (l.provisional ? " (provisional)" : "");
}

struct LettersOptions {
  std::string body, period, folder, format;
};

void run_letters(const Cli& cli, const LettersOptions& o) {
  const Period period = Period::parse(o.period);
  Database db = cli.open_db();
  require_body(db, o.body);
  const std::vector<Letter> letters = outbox(db, o.body, period.to_string());
  if (letters.empty())
    std::cerr << "No letters in the outbox for " << o.body << " in " << period.to_string()
              << ": `trellis assess`, `trellis rate` and `trellis review decide` store them when a head is to be told.\n";

  std::vector<std::string> problems;
  std::vector<const Letter*> shown;
  if (o.folder.empty()) {
    for (const auto& l : letters) shown.push_back(&l);
  } else {
    // The folder first, so an unusable one is one clear error with nothing written.
    std::error_code ec;
    std::filesystem::create_directories(o.folder, ec);
    if (ec) throw UsageError("-o: cannot create the folder " + o.folder + ": " + ec.message() + "; no letter was written");
    // One at a time, so what is listed is exactly what was written.
    for (const auto& l : letters)
      if (!write_letters({l}, o.folder, problems, database_files(cli.db_path)).empty()) shown.push_back(&l);
  }

  if (o.format == "json") {
    auto arr = nlohmann::json::array();
    for (const auto* l : shown) arr.push_back(to_json(*l));
    print_json(arr);
  } else {
    if (!o.folder.empty())
      std::cout << "Wrote " << shown.size() << " letter" << (shown.size() == 1 ? "" : "s") << " to " << o.folder
                << (shown.empty() ? ".\n" : ":\n");
    std::vector<std::vector<std::string>> rows;
    for (const auto* l : shown) rows.push_back({std::to_string(l->id), school_of(*l), l->kind, change_of(*l), l->file});
    if (!rows.empty()) print_table({"id", "school", "kind", "from -> to", "file"}, rows);
  }
  for (const auto& p : problems) std::cerr << "trellis: " << p << "\n";
  if (!problems.empty()) throw ProblemsFound("letters not written");
}

}  // namespace

void print_letters_stored(const std::vector<Letter>& letters) {
  // One line per body and period, in the order first stored: each is one `trellis letters` command.
  std::vector<std::pair<std::string, std::string>> order;
  std::map<std::pair<std::string, std::string>, std::vector<const Letter*>> groups;
  for (const auto& l : letters) {
    auto key = std::make_pair(l.body_id, l.period);
    auto& g = groups[key];
    if (g.empty()) order.push_back(key);
    g.push_back(&l);
  }
  for (const auto& key : order) {
    const auto& g = groups[key];
    const bool one = g.size() == 1;
    // A notice goes to the people a policy names (a CEO, a Chair), not to the head.
    const bool notices = std::all_of(g.begin(), g.end(), [](const Letter* l) { return l->kind == "notice"; });
    std::cout << g.size()
              << (notices ? (one ? " notice is" : " notices are") : one ? " letter to a head is" : " letters to heads are")
              << " in the outbox ("
              << ids_of(g) << "): `trellis letters --body " << key.first << " --period " << key.second
              << " -o DIR` writes " << (one ? "it" : "them") << ".\n";
  }
}

void add_letters(CLI::App& app, Cli& cli) {
  static LettersOptions o;
  auto* sub = app.add_subcommand("letters", "The letters to heads in the outbox for a body and period; -o writes them out");
  sub->add_option("--body", o.body, "Body id")->required();
  sub->add_option("--period", o.period, "Period, e.g. 2018-19 or 2019-20/autumn")->required();
  sub->add_option("-o,--output", o.folder, "Write each letter to DIR/<its file name> (the folder is created)");
  add_format(*sub, o.format, {"table", "json"});
  sub->callback([&cli] { run_letters(cli, o); });
}

}  // namespace trellis::cli
