// Section-5-style notification of a change of level, written for the
// headteacher. Regime-neutral: the offer's wording comes from the policy.
#include <fstream>

#include "trellis/error.hpp"
#include "trellis/report.hpp"
#include "trellis/store/audit.hpp"

namespace trellis {

std::vector<std::filesystem::path> write_change_letters(const std::vector<SchoolAssessment>& changed,
                                                        const std::string& body_name, const std::string& offer,
                                                        const std::filesystem::path& folder) {
  std::vector<std::filesystem::path> written;
  if (changed.empty()) return written;
  std::filesystem::create_directories(folder);
  for (auto& a : changed) {
    auto file = folder / (std::to_string(a.urn) + ".md");
    std::ofstream out(file);
    if (!out) throw std::runtime_error("cannot write " + file.string());
    out << "# Change of classification: " << a.name << "\n\n"
        << "To the headteacher, " << a.name << " (URN " << a.urn << ")  \n"
        << "From " << body_name << ", " << now_timestamp().substr(0, 10) << "\n\n"
        << "Your school's classification for " << a.period << " has changed from **" << a.previous_level.value_or("none")
        << "** to **" << a.level << "**.\n\n## Why\n\n";
    for (auto& r : a.reasons) out << "- " << r << "\n";
    out << "\n## What happens next\n\n"
        << (offer.empty() ? "You may discuss the rationale for this change with a representative of " + body_name + "."
                          : offer)
        << "\n\nThis classification was made under " << a.regime << " policy " << a.policy_version << " (hash "
        << a.policy_hash.substr(0, 12) << ").\n";
    if (!out) throw std::runtime_error("cannot write " + file.string());
    written.push_back(file);
  }
  return written;
}

}  // namespace trellis
