#pragma once
/// A policy author's own test cases, kept next to the policy
/// (trust.toml → trust.tests.toml), run by `trellis policy test`.
///
///     auto results = run_policy_tests(policy, description, policy_tests_path(policy.path()));
///     for (const auto& r : results) std::cout << (r.passed ? "PASS " : "FAIL ") << r.name << "\n";
///
/// The file:
///
///     [defaults]                      # optional, merged under every case
///     period  = "2024-25"             # default: the academic year the policy was approved in
///     context = { type_group = "maintained", phase = "primary" }
///
///     [[case]]
///     name           = "high persistent absence is amber"
///     script         = "classify"     # default: the first script in [thresholds]
///     context        = { urn = 123456, name = "...", la_code = 894, type = "Community school", pupils = 210 }
///     previous_level = "yellow"
///     on             = 2025-01-20                   # the day judged as of (school.on)
///     due            = { "kpi-return.spring" = 2025-01-17 }   # deadlines planned (school.due)
///     indicators     = { persistent_absence_pct = 21.3,         # a value
///                        ofsted_grade = "Good",                 # a text
///                        ks2_rwm_expected_pct = "suppressed",   # a missing reason (see missing_reasons)
///                        attendance_pct = { value = 93.1, period = "2023-24" } }
///     benchmarks     = { persistent_absence_pct = { national = 17.2, la = 19.0 } }
///     facts          = { inspection_grade = 3 }
///     ratings        = { overall = { self = "green" } }      # subject → stage → level
///     expect_level   = "amber"
///     expect_reasons = ["Persistent absence 21.3%"]   # each a part of some reason
///     # or: expect_error = "no figure"               # the script must fail, saying this
///
/// Each indicator's evidence cites the cases file and the line it is on.
#include <filesystem>
#include <string>
#include <vector>

#include "trellis/error.hpp"
#include "trellis/policy.hpp"
#include "trellis/sdk/thresholds.hpp"

namespace trellis {

/// Strings that, as an indicator's value in a case, mean "missing, for this reason".
inline const std::vector<std::string> missing_reasons{"suppressed", "not applicable", "no entries",
                                                      "not available", "not published"};

struct CaseResult {
  std::string name;
  Location where;  ///< the case in the cases file
  bool passed = false;
  std::vector<std::string> differences;  ///< why it failed, one sentence each
  sdk::ThresholdOutcome outcome;         ///< what the script returned
};

/// trust.toml → trust.tests.toml, in the same folder.
std::filesystem::path policy_tests_path(const std::filesystem::path& policy);

/// Runs every case, each script compiled once. Throws InputError (file,
/// line, column) for an unreadable or malformed cases file, and as
/// make_threshold_runner does for a broken script.
std::vector<CaseResult> run_policy_tests(const Policy& policy, const sdk::RegimeDescription& description,
                                         const std::filesystem::path& cases);

}  // namespace trellis
