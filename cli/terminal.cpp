#include "terminal.hpp"

#include <unistd.h>

#include <cstring>
#include <iostream>

#include "trellis/text.hpp"

namespace trellis::cli {

TerminalBuffer::int_type TerminalBuffer::overflow(int_type c) {
  if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
  const char ch = traits_type::to_char_type(c);
  xsputn(&ch, 1);
  return c;
}

std::streamsize TerminalBuffer::xsputn(const char* s, std::streamsize n) {
  pending_.append(s, static_cast<std::size_t>(n));
  if (std::memchr(s, '\n', static_cast<std::size_t>(n))) {
    const std::size_t end = pending_.rfind('\n') + 1;
    emit(std::string_view(pending_).substr(0, end));
    pending_.erase(0, end);
  }
  return n;
}

int TerminalBuffer::sync() {
  emit(pending_);
  pending_.clear();
  const bool ok = !failed_ && out_->pubsync() == 0;
  failed_ = false;
  return ok ? 0 : -1;
}

void TerminalBuffer::emit(std::string_view text) {
  std::string shown;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find('\n', start);
    const std::size_t stop = end == std::string_view::npos ? text.size() : end;
    std::string_view line = text.substr(start, stop - start);
    const bool crlf = end != std::string_view::npos && !line.empty() && line.back() == '\r';
    if (crlf) line.remove_suffix(1);  // CSV's and ICS's CRLF stays CRLF
    shown += for_terminal(line);
    if (crlf) shown += '\r';
    if (end != std::string_view::npos) shown += '\n';
    start = stop + 1;
  }
  const auto n = static_cast<std::streamsize>(shown.size());
  if (out_->sputn(shown.data(), n) != n) failed_ = true;
}

bool machine_format(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    std::string_view value;
    if (arg == "--format" && i + 1 < argc) value = argv[i + 1];
    else if (arg.rfind("--format=", 0) == 0) value = arg.substr(9);
    if (value == "json" || value == "csv" || value == "ics") return true;
  }
  return false;
}

TerminalGuard::TerminalGuard(int argc, char** argv)
    : out_(std::cout.rdbuf()), err_(std::cerr.rdbuf()), old_out_(std::cout.rdbuf()), old_err_(std::cerr.rdbuf()) {
  if (!machine_format(argc, argv) || isatty(STDOUT_FILENO)) std::cout.rdbuf(&out_);
  std::cerr.rdbuf(&err_);
}

TerminalGuard::~TerminalGuard() {
  std::cout.flush();
  std::cerr.flush();
  std::cout.rdbuf(old_out_);
  std::cerr.rdbuf(old_err_);
}

}  // namespace trellis::cli
