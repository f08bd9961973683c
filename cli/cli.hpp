#pragma once
// What every verb shares: the database location, the acting user, output.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "trellis/actor.hpp"
#include "trellis/clock.hpp"
#include "trellis/date.hpp"
#include "trellis/error.hpp"
#include "trellis/letter.hpp"
#include "trellis/store/database.hpp"

namespace trellis::cli {

/// $TRELLIS_NOW (an ISO-8601 UTC time, for reproducible tests and demos), else the system clock.
Clock environment_clock();

struct Cli {
  std::string db_path;  ///< --db, else $TRELLIS_DB, else ./trellis.db
  std::string as;       ///< --as PERSON

  /// Who is acting: --as, else $TRELLIS_USER, else $USER, else "admin".
  std::string acting_id() const;
  /// The person acting, as the database knows them; NotPermitted (exit 3) for an unknown id.
  Actor actor(Database& db) const;
  /// The clock every verb acts by: environment_clock().
  Clock clock() const { return environment_clock(); }

  /// Opens the database and refuses one whose schema is not current.
  Database open_db() const;
  /// For `init`: opens or creates without the schema check.
  Database open_db_for_init() const;
};

/// The message for a first word that is no verb, naming the nearest one; none when the verb is known.
std::optional<std::string> unknown_verb(CLI::App& app, int argc, char** argv);
/// Makes every integer option of every verb take only a decimal whole number that fits (arguments.cpp).
void check_whole_numbers(CLI::App& app);
/// A day that exists, as YYYY-MM-DD: "2019-02-30" is refused (exit 2).
CLI::Validator iso_date();
/// The message for the first argument that is not UTF-8; none when all are (arguments.cpp).
std::optional<std::string> non_utf8_argument(int argc, char** argv);

/// Adds `--format` limited to `choices`, defaulting to the first.
CLI::Option* add_format(CLI::App& sub, std::string& format, const std::vector<std::string>& choices);

/// Prints rows as an aligned text table with a header.
void print_table(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows);
/// Prints text line by line with every control character in a line shown
/// escaped (for_terminal): ESC or OSC sequences in data never reach the terminal.
void print_text(const std::string& text);
/// Prints CSV (RFC 4180 quoting).
void print_csv(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows);
/// One JSON array, pretty-printed.
void print_json(const nlohmann::json& value);
/// Says which letters a command stored in the outbox and how to write them out:
/// "3 letters to heads are in the outbox (ids 4-6): `trellis letters --body B --period P -o DIR` writes them."
/// ("1 notice is …" when every letter is a notice to the people a policy names.)
void print_letters_stored(const std::vector<Letter>& letters);

// What a kernel error carries as data, in the CLI's words (hints.cpp).
/// The flag that gives a field: Field::on -> "--on".
std::string_view flag(Field f);
/// What to do next, as a command to run: "see `trellis body list`".
std::string hint(const Remedy& r);
/// The message a person reads: "--reason: a review request needs a reason",
/// "unknown body \"x\"; see `trellis body list`".
std::string explain(const Error& e);

// One function per verb group, each in verbs/<group>.cpp.
void add_init(CLI::App& app, Cli& cli);
void add_body(CLI::App& app, Cli& cli);
void add_assess(CLI::App& app, Cli& cli);
void add_rate(CLI::App& app, Cli& cli);    // rate
void add_report(CLI::App& app, Cli& cli);

/// --today, else the date of $TRELLIS_NOW or the clock (schedule, report).
Date today_from(const std::string& option);
void add_demo(CLI::App& app, Cli& cli);
void add_record(CLI::App& app, Cli& cli);
// VERBS: helpers add their declarations below this line.
void add_policy(CLI::App& app, Cli& cli);   // policy check, policy test
void add_schedule(CLI::App& app, Cli& cli);  // schedule, activity done
void add_plugins(CLI::App& app, Cli& cli);
void add_import(CLI::App& app, Cli& cli);    // import schools, import evidence
void add_import_ratings(CLI::App& app, Cli& cli);  // import ratings (needs add_import first)
void add_schools(CLI::App& app, Cli& cli);   // schools
void add_evidence(CLI::App& app, Cli& cli);  // evidence URN
void add_review(CLI::App& app, Cli& cli);    // review (request, start, decide), reviews
void add_person(CLI::App& app, Cli& cli);    // person add, person list
void add_audit(CLI::App& app, Cli& cli);     // audit, audit verify
void add_note(CLI::App& app, Cli& cli);      // note add|send|respond|agree, notes
void add_letters(CLI::App& app, Cli& cli);   // letters: the outbox, listed or written out
void add_compare(CLI::App& app, Cli& cli);   // compare: other policies beside the adopted one
void add_history(CLI::App& app, Cli& cli);   // history URN: one school across bodies and regimes
void add_plan(CLI::App& app, Cli& cli);      // plan: the year's calendar from the adopted policy
void add_serve(CLI::App& app, Cli& cli);     // serve: the web dashboard

}  // namespace trellis::cli
