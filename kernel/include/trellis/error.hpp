#pragma once
/// The kernel's errors, one per documented exit code.
///
/// Their messages are in the domain's words, for any face: the CLI, the web
/// dashboard, a letter. They never name a flag or a command. What a face needs
/// to say more travels as data beside the message:
///
/// - the `Field`: which input the error is about ("on": the day it was
///   decided, done or planned), so the CLI can name its flag (`--on`) and a
///   form can mark its box;
/// - the `Remedy`: what the person can do next (look at the bodies, assess
///   first, insist), with what it needs (a body, a period, an id), so the CLI
///   can print a command to run and the web a link.
///
///     throw UsageError("a review request needs a reason", Field::reason);
///     throw UsageError("unknown body \"" + id + "\"", Remedy::see_bodies());
///     throw UsageError("nothing has been assessed for example-la in 2018-19",
///                      Remedy::assess_first("example-la", "2018-19"));
///     // the CLI prints: trellis: --reason: a review request needs a reason
///     //                 trellis: nothing has been assessed for example-la in 2018-19;
///     //                          run `trellis assess --body example-la --period 2018-19` first
///
///     throw InputError{{"england_abs.csv", 12, 4}, "a number", "\"12,5\""};
///     // england_abs.csv:12:4: expected a number, found "12,5"
///
/// Both enums are switched over, with no default, by each face, so adding a
/// field or a remedy fails the build (-Wswitch) until every face words it.
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

namespace trellis {

/// Exit codes of the CLI contract.
enum class ExitCode : int { ok = 0, problems = 1, usage = 2, bad_input = 3, internal = 4 };

/// Where in a file something is. Line and column count from 1; 0 means unknown.
struct Location {
  std::string file;
  int line = 0;
  int column = 0;
  std::string to_string() const;  ///< "file:line:col", dropping unknown parts
};

/// The input a person gave that an error is about, in the domain's words.
enum class Field : unsigned char {
  none,
  on,         ///< the day something was decided or done
  from,       ///< the first day something applies (an adoption)
  to,         ///< the last day something applies, or the day an activity moves to
  reason,     ///< why: a review is asked for, an activity moves
  rationale,  ///< why a review's outcome is what it is; the head is told it
  level,      ///< a level on the regime's scale
  period,     ///< the period a file or a command is about
  value,      ///< an item of evidence's value, or the reason it is missing
  school,     ///< the school a person acts for
  text,       ///< the text of a note
  password,   ///< a person's password
  name,       ///< the name of a body or a person
  by,         ///< the name shown as who decided, recorded or asked
  note,       ///< a note kept with a value or an activity
};
/// The field's stable name, for machines (JSON, a form's key): "on", "reason".
std::string_view name(Field f);

/// What the person can do about an error, with what it needs to say so.
struct Remedy {
  enum class Kind : unsigned char {
    none,
    see_bodies,        ///< the body is unknown: look at the bodies there are
    see_schools,       ///< the school is not in the register: look at the register
    see_activities,    ///< no such activity: look at the schedule
    see_notes,         ///< no such note: look at the notes
    see_reviews,       ///< no such review: look at the body's reviews (body, if known)
    see_plugins,       ///< no such regime: look at the installed plugins
    check_policy,      ///< the policy has problems: check it to see them all
    adopt_policy,      ///< the body has no policy in force: adopt one, or try a draft (body)
    assess_first,      ///< nothing assessed yet: assess the body for the period (body, period)
    init_database,     ///< the file is not a database yet: create it
    upgrade_database,  ///< the database is older than the program: upgrade it
    insist,            ///< unusual but possible (a Saturday visit): say so explicitly to go ahead
    move_first,        ///< done before it was planned: move the activity first (id)
    start_review,      ///< the review has not been started: start it (id)
    decide_changed,    ///< decide "changed" with the new level (level, when known)
    decide_confirmed,  ///< the level stays as it is: decide "confirmed"
    give_period,       ///< the file does not say its period: give it
    name_format,       ///< the file's format is not recognised: name it
    see_cases_format,  ///< a policy's test cases are missing: see what the file holds
  };
  Kind kind = Kind::none;
  std::string body;     ///< see_reviews, adopt_policy, assess_first
  std::string period;   ///< assess_first
  std::int64_t id = 0;  ///< the activity (move_first) or review (start_review)
  std::string level;    ///< decide_changed: the level asked for, empty if none was

  static Remedy see_bodies() { return of(Kind::see_bodies); }
  static Remedy see_schools() { return of(Kind::see_schools); }
  static Remedy see_activities() { return of(Kind::see_activities); }
  static Remedy see_notes() { return of(Kind::see_notes); }
  static Remedy see_reviews(std::string body = {}) { return of(Kind::see_reviews, std::move(body)); }
  static Remedy see_plugins() { return of(Kind::see_plugins); }
  static Remedy check_policy() { return of(Kind::check_policy); }
  static Remedy adopt_policy(std::string body) { return of(Kind::adopt_policy, std::move(body)); }
  static Remedy assess_first(std::string body, std::string period) {
    return of(Kind::assess_first, std::move(body), std::move(period));
  }
  static Remedy init_database() { return of(Kind::init_database); }
  static Remedy upgrade_database() { return of(Kind::upgrade_database); }
  static Remedy insist() { return of(Kind::insist); }
  static Remedy move_first(std::int64_t activity) { return of(Kind::move_first, {}, {}, activity); }
  static Remedy start_review(std::int64_t review) { return of(Kind::start_review, {}, {}, review); }
  static Remedy decide_changed(std::string level = {}) { return of(Kind::decide_changed, {}, {}, 0, std::move(level)); }
  static Remedy decide_confirmed() { return of(Kind::decide_confirmed); }
  static Remedy give_period() { return of(Kind::give_period); }
  static Remedy name_format() { return of(Kind::name_format); }
  static Remedy see_cases_format() { return of(Kind::see_cases_format); }

 private:
  static Remedy of(Kind kind, std::string body = {}, std::string period = {}, std::int64_t id = 0,
                   std::string level = {}) {
    Remedy r;
    r.kind = kind;
    r.body = std::move(body);
    r.period = std::move(period);
    r.id = id;
    r.level = std::move(level);
    return r;
  }
};
/// The remedy's stable name, for machines: "see_bodies", "assess_first".
std::string_view name(Remedy::Kind k);

/// What every kernel error carries: a message in domain words, the field it is
/// about and the remedy, if any. Catch the classes below, which fix the exit code.
class Error : public std::runtime_error {
 public:
  explicit Error(const std::string& message, Field field = Field::none, Remedy remedy = {});
  Error(const std::string& message, Remedy remedy) : Error(message, Field::none, std::move(remedy)) {}
  Field field() const noexcept { return field_; }
  const Remedy& remedy() const noexcept { return remedy_; }

 private:
  Field field_;
  Remedy remedy_;
};

/// Bad input: a file, policy or script the user gave us. Exit code 3.
class InputError : public Error {
 public:
  InputError(Location where, std::string expected, std::string found, Field field = Field::none, Remedy remedy = {});
  InputError(Location where, std::string expected, std::string found, Remedy remedy)
      : InputError(std::move(where), std::move(expected), std::move(found), Field::none, std::move(remedy)) {}
  /// For problems that are not a mismatch, e.g. "file is empty".
  InputError(Location where, std::string message, Field field = Field::none, Remedy remedy = {});
  InputError(Location where, std::string message, Remedy remedy)
      : InputError(std::move(where), std::move(message), Field::none, std::move(remedy)) {}
  const Location& where() const { return where_; }

 private:
  Location where_;
};

/// Input refused before it is parsed, because parsing it could exhaust the
/// stack or memory (a key of 50,000 dotted parts): never a finding of a
/// check that goes on, always exit code 3 (issue 19).
class InputBeyondBounds : public InputError {
 public:
  using InputError::InputError;
};

/// Wrong use of a command: unknown body, bad option value. Exit code 2.
class UsageError : public Error {
 public:
  using Error::Error;
};

/// A stored state that forbids the request, e.g. a database newer than the program. Exit code 3.
class StoreError : public Error {
 public:
  using Error::Error;
};

/// The acting person's role does not allow the request: a head moderating, a
/// viewer writing, an unknown person. Exit code 3, nothing written.
class NotPermitted : public Error {
 public:
  using Error::Error;
};

/// The job ran and found problems (a failed policy check, failed policy
/// tests); what they were has already been printed. Exit code 1.
class ProblemsFound : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace trellis
