#pragma once
/// Text as it comes in and goes out: every way in takes UTF-8 only, and what
/// reaches a terminal carries no control sequence (issue 19).
///
///     if (auto at = first_invalid_utf8(name)) ...   // byte offset of the fault
///     std::cout << for_terminal("\x1b]0;pwned\x07"); // prints \x1b]0;pwned\x07
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "trellis/error.hpp"

namespace trellis {

/// The longest name (a school's, a body's, a person's, who decided) and the
/// longest prose (a rationale, a reason, a note) stored, in bytes (issue 19).
constexpr std::size_t kMaxNameBytes = 200;
constexpr std::size_t kMaxProseBytes = 4000;

/// Throws UsageError naming `field` unless `text` is UTF-8 of at most
/// `max_bytes`; `what` is how the message names it ("a body's name").
void require_text(std::string_view text, std::size_t max_bytes, std::string_view what, Field field);

/// The offset of the first byte that is not well-formed UTF-8 (overlong forms,
/// surrogates and code points past U+10FFFF included); none when it all is.
std::optional<std::size_t> first_invalid_utf8(std::string_view text);

/// `text` with every control character shown escaped, never sent raw: C0
/// controls and DEL as \n, \t, \r or \xNN, C1 controls and bidirectional
/// overrides and isolates as \u{XXXX}, and bytes that are not UTF-8 as \xNN.
std::string for_terminal(std::string_view text);

/// `text` without control characters (C0 but tab and line feed, DEL, C1),
/// and with bytes that are not UTF-8 dropped: for formats that allow none,
/// such as iCalendar's TEXT (RFC 5545 3.3.11).
std::string without_controls(std::string_view text);

/// A CSV cell a spreadsheet will not run (OWASP's rule for CSV injection): a
/// cell starting with =, +, -, @, a tab or a carriage return gets a leading
/// apostrophe, unless it is a plain number such as -3.5. Quoting is the
/// writer's job; this only neutralises.
std::string spreadsheet_safe(std::string_view cell);

/// One field of a CSV file Trellis writes (RFC 4180): spreadsheet_safe, then
/// quoted, with its quotes doubled, when it holds a comma, a quote, CR or LF.
std::string csv_field(std::string_view text);

}  // namespace trellis
