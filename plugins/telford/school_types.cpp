// Section 5 and the section 7 grid: maintained schools (community, foundation,
// voluntary aided and controlled, maintained special, alternative provision)
// are classified; academies and free schools are a category of their own;
// independent schools are out of scope. The policy may list the DfE type
// names; without a list, the register's type group decides. A closed school
// is never categorised: do_assess sets it aside first (closed_school).
#include <algorithm>
#include <cctype>

#include "telford_regime.hpp"

namespace telford {
namespace {

bool listed(const PolicyView& policy, const char* key, const std::string& type) {
  auto types = policy.texts(key);
  return std::find(types.begin(), types.end(), type) != types.end();
}

}  // namespace

Category categorise(const SchoolInfo& school, const PolicyView& policy) {
  if (listed(policy, "classification.maintained_types", school.type)) return Category::maintained;
  if (listed(policy, "classification.academy_types", school.type)) return Category::academy;
  if (school.type_group == "maintained") return Category::maintained;
  if (school.type_group == "academy") return Category::academy;
  return Category::out_of_scope;
}

bool infant_school(const SchoolInfo& school) {
  if (school.phase != "primary") return false;
  std::string name;
  for (char c : school.name) name += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  auto says = [&](const char* word) { return name.find(word) != std::string::npos; };
  return says("infant") && !says("junior") && !says("primary");
}

}  // namespace telford
