#pragma once
/// The kernel's errors, one per documented exit code.
///
///     throw InputError{{"england_abs.csv", 12, 4}, "a number", "\"12,5\""};
///     // england_abs.csv:12:4: expected a number, found "12,5"
#include <stdexcept>
#include <string>

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

/// Bad input: a file, policy or script the user gave us. Exit code 3.
class InputError : public std::runtime_error {
 public:
  InputError(Location where, std::string expected, std::string found);
  /// For problems that are not a mismatch, e.g. "file is empty".
  InputError(Location where, std::string message);
  const Location& where() const { return where_; }

 private:
  Location where_;
};

/// Wrong use of a command: unknown body, bad option value. Exit code 2.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// A stored state that forbids the request, e.g. a database newer than the program. Exit code 3.
class StoreError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// The acting person's role does not allow the request: a head moderating, a
/// viewer writing, an unknown person. Exit code 3, nothing written.
class NotPermitted : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// The job ran and found problems (a failed policy check, failed policy
/// tests); what they were has already been printed. Exit code 1.
class ProblemsFound : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace trellis
