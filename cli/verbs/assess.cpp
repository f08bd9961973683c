#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <iostream>
#include <map>
#include <optional>
#include <thread>

#include "../cli.hpp"
#include "assess_spool.hpp"
#include "trellis/adoption.hpp"
#include "trellis/assessment.hpp"
#include "trellis/assessment_each.hpp"
#include "trellis/assessment_json.hpp"
#include "trellis/json_stream.hpp"
#include "trellis/error.hpp"
#include "trellis/regime_words.hpp"
#include "trellis/text.hpp"

namespace trellis::cli {
namespace {

constexpr unsigned kMaxThreads = 256;

/// "      Behaviour and attitudes: Amber. 2 concerns here." for each computed rating but the overall one.
void print_subject_ratings(std::ostream& out, const SchoolAssessment& a, const RegimeWords& words) {
  bool any = false;
  for (const auto& r : a.ratings) {
    if (r.subject == "overall" || r.stage != "computed") continue;
    if (!any) out << "    By area:\n";
    any = true;
    out << "      " << for_terminal(words.line(r)) << "\n";
  }
}

/// The adopted policy's words: its own indicators' labels (SDK 2's
/// [indicators.X]) as well as the plugin's; else the plugin's alone.
RegimeWords regime_words(const AssessRun& run, PluginHost& host) {
  try {
    return RegimeWords(open_policy(run.policy_path, host).description());
  } catch (const std::exception&) {
    try {
      return RegimeWords(host.description(run.regime));
    } catch (const std::exception&) {  // the ids then stand for themselves
    }
  }
  return {};
}

/// A school's lines of the table: its level, then (unless brief) its reasons and area ratings.
void print_school(std::ostream& out, const SchoolAssessment& a, bool brief, const RegimeWords& words) {
  std::string level = a.insufficient() ? kInsufficientEvidenceLabel : a.level;
  for (auto& c : level) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  out << a.urn << "  " << for_terminal(a.name) << "  " << level;
  if (a.decision && a.decision->level != a.computed_level)
    out << "  (decided by " << for_terminal(a.decision->by) << "; computed " << a.computed_level << ")";
  if (a.changed()) out << "  (was " << *a.previous_level << ")";
  if (auto note = a.switch_note()) out << "  (" << *note << ")";
  out << "\n";
  if (brief) return;
  // A reason comes from a script: its control characters are shown escaped (issue 19).
  for (auto& r : a.reasons) out << "    - " << for_terminal(r) << "\n";
  print_subject_ratings(out, a, words);
}

/// The table's first line: "N schools assessed for BODY, PERIOD, under REGIME policy VERSION".
void print_heading(const AssessRun& run, std::size_t schools, const SchoolAssessment& first, bool dry_run) {
  std::cout << schools << " schools assessed for " << first.body << ", " << first.period << ", under " << run.regime
            << " policy " << run.policy_version << (dry_run ? " (dry run: nothing stored)" : "") << "\n\n";
}

/// The table's last lines: the schools by level, then what a stored run planned and wrote.
void print_ending(const AssessRun& run, const std::map<std::string, int>& counts, bool dry_run) {
  std::cout << "\nBy level:";
  for (auto& [level, n] : counts) std::cout << "  " << level << " " << n;
  std::cout << "\n";
  if (!dry_run && run.planned_from.empty())
    std::cout << "The year had ended on the day of the assessment: its plan was left as it was.\n";
  else if (!dry_run)
    std::cout << "The year's plan from " << run.planned_from << ": " << to_text(run.replan)
              << ". See `trellis schedule`.\n";
  print_letters_stored(run.letters);
}

void print_warnings(const AssessRun& run) {
  for (auto& w : run.warnings) std::cerr << "warning: " << w << "\n";
}

/// Each school is written as it is judged (and, in a stored run, stored),
/// held in a spool (not in memory) until the run has succeeded, and printed
/// after the warnings: a run that fails prints nothing of its schools, and a
/// country's schools are never all held (issue 18).
void assess_printed(Database& db, PluginHost& host, const Cli& cli, const AssessOptions& opt,
                     const std::string& format, bool brief) {
  AssessSpool spool;
  std::ostream held(&spool);
  held.exceptions(std::ios::badbit);  // a failed spill stops the run rather than dropping schools
  std::optional<JsonList> list;
  if (format == "json") list.emplace(held, 0);
  std::optional<RegimeWords> words;
  std::optional<SchoolAssessment> first;  // the heading names its body and period
  std::size_t schools = 0;
  std::map<std::string, int> counts;
  std::string written;  // one school's JSON, its room reused by the next
  const AssessRun run = assess_each(db, host, cli.actor(db), cli.clock(), opt, [&](const AssessRun& so_far, SchoolAssessment& a) {
    ++schools;
    if (list) {
      written.clear();
      put_json(written, a, 1);
      list->add_written(written);
      return;
    }
    if (!words) words = regime_words(so_far, host);
    if (!first) first = a;
    print_school(held, a, brief, *words);
    ++counts[a.level];
  });
  print_warnings(run);
  if (list) {
    list->close();
    held << '\n';
    spool.copy_to(std::cout);
    return;
  }
  print_heading(run, schools, *first, opt.dry_run);
  spool.copy_to(std::cout);
  print_ending(run, counts, opt.dry_run);
}

/// --threads when given, else $TRELLIS_THREADS, else the machine's cores (at least one).
unsigned assess_threads(unsigned flag) {
  if (flag) return flag;
  if (const char* env = std::getenv("TRELLIS_THREADS"); env && *env) {
    const std::string text = env;
    unsigned n = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (error != std::errc() || end != text.data() + text.size() || n < 1 || n > kMaxThreads)
      throw UsageError("$TRELLIS_THREADS: expected a whole number of threads from 1 to " + std::to_string(kMaxThreads) +
                       ", found \"" + text + "\"");
    return n;
  }
  return std::max(1u, std::thread::hardware_concurrency());
}

}  // namespace

void add_assess(CLI::App& app, Cli& cli) {
  auto* sub = app.add_subcommand("assess", "Assess a body's schools for a period and store the results");
  static std::string body, period, policy, format, on;
  static bool dry_run = false, brief = false;
  static unsigned threads = 0;
  sub->add_option("--body", body, "Body id")->required();
  sub->add_option("--period", period, "Period, e.g. 2018-19 or 2018-19/autumn")->required();
  sub->add_option("--policy", policy, "Try a draft policy instead of the adopted one");
  sub->add_flag("--dry-run", dry_run, "Store nothing");
  sub->add_flag("--brief", brief, "One line per school, without the reasons");
  sub->add_option("--on", on, "The day the assessment is made, YYYY-MM-DD (default: today); its plan starts there");
  sub->add_option("--threads", threads,
                  "Threads judging the schools, for a regime whose plugin allows it (default: $TRELLIS_THREADS, "
                  "else the machine's cores); the output is the same on any number")
      ->check(CLI::Range(1u, kMaxThreads));
  add_format(*sub, format, {"table", "json"});
  sub->callback([&cli] {
    Database db = cli.open_db();
    PluginHost host(PluginHost::default_search_path());
    AssessOptions opt{body, Period::parse(period), std::nullopt, dry_run, std::nullopt};
    if (!policy.empty()) opt.draft_policy = policy;
    opt.threads = assess_threads(threads);
    if (!on.empty()) {
      std::string why;
      opt.on = Date::try_parse(on, &why);
      if (!opt.on) throw UsageError("--on: " + why);
    }
    assess_printed(db, host, cli, opt, format, brief);
  });
}

}  // namespace trellis::cli
