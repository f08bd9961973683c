// libFuzzer target (issue 19): the period and date parsers. What parses
// prints back as it was written (a period or a date is stored as text).
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "trellis/date.hpp"
#include "trellis/period.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  std::string why;
  if (auto p = trellis::Period::try_parse(in, &why)) {
    if (p->to_string() != in) std::abort();
    if (!(trellis::Period::parse(p->to_string()) == *p)) std::abort();
  }
  if (auto d = trellis::Date::try_parse(in, &why))
    if (d->to_string() != in) std::abort();
  return 0;
}
