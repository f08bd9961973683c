// trellis import schools|evidence: parse options, run the import, say what
// happened. Notes and rejected rows go to stderr, the summary to stdout.
#include <cstdio>
#include <unistd.h>

#include <iostream>

#include "../cli.hpp"
#include "trellis/import/evidence_import.hpp"
#include "trellis/import/schools_import.hpp"
#include "trellis/text.hpp"

namespace trellis::cli {
namespace {

struct ImportArgs {
  std::string file, format, period;
  bool keep_going = false, json = false;
};

/// A bar on stderr, only when a person is watching it.
/// Hand-written: ten lines, and bookworm packages no C or C++ progress-bar library (indicators and tqdm-cpp are not in it).
std::function<void(std::uint64_t, std::uint64_t)> progress_bar(const std::string& file) {
  if (!isatty(STDERR_FILENO)) return {};
  return [file, last = -1](std::uint64_t done, std::uint64_t total) mutable {
    int pct = total ? static_cast<int>(100 * done / total) : 100;
    if (pct == last) return;
    last = pct;
    std::string bar(pct / 4, '#');
    bar.resize(25, '.');
    // Straight to stderr, past the TerminalBuffer on std::cerr: the bar's own CR and
    // ESC are meant for the terminal; the file's name is escaped like any data.
    std::string shown = "\r" + for_terminal(file) + " [" + bar + "] " + std::to_string(pct) + "%";
    if (pct >= 100) shown += "\r\033[K";  // clear the line
    std::fputs(shown.c_str(), stderr);
    std::fflush(stderr);
  };
}

ImportOptions options_of(const ImportArgs& a) {
  ImportOptions o;
  o.file = a.file;
  if (!a.format.empty()) o.format = a.format;
  if (!a.period.empty()) o.period = a.period;
  o.keep_going = a.keep_going;
  o.progress = progress_bar(std::filesystem::path(a.file).filename().string());
  return o;
}

nlohmann::json rejected_json(const std::vector<RejectedRow>& rows) {
  auto arr = nlohmann::json::array();
  for (const auto& r : rows)
    arr.push_back({{"file", r.where.file}, {"line", r.where.line}, {"column", r.where.column}, {"reason", r.reason}});
  return arr;
}

void print_notes(const std::string& file, bool converted, const std::vector<std::string>& notes,
                 const std::vector<RejectedRow>& rejected) {
  if (converted)
    std::cerr << "trellis: note: " << file << " is not UTF-8; it was read as Windows-1252 and converted to UTF-8\n";
  for (const auto& n : notes) std::cerr << "trellis: note: " << file << ": " << n << "\n";
  if (rejected.empty()) return;
  std::cerr << "trellis: " << rejected.size() << " row(s) rejected (--keep-going):\n";
  for (const auto& r : rejected) std::cerr << "  " << r.reason << "\n";
}

void run_evidence(Cli& cli, const ImportArgs& a) {
  Database db = cli.open_db();
  EvidenceImportReport r = import_evidence(db, cli.actor(db), cli.clock(), options_of(a));
  if (a.json) {
    nlohmann::json unknown = r.unknown_examples;
    print_json({{"file", r.file}, {"format", r.format}, {"sha256", r.sha256},
                {"period", r.period ? nlohmann::json(*r.period) : nlohmann::json()},
                {"import_id", r.import_id ? nlohmann::json(*r.import_id) : nlohmann::json()},
                {"already_imported_at", r.already_imported_at ? nlohmann::json(*r.already_imported_at) : nlohmann::json()},
                {"converted_from_windows1252", r.converted_from_windows1252}, {"rows", r.rows}, {"added", r.added},
                {"superseded", r.superseded}, {"unchanged", r.unchanged}, {"missing", r.missing},
                {"unknown_schools", r.unknown_schools}, {"unknown_examples", unknown}, {"benchmarks", r.benchmarks},
                {"new_indicators", r.new_indicators}, {"notes", r.notes}, {"rejected", rejected_json(r.rejected)}});
  }
  const std::string for_period = r.period ? " for " + *r.period : "";
  if (r.already_imported_at) {
    if (!a.json)
      std::cout << r.file << " was imported" << for_period << " on " << *r.already_imported_at
                << " already: nothing added.\n";
    return;
  }
  print_notes(r.file, r.converted_from_windows1252, r.notes, r.rejected);
  if (r.unknown_schools) {
    std::cerr << "trellis: note: " << r.unknown_schools << " URN(s) in " << r.file
              << " are not in the school register (their evidence is stored all the same):";
    for (auto u : r.unknown_examples) std::cerr << " " << u;
    std::cerr << (r.unknown_schools > static_cast<std::int64_t>(r.unknown_examples.size()) ? " …" : "") << "\n";
  }
  if (!a.json) {
    std::cout << "Imported " << r.file << " (" << r.format << ")" << for_period << ": " << r.rows << " rows, "
              << r.added << " items added, " << r.superseded << " superseding earlier ones, " << r.unchanged
              << " unchanged.\n";
    if (r.missing) std::cout << "  " << r.missing << " of the items are missing values, kept with their reason.\n";
    if (r.benchmarks) std::cout << "  " << r.benchmarks << " published national and LA figures stored.\n";
    if (!r.new_indicators.empty()) std::cout << "  " << r.new_indicators.size() << " new indicators registered.\n";
  }
  if (!r.rejected.empty()) throw ProblemsFound("rows rejected");
}

void run_schools(Cli& cli, const ImportArgs& a) {
  Database db = cli.open_db();
  SchoolImportReport r = import_schools(db, cli.actor(db), cli.clock(), options_of(a));
  if (a.json)
    print_json({{"file", r.file}, {"format", r.format}, {"sha256", r.sha256},
                {"import_id", r.import_id ? nlohmann::json(*r.import_id) : nlohmann::json()},
                {"already_imported_at", r.already_imported_at ? nlohmann::json(*r.already_imported_at) : nlohmann::json()},
                {"converted_from_windows1252", r.converted_from_windows1252}, {"rows", r.rows}, {"added", r.added},
                {"updated", r.updated}, {"unchanged", r.unchanged}, {"open", r.open}, {"closed", r.closed},
                {"la_names_set", r.la_names_set}, {"unknown_types", r.unknown_types}, {"notes", r.notes},
                {"rejected", rejected_json(r.rejected)}});
  if (r.already_imported_at) {
    if (!a.json)
      std::cout << r.file << " was imported on " << *r.already_imported_at
                << " already, and the register holds it unchanged: nothing to do.\n";
    return;
  }
  print_notes(r.file, r.converted_from_windows1252, r.notes, r.rejected);
  for (const auto& t : r.unknown_types)
    std::cerr << "trellis: note: type not in the mapping, grouped by its DfE group: " << t << "\n";
  if (!a.json) {
    if (r.format == "la-names")
      std::cout << "Imported " << r.file << " (la-names): " << r.rows << " LAs; " << r.la_names_set
                << " school rows given their LA's name.\n";
    else
      std::cout << "Imported " << r.file << " (" << r.format << "): " << r.rows << " schools (" << r.open << " open, "
                << r.closed << " closed); " << r.added << " added, " << r.updated << " updated, " << r.unchanged
                << " unchanged.\n";
  }
  if (!r.rejected.empty()) throw ProblemsFound("rows rejected");
}

}  // namespace

void add_import(CLI::App& app, Cli& cli) {
  auto* imp = app.add_subcommand("import", "Import official files: the school register, and evidence");
  imp->require_subcommand(1);

  static ImportArgs s, e;
  auto* schools = imp->add_subcommand("schools", "Import the school register: a DfE spine, a GIAS export, or LA names");
  schools->add_option("FILE", s.file, "The CSV file")->required();
  schools->add_option("--format", s.format, "dfe-spine, gias or la-names (default: found from the header)")
      ->check(CLI::IsMember(school_formats()));
  schools->add_flag("--keep-going", s.keep_going, "Import the valid rows and list the rejected ones");
  schools->add_flag("--json", s.json, "Print what was imported as JSON");
  schools->callback([&cli] { run_schools(cli, s); });

  auto* evidence = imp->add_subcommand("evidence", "Import evidence: census, absence, KS2, KS4, Ofsted history, long CSV");
  evidence->add_option("FILE", e.file, "The CSV file")->required();
  evidence->add_option("--period", e.period,
                       "The period the file is about, e.g. 2018-19 (KS2, Ofsted and long files can say it themselves)");
  evidence->add_option("--format", e.format, "dfe-census, dfe-absence, dfe-ks2, dfe-ks4, ofsted-history or long "
                                             "(default: found from the header)")
      ->check(CLI::IsMember(evidence_formats()));
  evidence->add_flag("--keep-going", e.keep_going, "Import the valid rows and list the rejected ones");
  evidence->add_flag("--json", e.json, "Print what was imported as JSON");
  evidence->callback([&cli] { run_evidence(cli, e); });
}

}  // namespace trellis::cli
