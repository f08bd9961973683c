// The register tests regimes share: special provision and closed schools.
#include "trellis/sdk/school_kinds.hpp"

#include <cctype>
#include <initializer_list>
#include <string>

namespace trellis::sdk {
inline namespace v1 {
namespace {

bool type_mentions(const SchoolInfo& school, std::initializer_list<const char*> words) {
  std::string type = school.type;
  for (auto& c : type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const char* word : words)
    if (type.find(word) != std::string::npos) return true;
  return false;
}

}  // namespace

bool special_school(const SchoolInfo& school) { return type_mentions(school, {"special"}); }

bool special_provision(const SchoolInfo& school) {
  return type_mentions(school, {"special", "pupil referral", "alternative provision"});
}

bool closed_school(const SchoolInfo& school, std::string_view not_done, AssessmentOut& out) {
  if (school.status != "closed") return false;
  out.classified = false;
  out.level = "closed";
  out.reasons = {std::string(not_done) + ": " + school.name + " is closed."};
  return true;
}

}  // namespace v1
}  // namespace trellis::sdk
