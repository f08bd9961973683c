#pragma once
/// JSON written an element at a time, byte for byte as nlohmann's dump(2)
/// would print the whole (invalid UTF-8 shown as U+FFFD, as everywhere we
/// print JSON): a country's list is never held as one JSON value (issue 18).
///
///     JsonList list(out, 0);            // a list at the top level: "[\n  {...},\n  {...}\n]"
///     std::string text;
///     for (auto& a : activities) {
///       text.clear();
///       put_json(text, a, today, 1);    // the element as dump(2) prints it one level in
///       list.add_written(text);
///     }
///     list.close();
#include <array>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "trellis/text.hpp"

namespace trellis {

inline std::string dump_indented(const nlohmann::json& v) {
  return v.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

/// `v` as dump(2) prints it `depth` levels in: each line after its first
/// indented by 2 * depth. nlohmann's own serializer, started that far in,
/// writes it straight to `out`: no copy of the text, no second pass over it.
inline void put_nested(std::ostream& out, const nlohmann::json& v, int depth) {
  nlohmann::detail::serializer<nlohmann::json> text(nlohmann::detail::output_adapter<char>(out), ' ',
                                                    nlohmann::json::error_handler_t::replace);
  text.dump(v, true, false, 2, static_cast<unsigned>(2 * depth));
}

/// Appends `text` as a JSON string, as dump() prints it. Well-formed UTF-8
/// with nothing to escape (most of what is printed) is copied as it is, as
/// dump() copies it; a string with an escape or an invalid byte goes through
/// nlohmann's serializer.
inline void put_string(std::string& out, std::string_view text) {
  // Per byte, one look-up (a country's reasons are tens of megabytes): 1 for
  // printable ASCII, 2 for a byte of a multi-byte sequence, 0 for what dump() escapes.
  static constexpr auto kKind = [] {
    std::array<unsigned char, 256> kind{};
    for (int c = 0x20; c < 0x7f; ++c) kind[static_cast<std::size_t>(c)] = c != '"' && c != '\\';
    for (int c = 0x80; c < 0x100; ++c) kind[static_cast<std::size_t>(c)] = 2;
    return kind;
  }();
  unsigned char seen = 1;
  for (char c : text) {
    const unsigned char kind = kKind[static_cast<unsigned char>(c)];
    if (!kind) {
      seen = 0;
      break;
    }
    seen |= kind;
  }
  if (seen == 1 || (seen == 3 && !first_invalid_utf8(text))) {
    out += '"';
    out += text;
    out += '"';
    return;
  }
  nlohmann::detail::serializer<nlohmann::json> escaped(nlohmann::detail::output_adapter<char>(out), ' ',
                                                       nlohmann::json::error_handler_t::replace);
  escaped.dump(nlohmann::json(text), false, false, 0);
}

/// A text that may be empty: null when it is.
inline void put_text_or_null(std::string& out, const std::string& text) {
  if (text.empty()) out += "null";
  else put_string(out, text);
}

/// A text that may be absent: null when it is.
inline void put_optional(std::string& out, const std::optional<std::string>& text) {
  if (text) put_string(out, *text);
  else out += "null";
}

/// A number that may be absent: null when it is.
inline void put_optional(std::string& out, const std::optional<std::int64_t>& n) {
  if (n) out += std::to_string(*n);
  else out += "null";
}

/// An object written as dump(2) writes it `depth` levels in: key() starts each
/// member, in the order given (sorted, as nlohmann's objects keep them).
class PrettyObject {
 public:
  PrettyObject(std::string& out, int depth) : out_(out), depth_(depth) {}
  /// Starts the member `name`; its value follows.
  std::string& key(std::string_view name) {
    out_ += first_ ? "{\n" : ",\n";
    first_ = false;
    out_.append(static_cast<std::size_t>(2 * (depth_ + 1)), ' ');
    put_string(out_, name);
    out_ += ": ";
    return out_;
  }
  void close() {
    if (first_) {
      out_ += "{}";
      return;
    }
    out_ += '\n';
    out_.append(static_cast<std::size_t>(2 * depth_), ' ');
    out_ += '}';
  }

 private:
  std::string& out_;
  int depth_;
  bool first_ = true;
};

/// A list written as dump(2) writes it `depth` levels in, each element by `put(out, element, depth + 1)`.
template <typename List, typename Put>
void put_list(std::string& out, const List& list, int depth, const Put& put) {
  if (list.empty()) {
    out += "[]";
    return;
  }
  bool first = true;
  for (const auto& element : list) {
    out += first ? "[\n" : ",\n";
    first = false;
    out.append(static_cast<std::size_t>(2 * (depth + 1)), ' ');
    put(out, element, depth + 1);
  }
  out += '\n';
  out.append(static_cast<std::size_t>(2 * depth), ' ');
  out += ']';
}

/// A list of strings, as put_list writes it.
inline void put_strings(std::string& out, const std::vector<std::string>& list, int depth) {
  put_list(out, list, depth, [](std::string& o, const std::string& text, int) { put_string(o, text); });
}

/// A list `depth` levels in, its elements added one by one; close() ends it.
class JsonList {
 public:
  JsonList(std::ostream& out, int depth) : out_(out), depth_(depth) {}
  void add(const nlohmann::json& element) {
    next();
    put_nested(out_, element, depth_ + 1);
  }
  /// Adds an element already written as put_nested writes it `depth + 1` levels in.
  void add_written(std::string_view element) {
    next();
    out_ << element;
  }
  void close() {
    if (empty_) out_ << "[]";
    else out_ << '\n' << std::string(static_cast<std::size_t>(2 * depth_), ' ') << ']';
  }

 private:
  void next() {
    out_ << (empty_ ? "[\n" : ",\n") << std::string(static_cast<std::size_t>(2 * (depth_ + 1)), ' ');
    empty_ = false;
  }
  std::ostream& out_;
  int depth_;
  bool empty_ = true;
};

}  // namespace trellis
