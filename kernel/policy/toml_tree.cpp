#include "toml_tree.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <sstream>

namespace trellis::policy_tree {
namespace {

bool as_index(std::string_view s, std::size_t& out) {
  if (s.empty()) return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc{} && p == s.data() + s.size();
}

// One step down from `at` by `segment`, as walk() takes it; null when absent.
// Both find()s go by it.
const toml::node* child(const toml::node& at, std::string_view segment) {
  if (const auto* table = at.as_table()) return table->get(segment);
  std::size_t i = 0;
  if (const auto* array = at.as_array(); array && as_index(segment, i) && i < array->size()) return array->get(i);
  return nullptr;
}

struct Step {
  const toml::node* node = nullptr;
  const toml::key* key = nullptr;
};

// Follows `path` as far as it goes: one step per segment found.
std::vector<Step> walk(const toml::table& root, const Segments& path) {
  std::vector<Step> steps;
  const toml::node* at = &root;
  for (const auto& segment : path) {
    Step step;
    if (const auto* table = at->as_table()) {
      auto it = table->find(segment);
      if (it == table->end()) break;
      step = {&it->second, &it->first};
    } else if (const auto* array = at->as_array()) {
      std::size_t i = 0;
      if (!as_index(segment, i) || i >= array->size()) break;
      step = {array->get(i), nullptr};
    } else {
      break;
    }
    steps.push_back(step);
    at = step.node;
  }
  return steps;
}

Location nearest(const std::vector<Step>& steps, const std::string& file, bool want_value) {
  if (steps.empty()) return {file, 1, 1};
  const Step& last = steps.back();
  if (!want_value && last.key) return location(file, last.key->source());
  return location(file, last.node->source());
}

}  // namespace

Segments split(std::string_view path) {
  Segments out;
  while (!path.empty()) {
    const auto dot = path.find('.');
    out.emplace_back(path.substr(0, dot));
    if (dot == std::string_view::npos) break;
    path.remove_prefix(dot + 1);
  }
  return out;
}

std::string join(const Segments& segments, std::size_t count) {
  std::string out;
  for (std::size_t i = 0; i < count && i < segments.size(); ++i) out += (i ? "." : "") + segments[i];
  return out;
}

const toml::node* find(const toml::table& root, const Segments& path) {
  const toml::node* at = &root;
  for (auto segment = path.begin(); at && segment != path.end(); ++segment) at = child(*at, *segment);
  return at;
}

const toml::node* find(const toml::table& root, std::string_view dotted) {
  const toml::node* at = &root;
  while (at && !dotted.empty()) {  // the segments split() would give, one at a time
    const auto dot = dotted.find('.');
    at = child(*at, dotted.substr(0, dot));
    if (dot == std::string_view::npos) break;
    dotted.remove_prefix(dot + 1);
  }
  return at;
}

Location location(const std::string& file, const toml::source_region& region) {
  return {file, static_cast<int>(region.begin.line), static_cast<int>(region.begin.column)};
}

Location key_location(const toml::table& root, const std::string& file, const Segments& path) {
  return nearest(walk(root, path), file, false);
}

Location value_location(const toml::table& root, const std::string& file, const Segments& path) {
  auto steps = walk(root, path);
  return nearest(steps, file, steps.size() == path.size());
}

std::vector<Entry> entries(const toml::table& table) {
  std::vector<Entry> out;
  for (auto&& [key, node] : table) out.push_back({std::string(key.str()), &key, &node});
  auto position = [](const Entry& e) {
    const auto& b = e.key->source().begin;
    return std::pair(b.line, b.column);
  };
  std::stable_sort(out.begin(), out.end(), [&](const Entry& a, const Entry& b) { return position(a) < position(b); });
  return out;
}

std::vector<Entry> children(const toml::node& node) {
  if (const auto* table = node.as_table()) return entries(*table);
  std::vector<Entry> out;
  if (const auto* array = node.as_array())
    for (std::size_t i = 0; i < array->size(); ++i) out.push_back({std::to_string(i), nullptr, array->get(i)});
  return out;
}

std::string date_text(const toml::date& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04u-%02u-%02u", static_cast<unsigned>(d.year) % 10000u,
                static_cast<unsigned>(d.month) % 100u, static_cast<unsigned>(d.day) % 100u);
  return buf;
}

std::string kind(const toml::node& node) {
  switch (node.type()) {
    case toml::node_type::string: return "a string";
    case toml::node_type::integer: return "an integer";
    case toml::node_type::floating_point: return "a number";
    case toml::node_type::boolean: return "a boolean";
    case toml::node_type::date: return "a date";
    case toml::node_type::time: return "a time";
    case toml::node_type::date_time: return "a date-time";
    case toml::node_type::array: return "an array";
    case toml::node_type::table: return "a table";
    default: return "nothing";
  }
}

std::string shown(const toml::node& node) {
  std::ostringstream out;
  switch (node.type()) {
    case toml::node_type::string: out << '"' << node.as_string()->get() << '"'; break;
    case toml::node_type::integer: out << node.as_integer()->get(); break;
    case toml::node_type::floating_point: out << *node.as_floating_point(); break;
    case toml::node_type::boolean: out << (node.as_boolean()->get() ? "true" : "false"); break;
    case toml::node_type::date: out << date_text(node.as_date()->get()); break;
    case toml::node_type::time: out << *node.as_time(); break;
    case toml::node_type::date_time: out << *node.as_date_time(); break;
    default: out << kind(node);
  }
  return out.str();
}

}  // namespace trellis::policy_tree
