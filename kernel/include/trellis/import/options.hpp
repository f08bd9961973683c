#pragma once
/// What every import takes and what it reports back.
///
///     ImportOptions o{.file = "england_abs.csv", .period = "2018-19"};
///     o.progress = [](std::uint64_t done, std::uint64_t total) { ... };  // bytes
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include "trellis/error.hpp"

namespace trellis {

struct ImportOptions {
  std::filesystem::path file = {};
  std::optional<std::string> format = {};  ///< detected from the header when absent
  std::optional<std::string> period = {};  ///< for evidence: the period the file is about
  /// Import the valid rows and report the others, instead of stopping at the first.
  bool keep_going = false;
  /// Called now and then with bytes read and the file's size.
  std::function<void(std::uint64_t done, std::uint64_t total)> progress = {};
};

/// A row left out by `keep_going`, and why.
struct RejectedRow {
  Location where;
  std::string reason;  ///< the InputError's message, with file:line:col
};

}  // namespace trellis
