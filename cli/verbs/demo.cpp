// `trellis demo`: builds a database from examples/ by running, in order, the
// trellis command lines in each examples/<set>/demo.trellis, echoing each one,
// so the demo is also the tour: every step is a command a user can type.
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iostream>

#include "../cli.hpp"
#include "trellis/error.hpp"
#include "trellis/bodies.hpp"
#include "trellis/initialise.hpp"
#include "trellis/letters.hpp"
#include "trellis/people.hpp"
#include "trellis/store/audit.hpp"
#include "trellis/store/audit_log.hpp"
#include "trellis/store/schema.hpp"
#include "trellis/store/sqlite.hpp"

namespace trellis::cli {
namespace {

namespace fs = std::filesystem;

fs::path examples_folder(const std::string& given) {
  if (!given.empty()) return given;
  if (const char* env = std::getenv("TRELLIS_EXAMPLES"); env && *env) return env;
  for (fs::path p : {fs::path(TRELLIS_SOURCE_DIR) / "examples", fs::path(TRELLIS_INSTALL_DATA_DIR) / "examples"})
    if (fs::exists(p)) return p;
  throw UsageError("cannot find the examples folder; give it with --examples or $TRELLIS_EXAMPLES");
}

/// Shell-like words: whitespace-separated, with '…' and "…" quoting.
/// Hand-written on purpose: wordexp(3) also expands $VARS, ~, globs and (without WRDE_NOCMD) $(commands), and reports no line.
std::vector<std::string> words(const std::string& line, const Location& where) {
  std::vector<std::string> out;
  std::string cur;
  bool in_word = false;
  char quote = 0;
  for (char c : line) {
    if (quote) {
      if (c == quote) quote = 0;
      else cur += c;
    } else if (c == '"' || c == '\'') {
      quote = c;
      in_word = true;
    } else if (c == ' ' || c == '\t') {
      if (in_word) out.push_back(cur), cur.clear(), in_word = false;
    } else {
      cur += c;
      in_word = true;
    }
  }
  if (quote) throw InputError(where, std::string("a closing ") + quote, "the end of the line");
  if (in_word) out.push_back(cur);
  return out;
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (auto pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size())) s.replace(pos, from.size(), to);
  return s;
}

/// Runs this same program with `args` in `dir`; returns its exit code.
int run_trellis(const std::vector<std::string>& args, const fs::path& dir, const fs::path& db) {
  std::cout.flush();
  pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("cannot start a process");
  if (pid == 0) {
    std::vector<char*> argv;
    static std::string self = "trellis";
    argv.push_back(self.data());
    for (auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    if (chdir(dir.c_str()) != 0) _exit(4);
    setenv("TRELLIS_DB", db.c_str(), 1);
    execv("/proc/self/exe", argv.data());
    _exit(4);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 4;
}

constexpr const char* kDemoComplete = "demo complete: the bundled examples ran";

/// Whether two files hold the same bytes.
bool same_text(const fs::path& file, const std::string& text) {
  std::ifstream in(file, std::ios::binary);
  std::string held((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return in.good() || in.eof() ? held == text : false;
}

/// Removes the letters an earlier demo wrote beside its database: only a
/// regular file in a folder of letters/ that holds exactly a letter of that
/// demo's outbox. Another database's letters, and anything a person put
/// there, stay; so do the folders, unless nothing else is left in them.
void remove_demo_letters(const fs::path& letters, const std::vector<Letter>& outbox_letters) {
  std::error_code ec;
  if (!fs::is_directory(fs::symlink_status(letters, ec))) return;
  for (const auto& folder : fs::directory_iterator(letters, ec)) {
    if (!folder.is_directory() || folder.is_symlink()) continue;
    for (const auto& l : outbox_letters) {
      const fs::path file = folder.path() / fs::path(l.file).filename();
      if (fs::is_regular_file(fs::symlink_status(file, ec)) && same_text(file, l.text)) fs::remove(file, ec);
    }
    fs::remove(folder.path(), ec);  // only when it is now empty
  }
  fs::remove(letters, ec);  // likewise
}

/// A database the demo may replace: absent, or made by an earlier demo and
/// not changed since (its last audit row is the demo's own), or changed and
/// `force` given. A file the demo did not make is never replaced (issue 19).
void clear_previous_demo(const fs::path& db, bool force) {
  std::error_code ec;
  if (!fs::exists(fs::symlink_status(db, ec))) return;
  if (!fs::is_regular_file(fs::symlink_status(db, ec)))
    throw UsageError(db.string() + " is not a regular file; choose another file with --db");
  bool made_by_demo = false, untouched = false;
  std::string last;
  std::vector<Letter> written;
  try {
    Database existing = sqlite::open(db);
    if (stored_version(existing) > 0) {
      require_current(existing);
      const auto rows = read_audit(existing);
      made_by_demo = std::any_of(rows.begin(), rows.end(), [](const AuditRecord& r) { return r.command == "demo"; });
      untouched = !rows.empty() && rows.back().command == "demo" && rows.back().summary == kDemoComplete;
      if (!rows.empty()) last = "audit row " + std::to_string(rows.back().id) + ", `" + rows.back().command + "` by " + rows.back().who;
      if (made_by_demo)
        for (const auto& b : list_bodies(existing, "9999-12-31"))
          for (auto& l : outbox(existing, b.body.id, "")) written.push_back(std::move(l));
    }
  } catch (const std::exception&) {
  }
  if (!made_by_demo)
    throw UsageError(db.string() + " exists and was not made by `trellis demo`; the demo never replaces it: choose another file with --db");
  if (!untouched && !force)
    throw UsageError(db.string() + " was made by `trellis demo` but has changed since (last: " + last +
                     "); the demo will not replace it unless given --force, or choose another file with --db");
  for (auto ext : {"", "-wal", "-shm"}) fs::remove(db.string() + ext, ec);
  remove_demo_letters(db.parent_path() / "letters", written);
}

}  // namespace

void add_demo(CLI::App& app, Cli& cli) {
  auto* sub = app.add_subcommand("demo", "Build a database from the bundled examples and show what Trellis does");
  auto examples = std::make_shared<std::string>();
  auto force = std::make_shared<bool>(false);
  sub->add_option("--examples", *examples, "The examples folder (default: the bundled one)");
  sub->add_flag("--force", *force, "Replace a demo database that has changed since the demo made it");
  sub->callback([&cli, examples, force] {
    const fs::path folder = examples_folder(*examples);
    const fs::path db = fs::absolute(cli.db_path);
    const fs::path out = db.parent_path();
    fs::create_directories(out);
    clear_previous_demo(db, *force);
    {
      Database d = sqlite::open(db);
      const InitRun run = initialise(d, cli.clock(), cli.acting_id());
      // The "demo" row is how a later demo knows this database is its own to replace.
      Transaction tx(d);
      record_audit(d, run.created_admin ? *run.created_admin : person(d, cli.acting_id()), cli.clock(),
                   {"demo", "demo database from the bundled examples"});
      tx.commit();
    }
    // examples/demo.order names the sets to run, in order; without it, every set runs, by name.
    // A set it does not list (e.g. one whose regime plugin is not built yet) is named and skipped.
    std::vector<fs::path> scripts;
    std::ifstream order(folder / "demo.order");
    const bool ordered = order.is_open();
    if (ordered)
      for (std::string name; std::getline(order, name);)
        if (!name.empty() && name[0] != '#' && fs::exists(folder / name / "demo.trellis"))
          scripts.push_back(folder / name / "demo.trellis");
    std::vector<fs::path> rest;
    for (auto& e : fs::directory_iterator(folder))
      if (fs::exists(e.path() / "demo.trellis") &&
          std::find(scripts.begin(), scripts.end(), e.path() / "demo.trellis") == scripts.end())
        rest.push_back(e.path() / "demo.trellis");
    std::sort(rest.begin(), rest.end());
    if (ordered)
      for (auto& skipped : rest)
        std::cout << "Not in demo.order, so not run: " << skipped.parent_path().filename().string() << "\n";
    else
      scripts.insert(scripts.end(), rest.begin(), rest.end());
    if (scripts.empty()) throw UsageError("no demo.trellis under " + folder.string());
    for (auto& script : scripts) {
      std::ifstream in(script);
      std::string line;
      int n = 0;
      bool after_comment = false;
      std::cout << "\n=== " << script.parent_path().filename().string() << " ===\n";
      while (std::getline(in, line)) {
        ++n;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        auto first = line.find_first_not_of(" \t");
        if (first == std::string::npos) continue;
        if (line[first] == '#') {
          std::cout << (after_comment ? "" : "\n") << line.substr(first) << "\n";
          after_comment = true;
          continue;
        }
        after_comment = false;
        auto args = words(replace_all(line, "$OUT", out.string()), {script.string(), n, 1});
        std::cout << "\n$ trellis " << line.substr(first) << "\n";
        if (int rc = run_trellis(args, script.parent_path(), db); rc != 0) {
          std::cerr << "trellis demo: step " << script.string() << ":" << n << " failed with exit code " << rc << "\n";
          throw ProblemsFound("demo step failed");
        }
      }
    }
    {
      // The last row says the demo finished: a later demo may replace the database while it is still the last.
      Database d = cli.open_db();
      Transaction tx(d);
      record_audit(d, cli.actor(d), cli.clock(), {"demo", kDemoComplete});
      tx.commit();
    }
    std::cout << "\nThe demo database is " << db.string() << ". Explore it with any verb, e.g.\n"
              << "  trellis --db " << db.string() << " body list\n";
    // The scripts' `letters` steps write there; the outbox keeps them all the same.
    if (const fs::path letters = out / "letters"; fs::is_directory(letters)) {
      std::size_t n = 0;
      for (const auto& e : fs::recursive_directory_iterator(letters)) n += e.is_regular_file() ? 1 : 0;
      std::cout << "The " << n << " letters and notices that the `letters` steps wrote out are in " << letters.string()
                << ", a folder per body. The outbox keeps them; list a body's for a period with e.g.\n"
                << "  trellis --db " << db.string() << " letters --body telford --period 2018-19\n";
    }
  });
}

}  // namespace trellis::cli
