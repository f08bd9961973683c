#pragma once
/// Who acts: a person, in the one role they hold, for a body or a school.
/// Every use case that writes takes the actor; the audit records the person
/// and the role they acted in.
///
///     Actor head{"j.smith", "Jo Smith", Role::head, "example-trust", 123456};
///     to_string(head.role);  // "head"
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace trellis {

/// The kernel's roles. A regime's StageSpec::roles names stages' recorders with these ids.
enum class Role { admin, officer, board, head, verifier, viewer };

/// "admin", "officer", "board", "head", "verifier", "viewer".
std::string_view to_string(Role role);
/// The id, or a common synonym ("qa-lead", "headteacher", "principal", "board-member").
std::optional<Role> parse_role(std::string_view text);
/// Every role id, in the order above.
const std::vector<Role>& all_roles();

struct Actor {
  std::string id;    ///< e.g. "j.smith"
  std::string name;  ///< e.g. "Jo Smith"
  Role role = Role::viewer;
  std::string body;                  ///< the body an officer, board member or verifier acts for; empty: any
  std::optional<std::int64_t> school;  ///< a head's own school
};

}  // namespace trellis
