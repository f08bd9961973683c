#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <iostream>
#include <map>
#include <thread>

#include "../cli.hpp"
#include "trellis/adoption.hpp"
#include "trellis/assessment.hpp"
#include "trellis/assessment_json.hpp"
#include "trellis/json_stream.hpp"
#include "trellis/error.hpp"
#include "trellis/regime_words.hpp"
#include "trellis/text.hpp"

namespace trellis::cli {
namespace {

constexpr unsigned kMaxThreads = 256;

/// "      Behaviour and attitudes: Amber. 2 concerns here." for each computed rating but the overall one.
void print_subject_ratings(const SchoolAssessment& a, const RegimeWords& words) {
  bool any = false;
  for (const auto& r : a.ratings) {
    if (r.subject == "overall" || r.stage != "computed") continue;
    if (!any) std::cout << "    By area:\n";
    any = true;
    std::cout << "      " << for_terminal(words.line(r)) << "\n";
  }
}

void print_readable(const AssessRun& run, bool dry_run, bool brief, const RegimeWords& words) {
  std::cout << run.schools.size() << " schools assessed for " << run.schools.front().body << ", "
            << run.schools.front().period << ", under " << run.regime << " policy " << run.policy_version
            << (dry_run ? " (dry run: nothing stored)" : "") << "\n\n";
  for (auto& a : run.schools) {
    std::string level = a.insufficient() ? kInsufficientEvidenceLabel : a.level;
    for (auto& c : level) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    std::cout << a.urn << "  " << for_terminal(a.name) << "  " << level;
    if (a.decision && a.decision->level != a.computed_level)
      std::cout << "  (decided by " << for_terminal(a.decision->by) << "; computed " << a.computed_level << ")";
    if (a.changed()) std::cout << "  (was " << *a.previous_level << ")";
    if (auto note = a.switch_note()) std::cout << "  (" << *note << ")";
    std::cout << "\n";
    if (brief) continue;
    // A reason comes from a script: its control characters are shown escaped (issue 19).
    for (auto& r : a.reasons) std::cout << "    - " << for_terminal(r) << "\n";
    print_subject_ratings(a, words);
  }
  std::map<std::string, int> counts;
  for (auto& a : run.schools) ++counts[a.level];
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
    AssessRun run = assess_body(db, host, cli.actor(db), cli.clock(), opt);
    for (auto& w : run.warnings) std::cerr << "warning: " << w << "\n";
    if (format == "json") {
      JsonList list(std::cout, 0);  // a school at a time: a country's list is never held whole (issue 18)
      for (const auto& a : run.schools) list.add(to_json(a));
      list.close();
      std::cout << '\n';
    } else {
      // The adopted policy's words: its own indicators' labels (SDK 2's
      // [indicators.X]) as well as the plugin's; else the plugin's alone.
      RegimeWords words;
      try {
        words = RegimeWords(open_policy(run.policy_path, host).description());
      } catch (const std::exception&) {
        try {
          words = RegimeWords(host.description(run.regime));
        } catch (const std::exception&) {  // the ids then stand for themselves
        }
      }
      print_readable(run, dry_run, brief, words);
    }
  });
}

}  // namespace trellis::cli
