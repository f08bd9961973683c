// KeyBuilder: policy keys with their defaults written once, as TOML.
#include "trellis/sdk/policy_keys.hpp"

#include <cmath>
#include <cstdio>
#include <stdexcept>

namespace trellis::sdk {
inline namespace v1 {

KeyBuilder::KeyBuilder(std::string path, KeyType type) {
  spec_.path = std::move(path);
  spec_.type = type;
}

KeyBuilder& KeyBuilder::required() {
  spec_.required = true;
  return *this;
}

KeyBuilder& KeyBuilder::range(double min, double max) {
  spec_.min = min;
  spec_.max = max;
  return *this;
}

KeyBuilder& KeyBuilder::at_least(double min) {
  spec_.min = min;
  return *this;
}

KeyBuilder& KeyBuilder::choices(std::vector<std::string> allowed) {
  spec_.choices = std::move(allowed);
  return *this;
}

KeyBuilder& KeyBuilder::doc(std::string text) {
  spec_.doc = std::move(text);
  return *this;
}

KeyBuilder& KeyBuilder::default_value(double value) {
  char buffer[64];
  // Whole numbers as integers ("14"), others with enough digits to read back.
  if (std::floor(value) == value && std::fabs(value) < 1e15)
    std::snprintf(buffer, sizeof buffer, "%.0f", value);
  else
    std::snprintf(buffer, sizeof buffer, "%.17g", value);
  spec_.default_value = buffer;
  return *this;
}

KeyBuilder& KeyBuilder::default_value(const std::string& text) {
  spec_.default_value = toml_string(text);
  return *this;
}

KeyBuilder& KeyBuilder::default_value(bool flag) {
  spec_.default_value = flag ? "true" : "false";
  return *this;
}

KeyBuilder& KeyBuilder::default_value(const std::vector<std::string>& texts) {
  std::string out = "[";
  for (const auto& t : texts) out += (out.size() > 1 ? ", " : "") + toml_string(t);
  spec_.default_value = out + "]";
  return *this;
}

namespace keys {
KeyBuilder number(std::string path) { return {std::move(path), KeyType::number}; }
KeyBuilder integer(std::string path) { return {std::move(path), KeyType::integer}; }
KeyBuilder text(std::string path) { return {std::move(path), KeyType::string}; }
KeyBuilder flag(std::string path) { return {std::move(path), KeyType::boolean}; }
KeyBuilder date(std::string path) { return {std::move(path), KeyType::date}; }
KeyBuilder list(std::string path) { return {std::move(path), KeyType::string_list}; }
KeyBuilder table(std::string path) { return {std::move(path), KeyType::table}; }
}  // namespace keys

std::string toml_string(std::string_view value) {
  std::string out = "\"";
  for (char c : value) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

int whole_number(const PolicyView& policy, std::string_view path) {
  if (auto n = policy.number(path)) return static_cast<int>(*n);
  throw std::out_of_range("the policy has no number at " + std::string(path) + " and the regime declares no default");
}

}  // namespace v1
}  // namespace trellis::sdk
