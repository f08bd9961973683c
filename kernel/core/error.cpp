#include "trellis/error.hpp"

namespace trellis {

std::string Location::to_string() const {
  std::string s = file.empty() ? "<input>" : file;
  if (line > 0) {
    s += ":" + std::to_string(line);
    if (column > 0) s += ":" + std::to_string(column);
  }
  return s;
}

InputError::InputError(Location where, std::string expected, std::string found)
    : std::runtime_error(where.to_string() + ": expected " + expected + ", found " + found),
      where_(std::move(where)) {}

InputError::InputError(Location where, std::string message)
    : std::runtime_error(where.to_string() + ": " + message), where_(std::move(where)) {}

}  // namespace trellis
