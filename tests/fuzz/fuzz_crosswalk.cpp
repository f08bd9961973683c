// libFuzzer target (issue 19): a policy's [crosswalk.OTHER] tables, read as
// the kernel reads them: the policy loader, check_policy and check_crosswalks
// against two regimes' descriptions, and the mapping compare and a switch of
// regime use. The input is the policy's text after a fixed [policy] header
// (the seeds start with [crosswalk.…]). A policy is an InputError or a list of
// problems, never a crash; from a policy that checks clean, a level the
// crosswalk gives is one of the policy's own.
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "trellis/error.hpp"
#include "trellis/policy.hpp"
#include "trellis/policy/crosswalk_check.hpp"
#include "trellis/policy/kernel_sections.hpp"

namespace {

using namespace trellis;

sdk::RegimeDescription regime(const std::string& id, const std::vector<std::string>& levels) {
  sdk::RegimeDescription d;
  d.id = id;
  d.name = id;
  d.version = "1";
  sdk::Scale scale{"overall", "Overall", {}};
  for (const auto& l : levels) scale.levels.push_back({l, l, ""});
  d.scales = {scale};
  d.overall_scale = "overall";
  return d;
}

const sdk::RegimeDescription& ours() {
  static const auto d = regime("ours", {"green", "amber", "red"});
  return d;
}
const sdk::RegimeDescription& theirs() {
  static const auto d = regime("theirs", {"outstanding", "good", "requires_improvement", "inadequate"});
  return d;
}

const char kHeader[] =
    "[policy]\nregime = \"ours\"\nbody = \"Fuzz\"\nversion = \"1\"\napproved = 2024-09-01\nreview = 2025-09-01\n";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text = kHeader;
  text.append(reinterpret_cast<const char*>(data), size);
  const int fd = memfd_create("fuzz.toml", MFD_CLOEXEC);
  if (fd < 0) return 0;
  if (write(fd, text.data(), text.size()) != static_cast<ssize_t>(text.size())) {
    close(fd);
    return 0;
  }
  try {
    std::vector<PolicyProblem> problems;
    Policy policy = Policy::read("/proc/self/fd/" + std::to_string(fd), problems);
    policy.declare(ours());
    for (auto& p : check_policy(policy, ours())) problems.push_back(std::move(p));
    for (auto& p : check_crosswalks(policy, [](const std::string& id) -> const sdk::RegimeDescription* {
           return id == "theirs" ? &theirs() : id == "ours" ? &ours() : nullptr;
         }))
      problems.push_back(std::move(p));
    // The kernel reads the sections and maps levels only from a policy that checks clean.
    if (problems.empty()) {
      (void)read_kernel_sections(policy.view());
      const auto& mine = ours().scales.front().levels;
      for (const auto& level : theirs().scales.front().levels)
        if (auto mapped = crosswalk(policy.view(), "theirs", level.id))
          if (std::none_of(mine.begin(), mine.end(), [&](const sdk::Level& l) { return l.id == *mapped; }))
            std::abort();  // a clean crosswalk maps onto the policy's own scale
    }
  } catch (const InputError&) {
  } catch (const UsageError&) {
  }
  close(fd);
  return 0;
}
