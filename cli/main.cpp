// trellis: the command line, a thin face over the kernel.
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <iostream>

#include "cli.hpp"
#include "terminal.hpp"
#include "trellis/error.hpp"

using trellis::ExitCode;

int main(int argc, char** argv) {
  CLI::App app{"Trellis: school accountability regimes for trusts and local authorities"};
  app.require_subcommand(1);
  app.fallthrough();  // --db may come after the verb
  trellis::cli::Cli cli;
  const char* env_db = std::getenv("TRELLIS_DB");
  cli.db_path = env_db && *env_db ? env_db : "trellis.db";
  app.add_option("--db", cli.db_path, "Database file (default ./trellis.db, or $TRELLIS_DB)");
  app.add_option("--as", cli.as, "The person acting (default $TRELLIS_USER, else $USER); see `trellis person list`");

  trellis::cli::add_init(app, cli);
  trellis::cli::add_body(app, cli);
  trellis::cli::add_assess(app, cli);
  trellis::cli::add_rate(app, cli);
  trellis::cli::add_report(app, cli);
  trellis::cli::add_demo(app, cli);
  trellis::cli::add_record(app, cli);
  // VERBS: helpers register their verb groups below this line.
  trellis::cli::add_policy(app, cli);
  trellis::cli::add_schedule(app, cli);
  trellis::cli::add_plugins(app, cli);
  trellis::cli::add_import(app, cli);
  trellis::cli::add_import_ratings(app, cli);  // after add_import: it adds to that group
  trellis::cli::add_schools(app, cli);
  trellis::cli::add_evidence(app, cli);
  trellis::cli::add_review(app, cli);
  trellis::cli::add_person(app, cli);
  trellis::cli::add_audit(app, cli);
  trellis::cli::add_note(app, cli);
  trellis::cli::add_letters(app, cli);
  trellis::cli::add_compare(app, cli);
  trellis::cli::add_history(app, cli);
  trellis::cli::add_plan(app, cli);
  trellis::cli::add_serve(app, cli);

  trellis::cli::check_whole_numbers(app);

  // Control characters from data never reach a terminal raw (issue 19); the
  // guard flushes at every return below, and the final flush checks it.
  trellis::cli::TerminalGuard terminal(argc, argv);
  auto fail = [](ExitCode code, const std::string& msg) {
    std::cerr << "trellis: " << msg << "\n";
    return static_cast<int>(code);
  };
  // Text that is not UTF-8 would be stored, and later break every output that shows it (issue 19).
  if (auto bad = trellis::cli::non_utf8_argument(argc, argv)) return fail(ExitCode::usage, *bad);
  if (auto unknown = trellis::cli::unknown_verb(app, argc, argv))
    return fail(ExitCode::usage, *unknown);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? 0 : static_cast<int>(ExitCode::usage);
  } catch (const trellis::UsageError& e) {
    return fail(ExitCode::usage, trellis::cli::explain(e));
  } catch (const trellis::InputError& e) {
    return fail(ExitCode::bad_input, trellis::cli::explain(e));
  } catch (const trellis::NotPermitted& e) {
    return fail(ExitCode::bad_input, "refused: " + trellis::cli::explain(e));
  } catch (const trellis::StoreError& e) {
    return fail(ExitCode::bad_input, trellis::cli::explain(e));
  } catch (const trellis::ProblemsFound& e) {
    return static_cast<int>(ExitCode::problems);
  } catch (const std::exception& e) {
    return fail(ExitCode::internal, std::string("internal error: ") + e.what());
  }
  // A full disk or a closed pipe loses what was printed: that is a failure, not success (issue 19).
  errno = 0;
  if (!std::cout.flush()) {
    const int err = errno;
    return fail(ExitCode::bad_input, std::string("cannot write to standard output") +
                                         (err ? std::string(": ") + std::strerror(err) : std::string()) +
                                         "; what was printed is incomplete (anything the command stored is kept: see `trellis audit`)");
  }
  return 0;
}
