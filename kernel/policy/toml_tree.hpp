#pragma once
// Internal to tk_policy: walking a toml++ document by dotted path, in file
// order, with locations. Nothing outside kernel/policy/ includes toml++.
#include <toml++/toml.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "trellis/error.hpp"

namespace trellis::policy_tree {

using Segments = std::vector<std::string>;

Segments split(std::string_view path);
std::string join(const Segments& segments, std::size_t count);

/// The node at `path`; a number segment indexes an array. Null when absent.
const toml::node* find(const toml::table& root, const Segments& path);
/// The same for a dotted path as split() reads it, without splitting it into
/// strings: a regime reads its policy this way for every school.
const toml::node* find(const toml::table& root, std::string_view dotted);

Location location(const std::string& file, const toml::source_region& region);

/// Where `path`'s key is written (for an array element: its value), or the
/// nearest ancestor's when absent; {file, 1, 1} for the root.
Location key_location(const toml::table& root, const std::string& file, const Segments& path);
/// Where `path`'s value is written; falls back like key_location.
Location value_location(const toml::table& root, const std::string& file, const Segments& path);

struct Entry {
  std::string name;  ///< the key, or the index for array elements
  const toml::key* key = nullptr;  ///< null for array elements
  const toml::node* node = nullptr;
};
/// A table's entries in file order (toml++ keeps tables ordered by key).
std::vector<Entry> entries(const toml::table& table);
/// A table's or an array's children, in file order.
std::vector<Entry> children(const toml::node& node);

std::string date_text(const toml::date& d);
/// "a string", "an integer", "a number", "a date", "a table", ...
std::string kind(const toml::node& node);
/// The value as a reader would write it: "12", "2.5", "\"text\"", "2024-09-01", "a table".
std::string shown(const toml::node& node);

}  // namespace trellis::policy_tree
