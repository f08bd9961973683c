#pragma once
/// Academic periods: a year "2018-19", a term "2018-19/autumn" or a
/// half-term "2018-19/autumn-1".
///
///     Period p = Period::parse("2018-19/spring-2");
///     p.start_year();      // 2018
///     p.contains(Period::parse("2018-19/spring-2"));
///     p.to_string();       // "2018-19/spring-2"
#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace trellis {

enum class Term { autumn = 0, spring = 1, summer = 2 };

const char* term_name(Term t);

class Period {
 public:
  enum class Kind { year, term, half_term };

  /// Throws UsageError with a message naming what was wrong.
  static Period parse(std::string_view text);
  static std::optional<Period> try_parse(std::string_view text, std::string* why = nullptr);

  static Period year(int start_year);
  static Period term(int start_year, Term t);
  static Period half_term(int start_year, Term t, int half);

  Kind kind() const { return kind_; }
  int start_year() const { return start_year_; }
  Term term() const { return term_; }  ///< for term and half-term
  int half() const { return half_; }   ///< 1 or 2, for half-term

  Period academic_year() const { return year(start_year_); }
  /// True when `other` lies within this period (a year contains its terms).
  bool contains(const Period& other) const;
  std::string to_string() const;

  /// Chronological: by year, then term, then half; a year sorts before its
  /// terms and a term before its half-terms.
  std::strong_ordering operator<=>(const Period& o) const;
  bool operator==(const Period& o) const = default;

 private:
  Kind kind_ = Kind::year;
  int start_year_ = 0;
  Term term_ = Term::autumn;
  int half_ = 0;
};

}  // namespace trellis
