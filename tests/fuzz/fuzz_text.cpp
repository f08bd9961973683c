// libFuzzer target (issue 19): text checks and terminal, ICS and CSV output.
// Whatever the bytes, for_terminal sends no control byte, without_controls
// leaves UTF-8 without controls, and spreadsheet_safe never starts a formula.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "trellis/text.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  const std::string shown = trellis::for_terminal(in);
  for (unsigned char c : shown)
    if (c < 0x20 || c == 0x7f) std::abort();
  if (trellis::first_invalid_utf8(shown)) std::abort();
  const std::string plain = trellis::without_controls(in);
  if (trellis::first_invalid_utf8(plain)) std::abort();
  for (unsigned char c : plain)
    if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7f) std::abort();
  const std::string cell = trellis::spreadsheet_safe(in);
  if (!cell.empty() && (cell[0] == '=' || cell[0] == '@' || cell[0] == '\t' || cell[0] == '\r')) std::abort();
  if (!trellis::first_invalid_utf8(in) && trellis::for_terminal(in).size() < in.size()) std::abort();
  return 0;
}
