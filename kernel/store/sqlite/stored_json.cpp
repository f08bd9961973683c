// A reader of the shapes SqliteStore writes (assessments.cpp), for text as
// nlohmann's dump() prints it. Anything else (another key, a number that is
// not a plain integer, malformed text) is left to nlohmann, which reads or
// refuses it as it always did: the fast path never decides a harder case.
#include "stored_json.hpp"

#include <cstring>
#include <nlohmann/json.hpp>
#include <optional>

#include "trellis/text.hpp"

namespace trellis::sqlite {
namespace {

/// Not the shape written: nlohmann reads the text instead.
struct Unusual {};

class Cursor {
 public:
  explicit Cursor(std::string_view text) : at_(text.data()), end_(text.data() + text.size()) {}

  void skip_space() {
    while (at_ != end_ && (*at_ == ' ' || *at_ == '\n' || *at_ == '\r' || *at_ == '\t')) ++at_;
  }
  /// Skips space and takes `c` when it comes next.
  bool take(char c) {
    skip_space();
    if (at_ == end_ || *at_ != c) return false;
    ++at_;
    return true;
  }
  void expect(char c) {
    if (!take(c)) throw Unusual{};
  }
  void expect_end() {
    skip_space();
    if (at_ != end_) throw Unusual{};
  }

  /// A string with no escape but \" \\ \/ \b \f \n \r \t, in well-formed UTF-8.
  std::string text() {
    expect('"');
    std::string out;
    bool wide = false;  // a byte past ASCII: the whole is checked once read
    for (;;) {
      const char* run = at_;
      while (at_ != end_ && *at_ != '"' && *at_ != '\\' && static_cast<unsigned char>(*at_) >= 0x20) {
        wide |= static_cast<unsigned char>(*at_) >= 0x80;
        ++at_;
      }
      out.append(run, static_cast<std::size_t>(at_ - run));
      if (at_ == end_ || static_cast<unsigned char>(*at_) < 0x20) throw Unusual{};
      if (*at_++ == '"') break;
      if (at_ == end_) throw Unusual{};
      switch (*at_++) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        default: throw Unusual{};  // \u and anything else: nlohmann's
      }
    }
    if (wide && first_invalid_utf8(out)) throw Unusual{};
    return out;
  }

  /// A plain integer of at most 18 digits: no sign but '-', no fraction, no exponent, no leading zero.
  std::int64_t integer() {
    skip_space();
    const bool negative = at_ != end_ && *at_ == '-';
    if (negative) ++at_;
    const char* first = at_;
    std::int64_t v = 0;
    while (at_ != end_ && *at_ >= '0' && *at_ <= '9') v = v * 10 + (*at_++ - '0');
    const auto digits = at_ - first;
    if (digits == 0 || digits > 18 || (digits > 1 && *first == '0')) throw Unusual{};
    if (at_ != end_ && (*at_ == '.' || *at_ == 'e' || *at_ == 'E')) throw Unusual{};
    return negative ? -v : v;
  }

  /// `[item, ...]`, each read by `read`.
  template <typename Read>
  void list(const Read& read) {
    expect('[');
    if (take(']')) return;
    do read();
    while (take(','));
    expect(']');
  }

 private:
  const char* at_;
  const char* end_;
};

std::vector<std::string> texts(Cursor& c) {
  std::vector<std::string> out;
  c.list([&] { out.push_back(c.text()); });
  return out;
}

sdk::RatingOut rating(Cursor& c) {
  std::optional<std::string> subject, level, stage;
  sdk::RatingOut r;
  c.expect('{');
  if (c.take('}')) throw Unusual{};
  do {
    const std::string key = c.text();
    c.expect(':');
    // A key given twice: the last counts, as nlohmann keeps it.
    if (key == "subject") subject = c.text();
    else if (key == "level") level = c.text();
    else if (key == "stage") stage = c.text();
    else if (key == "rationale") r.rationale = c.text();
    else if (key == "evidence") {
      r.evidence.clear();
      c.list([&] { r.evidence.push_back(c.integer()); });
    }
    else if (key == "reasons") r.reasons = texts(c);
    else throw Unusual{};
  } while (c.take(','));
  c.expect('}');
  if (!subject || !level || !stage) throw Unusual{};
  r.subject = std::move(*subject);
  r.level = std::move(*level);
  r.stage = std::move(*stage);
  return r;
}

/// A parsed item: subject, level and stage required; rows written before SDK 2 hold only those.
sdk::RatingOut rating_of(const nlohmann::json& j) {
  sdk::RatingOut r{j.at("subject"), j.at("level"), j.at("stage"), j.value("rationale", std::string()), {}};
  r.evidence = j.value("evidence", std::vector<std::int64_t>());
  r.reasons = j.value("reasons", std::vector<std::string>());
  return r;
}

}  // namespace

std::vector<std::string> stored_reasons(std::string_view text) {
  try {
    Cursor c(text);
    auto out = texts(c);
    c.expect_end();
    return out;
  } catch (const Unusual&) {
    return nlohmann::json::parse(text).get<std::vector<std::string>>();
  }
}

std::vector<sdk::RatingOut> stored_ratings(std::string_view text) {
  std::vector<sdk::RatingOut> out;
  try {
    Cursor c(text);
    c.list([&] { out.push_back(rating(c)); });
    c.expect_end();
    return out;
  } catch (const Unusual&) {
    out.clear();
    for (auto& r : nlohmann::json::parse(text)) out.push_back(rating_of(r));
    return out;
  }
}

}  // namespace trellis::sqlite
