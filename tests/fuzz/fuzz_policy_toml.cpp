// libFuzzer target (issue 19): what the policy loader hands to toml++ is
// bounded first (key parts, nesting), so no input makes the parser recurse
// out of stack; a refusal is an InputError or a toml::parse_error, never a crash.
#include <toml++/toml.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "../../kernel/policy/toml_bounds.hpp"
#include "trellis/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    trellis::policy_tree::require_bounded_toml(text, "fuzz.toml");
    [[maybe_unused]] auto root = toml::parse(std::string_view(text), std::string_view("fuzz.toml"));
  } catch (const trellis::InputError&) {
  } catch (const toml::parse_error&) {
  }
  return 0;
}
