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

std::string_view name(Field f) {
  switch (f) {
    case Field::none: return "";
    case Field::on: return "on";
    case Field::from: return "from";
    case Field::to: return "to";
    case Field::reason: return "reason";
    case Field::rationale: return "rationale";
    case Field::level: return "level";
    case Field::period: return "period";
    case Field::value: return "value";
    case Field::school: return "school";
    case Field::text: return "text";
    case Field::password: return "password";
    case Field::name: return "name";
    case Field::by: return "by";
    case Field::note: return "note";
  }
  return "";
}

std::string_view name(Remedy::Kind k) {
  using K = Remedy::Kind;
  switch (k) {
    case K::none: return "";
    case K::see_bodies: return "see_bodies";
    case K::see_schools: return "see_schools";
    case K::see_activities: return "see_activities";
    case K::see_notes: return "see_notes";
    case K::see_reviews: return "see_reviews";
    case K::see_plugins: return "see_plugins";
    case K::check_policy: return "check_policy";
    case K::adopt_policy: return "adopt_policy";
    case K::assess_first: return "assess_first";
    case K::init_database: return "init_database";
    case K::upgrade_database: return "upgrade_database";
    case K::insist: return "insist";
    case K::move_first: return "move_first";
    case K::start_review: return "start_review";
    case K::decide_changed: return "decide_changed";
    case K::decide_confirmed: return "decide_confirmed";
    case K::give_period: return "give_period";
    case K::name_format: return "name_format";
    case K::see_cases_format: return "see_cases_format";
  }
  return "";
}

Error::Error(const std::string& message, Field field, Remedy remedy)
    : std::runtime_error(message), field_(field), remedy_(std::move(remedy)) {}

InputError::InputError(Location where, std::string expected, std::string found, Field field, Remedy remedy)
    : Error(where.to_string() + ": expected " + expected + ", found " + found, field, std::move(remedy)),
      where_(std::move(where)) {}

InputError::InputError(Location where, std::string message, Field field, Remedy remedy)
    : Error(where.to_string() + ": " + message, field, std::move(remedy)), where_(std::move(where)) {}

}  // namespace trellis
