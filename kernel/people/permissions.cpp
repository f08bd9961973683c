// What each role may do: a short list of explicit decisions.
#include <algorithm>

#include "trellis/error.hpp"
#include "trellis/people.hpp"

namespace trellis {
namespace {

bool for_body(const Actor& a, std::string_view body) { return a.body.empty() || a.body == body; }

[[noreturn]] void refuse(const Actor& a, std::string_view what, std::string_view who_may) {
  throw NotPermitted(describe(a) + ", acting as \"" + a.id + "\", may not " + std::string(what) + "; " +
                     std::string(who_may));
}

/// "a, b or c": who may, as a sentence says it.
std::string joined(const std::vector<std::string>& who) {
  std::string s;
  for (std::size_t i = 0; i < who.size(); ++i) s += (i == 0 ? "" : i + 1 == who.size() ? " or " : ", ") + who[i];
  return s;
}

}  // namespace

void require_writer(const Actor& a, std::string_view what) {
  if (a.role == Role::viewer) refuse(a, what, "a viewer reads only");
}

void require_admin(const Actor& a, std::string_view what) {
  if (a.role != Role::admin) refuse(a, what, "only an admin may");
}

void require_officer(const Actor& a, std::string_view body, std::string_view what) {
  if (a.role == Role::admin || (a.role == Role::officer && for_body(a, body))) return;
  refuse(a, what, "an admin or an officer of " + std::string(body) + " may");
}

void require_data_steward(const Actor& a, std::string_view what) {
  if (a.role == Role::admin || a.role == Role::officer) return;
  refuse(a, what, "an admin or an officer may");
}

void require_school_voice(const Actor& a, std::string_view body, std::int64_t urn, std::string_view what) {
  if (a.role == Role::admin || (a.role == Role::officer && for_body(a, body))) return;
  if (a.role == Role::head && a.school == urn) return;
  refuse(a, what, "an admin, an officer of " + std::string(body) + " or the school's own head may");
}

bool may_record_stage(const Actor& a, const std::vector<std::string>& stage_roles, std::string_view body,
                      std::int64_t urn) {
  if (a.role == Role::admin || (a.role == Role::officer && for_body(a, body))) return true;
  const auto role = std::string(to_string(a.role));
  if (std::find(stage_roles.begin(), stage_roles.end(), role) == stage_roles.end()) return false;
  if (a.role == Role::head) return a.school == urn;  // their own school only
  return a.role != Role::viewer && for_body(a, body);
}

void require_stage(const Actor& a, const std::vector<std::string>& stage_roles, std::string_view body,
                   std::int64_t urn, std::string_view stage) {
  if (may_record_stage(a, stage_roles, body, urn)) return;
  // Who may, in a person's words. An officer of the body and an admin always may, so they close the list
  // once, whether or not the regime also names them.
  const std::string b(body);
  std::vector<std::string> named;
  for (const auto& r : stage_roles) {
    const auto role = parse_role(r);
    if (!role) continue;
    switch (*role) {
      case Role::head: named.push_back("the school's own head"); break;
      case Role::board: named.push_back("a board member of " + b); break;
      case Role::verifier: named.push_back("an external verifier for " + b); break;
      case Role::admin: case Role::officer: case Role::viewer: break;
    }
  }
  named.push_back("an officer of " + b);
  named.push_back("an admin");
  refuse(a, "record stage \"" + std::string(stage) + "\" for school " + std::to_string(urn) + " in " + std::string(body),
         "stage \"" + std::string(stage) + "\" may be recorded by " + joined(named));
}

}  // namespace trellis
