#include "trellis/period.hpp"

#include <charconv>
#include <tuple>

#include "trellis/error.hpp"

namespace trellis {
namespace {

bool parse_int(std::string_view s, int& out) {
  if (s.empty()) return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc{} && p == s.data() + s.size();
}

}  // namespace

const char* term_name(Term t) {
  switch (t) {
    case Term::autumn: return "autumn";
    case Term::spring: return "spring";
    case Term::summer: return "summer";
  }
  return "?";
}

Period Period::year(int start_year) {
  Period p;
  p.start_year_ = start_year;
  return p;
}

Period Period::term(int start_year, Term t) {
  Period p = year(start_year);
  p.kind_ = Kind::term;
  p.term_ = t;
  return p;
}

Period Period::half_term(int start_year, Term t, int half) {
  Period p = term(start_year, t);
  p.kind_ = Kind::half_term;
  p.half_ = half;
  return p;
}

std::optional<Period> Period::try_parse(std::string_view text, std::string* why) {
  auto fail = [&](std::string msg) -> std::optional<Period> {
    if (why) *why = std::move(msg);
    return std::nullopt;
  };
  // Appended, not "\"" + std::string: see Location::to_string (GCC 12 -Wrestrict at -O3).
  std::string quoted = "\"";
  quoted += text;
  quoted += '"';
  std::string_view year_part = text.substr(0, text.find('/'));
  int first = 0, second = 0;
  if (year_part.size() != 7 || year_part[4] != '-' || !parse_int(year_part.substr(0, 4), first) ||
      !parse_int(year_part.substr(5, 2), second))
    return fail("expected an academic year like 2018-19, found " + quoted);
  // Four digits that print back as four: "0000-01" would be stored as "0-01" (issue 19).
  if (first < 1000) return fail("expected an academic year from 1000-01 on, like 2018-19, found " + quoted);
  if ((first + 1) % 100 != second)
    return fail("expected the second year to follow the first (" + std::to_string(first) + "-" +
                std::to_string((first + 1) % 100 + 100).substr(1) + "), found " + quoted);
  if (year_part.size() == text.size()) return year(first);

  std::string_view rest = text.substr(8);
  int half = 0;
  if (auto dash = rest.find('-'); dash != std::string_view::npos) {
    // One digit: "autumn-02" read as half 2 would not print back as written (found by fuzz_period_date).
    if (rest.size() != dash + 2 || !parse_int(rest.substr(dash + 1), half) || half < 1 || half > 2)
      return fail("expected a half-term 1 or 2 (e.g. 2018-19/autumn-1), found " + quoted);
    rest = rest.substr(0, dash);
  }
  Term t;
  if (rest == "autumn") t = Term::autumn;
  else if (rest == "spring") t = Term::spring;
  else if (rest == "summer") t = Term::summer;
  else
    return fail("expected a term autumn, spring or summer, found \"" + std::string(rest) +
                "\" in " + quoted);
  return half ? half_term(first, t, half) : term(first, t);
}

Period Period::parse(std::string_view text) {
  std::string why;
  if (auto p = try_parse(text, &why)) return *p;
  throw UsageError("bad period: " + why);
}

bool Period::contains(const Period& o) const {
  if (o.start_year_ != start_year_) return false;
  switch (kind_) {
    case Kind::year: return true;
    case Kind::term: return o.kind_ != Kind::year && o.term_ == term_;
    case Kind::half_term: return o == *this;
  }
  return false;
}

std::strong_ordering Period::operator<=>(const Period& o) const {
  auto key = [](const Period& p) {
    int term = p.kind_ == Kind::year ? -1 : static_cast<int>(p.term_);
    int half = p.kind_ == Kind::half_term ? p.half_ : 0;
    return std::tuple(p.start_year_, term, half);
  };
  return key(*this) <=> key(o);
}

std::string Period::to_string() const {
  std::string s = std::to_string(start_year_) + "-" +
                  std::to_string((start_year_ + 1) % 100 + 100).substr(1);
  if (kind_ == Kind::year) return s;
  s += "/";
  s += term_name(term_);
  if (kind_ == Kind::half_term) {
    s += '-';
    s += std::to_string(half_);
  }
  return s;
}

}  // namespace trellis
