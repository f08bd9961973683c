#pragma once
// The evidence importers, one per shape of file, and how a file's header
// tells them apart.
#include <optional>

#include "evidence_run.hpp"
#include "trellis/period.hpp"

namespace trellis::importing {

struct WideFormat;

void import_wide(EvidenceRun& run, const WideFormat& format, const std::optional<Period>& period);
void import_ofsted(EvidenceRun& run, const std::optional<Period>& period);
void import_long(EvidenceRun& run, const std::optional<Period>& period);
void import_benchmarks(EvidenceRun& run, const std::optional<Period>& period);

/// The evidence format whose headers the file has; InputError naming them all otherwise.
std::string detect_evidence_format(const Header& header, const std::string& file);

}  // namespace trellis::importing
