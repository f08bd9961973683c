#pragma once
/// Builders for the policy keys a regime declares, each default in one place.
///
///     d.policy_keys = {
///         keys::number("visits.green.per_year").range(2, 20).default_value(2)
///             .doc("QA visits a year for green schools"),
///         keys::text("governance.half_term").choices(half_terms()).default_value("spring-1"),
///         keys::list("meetings.attendees").required(),
///     };
///
/// A policy that omits a key with a default reads the default through
/// PolicyView (the kernel falls back to it), and `trellis policy view` shows
/// it as "default 2, from the plugin". whole_number() reads it as an int.
#include <string>
#include <string_view>
#include <vector>

#include "trellis/sdk/description.hpp"
#include "trellis/sdk/policy_view.hpp"

namespace trellis::sdk {
inline namespace v1 {

/// One PolicyKeySpec, built a step at a time; converts to the spec.
class KeyBuilder {
 public:
  KeyBuilder(std::string path, KeyType type);

  KeyBuilder& required();
  KeyBuilder& range(double min, double max);
  KeyBuilder& at_least(double min);
  KeyBuilder& choices(std::vector<std::string> allowed);
  KeyBuilder& doc(std::string text);
  /// The default, as the policy would write it. A number for number keys,
  /// text for string keys, a flag for boolean keys, texts for lists.
  KeyBuilder& default_value(double value);
  KeyBuilder& default_value(int value) { return default_value(static_cast<double>(value)); }
  KeyBuilder& default_value(const char* text) { return default_value(std::string(text)); }
  KeyBuilder& default_value(const std::string& text);
  KeyBuilder& default_value(bool flag);
  KeyBuilder& default_value(const std::vector<std::string>& texts);

  const PolicyKeySpec& spec() const { return spec_; }
  operator PolicyKeySpec() const { return spec_; }  // NOLINT: a builder reads as the spec it builds

 private:
  PolicyKeySpec spec_;
};

namespace keys {
KeyBuilder number(std::string path);   ///< a number (whole or not)
KeyBuilder integer(std::string path);  ///< a whole number
KeyBuilder text(std::string path);     ///< a string
KeyBuilder flag(std::string path);     ///< true or false
KeyBuilder date(std::string path);     ///< a TOML date, 2025-09-01
KeyBuilder list(std::string path);     ///< a list of strings
KeyBuilder table(std::string path);    ///< a table (its keys declared with "*")
}  // namespace keys

/// `value` as a TOML string literal: "spring-1" becomes "\"spring-1\"".
std::string toml_string(std::string_view value);

/// The policy's number at `path` (or the default the regime declared), as a
/// whole number. Throws std::out_of_range naming the key when there is
/// neither; the host turns that into a failed Status naming the plugin.
int whole_number(const PolicyView& policy, std::string_view path);

}  // namespace v1
}  // namespace trellis::sdk
