#pragma once
// What reaches a terminal carries no control sequence from data (issue 19):
// a stream buffer in front of standard output and standard error that shows
// every control character, C1 control and bidirectional override escaped, as
// for_terminal does, line by line; line feeds, and CR before a line feed,
// pass. Every verb's text is covered, not only the tables and reasons that
// escape their own cells.
#include <streambuf>
#include <string>
#include <string_view>

namespace trellis::cli {

class TerminalBuffer : public std::streambuf {
 public:
  explicit TerminalBuffer(std::streambuf* out) : out_(out) {}
  TerminalBuffer(const TerminalBuffer&) = delete;
  TerminalBuffer& operator=(const TerminalBuffer&) = delete;

 protected:
  int_type overflow(int_type c) override;
  std::streamsize xsputn(const char* s, std::streamsize n) override;
  int sync() override;

 private:
  void emit(std::string_view text);  ///< whole lines, or what is left at a flush
  std::streambuf* out_;
  std::string pending_;  ///< the line being written
  bool failed_ = false;  ///< a write to `out_` fell short: the flush reports it
};

/// Machine formats (--format json, csv or ics) keep their bytes when standard
/// output is not a terminal: a file or a pipe gets the data as stored.
bool machine_format(int argc, char** argv);

/// Puts a TerminalBuffer in front of std::cerr, and of std::cout unless a
/// machine format goes to a file or pipe; flushes and takes them away again
/// when it ends.
class TerminalGuard {
 public:
  TerminalGuard(int argc, char** argv);
  ~TerminalGuard();
  TerminalGuard(const TerminalGuard&) = delete;
  TerminalGuard& operator=(const TerminalGuard&) = delete;

 private:
  TerminalBuffer out_, err_;
  std::streambuf* old_out_;
  std::streambuf* old_err_;
};

}  // namespace trellis::cli
