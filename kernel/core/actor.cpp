#include "trellis/actor.hpp"

#include <algorithm>
#include <cctype>
#include <string>

namespace trellis {

std::string_view to_string(Role role) {
  switch (role) {
    case Role::admin: return "admin";
    case Role::officer: return "officer";
    case Role::board: return "board";
    case Role::head: return "head";
    case Role::verifier: return "verifier";
    case Role::viewer: return "viewer";
  }
  return "viewer";
}

const std::vector<Role>& all_roles() {
  static const std::vector<Role> roles{Role::admin, Role::officer, Role::board, Role::head, Role::verifier, Role::viewer};
  return roles;
}

std::optional<Role> parse_role(std::string_view text) {
  std::string t(text);
  std::transform(t.begin(), t.end(), t.begin(), [](unsigned char c) { return c == '_' || c == ' ' ? '-' : std::tolower(c); });
  for (Role r : all_roles())
    if (t == to_string(r)) return r;
  // The words the bodies' own documents use for the same roles.
  if (t == "qa-lead" || t == "body-officer") return Role::officer;
  if (t == "board-member") return Role::board;
  if (t == "headteacher" || t == "principal") return Role::head;
  if (t == "external-verifier") return Role::verifier;
  return std::nullopt;
}

}  // namespace trellis
