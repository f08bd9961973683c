// Type groups answer "who runs this school?":
//   maintained   run by the LA: community, foundation, voluntary aided and
//                controlled schools, their special schools, pupil referral
//                units, LA nursery schools;
//   academy      funded directly by the DfE: academies and free schools of
//                every kind (special and alternative provision ones too),
//                studio schools, UTCs, and city technology colleges, which
//                the DfE funds directly though the spine files them under
//                "Maintained School";
//   independent  independent schools, and non-maintained special schools
//                (charities, not run by an LA);
//   college      further education and sixth-form colleges, special post-16
//                institutions;
//   other        service children's, secure units, offshore, Welsh,
//                overseas and online establishments.
#include "school_types.hpp"

#include <map>

namespace trellis::importing {
namespace {

/// Lower case, runs of blanks as one ("Free school  16-19" has two).
std::string normal(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == ' ' || c == '\t') {
      if (!out.empty() && out.back() != ' ') out += ' ';
      continue;
    }
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

bool has(const std::string& s, std::string_view word) { return s.find(word) != std::string::npos; }

const std::map<std::string, std::string>& groups() {
  static const std::map<std::string, std::string> m = [] {
    std::map<std::string, std::string> t;
    auto add = [&](const char* group, std::initializer_list<const char*> names) {
      for (const char* n : names) t[normal(n)] = group;
    };
    add("maintained", {"Community school", "Foundation school", "Voluntary aided school", "Voluntary controlled school",
                       "Community special school", "Foundation special school", "Pupil referral unit",
                       "Local authority nursery school"});
    add("academy", {"Academy converter", "Academy sponsor led", "Academy special converter", "Academy special sponsor led",
                    "Academy 16-19 converter", "Academy 16-19 sponsor led", "Academy 16 to 19 sponsor led",
                    "Academy alternative provision converter", "Academy alternative provision sponsor led",
                    "Free schools", "Free schools special", "Free schools alternative provision", "Free schools 16 to 19",
                    "Studio schools", "University technical college", "City technology college",
                    // the spine's own spellings
                    "Academy - Converter mainstream", "Academy sponsor led mainstream",
                    "Academy - Converter special school", "Academy - Sponsor led special school",
                    "Free school - Mainstream", "Free school - Special", "Free school 16-19", "Studio school"});
    add("independent", {"Other independent school", "Other independent special school", "Non-maintained special school"});
    add("college", {"Further education", "General further education college", "Sixth form centres",
                    "Sixth form centre/consortia", "Sixth form college", "Agriculture and horticulture college",
                    "Art, design and performing art college", "Specialist designated college",
                    "Special post 16 institution", "Higher education institutions"});
    add("other", {"Service childrens education", "Service children's education", "Secure units", "Offshore schools",
                  "Welsh establishment", "Miscellaneous", "Institution funded by other government department",
                  "British schools overseas", "Online provider"});
    return t;
  }();
  return m;
}

}  // namespace

std::optional<std::string> type_group_of(std::string_view type_name) {
  auto it = groups().find(normal(type_name));
  return it == groups().end() ? std::nullopt : std::optional(it->second);
}

std::string type_group_from_group(std::string_view group, std::string_view type_name) {
  const std::string g = normal(group), t = normal(type_name);
  if (has(t, "academy") || has(t, "free school") || has(g, "academ") || has(g, "free school")) return "academy";
  if (has(t, "independent") || has(t, "non-maintained") || has(g, "independent")) return "independent";
  if (has(g, "college") || has(g, "universit") || has(t, "college")) return "college";
  if (has(g, "maintained") || has(g, "special")) return "maintained";
  return "other";
}

std::string phase_from_flags(bool primary, bool secondary, bool post16, std::optional<int> high_age) {
  if (primary && secondary) return "all-through";
  if (primary) return "primary";
  if (secondary) return "secondary";
  if (post16) return "16 plus";
  if (high_age && *high_age <= 5) return "nursery";
  return "not applicable";
}

std::optional<std::string> phase_from_gias(std::string_view phase_name) {
  static const std::map<std::string, std::string> m = {
      {"not applicable", "not applicable"}, {"nursery", "nursery"}, {"primary", "primary"},
      {"middle deemed primary", "primary"}, {"secondary", "secondary"}, {"middle deemed secondary", "secondary"},
      {"16 plus", "16 plus"}, {"all-through", "all-through"}, {"all through", "all-through"}};
  auto it = m.find(normal(phase_name));
  return it == m.end() ? std::nullopt : std::optional(it->second);
}

}  // namespace trellis::importing
