#include "trellis/error.hpp"

namespace trellis {

// Strings are built by appending, never with "literal" + std::string&&: that
// overload inserts at the front, which GCC 12 at -O3 flags with a bogus
// -Wrestrict (GCC bugs 105329, 105651), failing a Release build under -Werror.
std::string Location::to_string() const {
  std::string s = file.empty() ? "<input>" : file;
  if (line > 0) {
    s += ':';
    s += std::to_string(line);
    if (column > 0) {
      s += ':';
      s += std::to_string(column);
    }
  }
  return s;
}

InputError::InputError(Location where, std::string expected, std::string found)
    : std::runtime_error(where.to_string() + ": expected " + expected + ", found " + found),
      where_(std::move(where)) {}

InputError::InputError(Location where, std::string message)
    : std::runtime_error(where.to_string() + ": " + message), where_(std::move(where)) {}

}  // namespace trellis
