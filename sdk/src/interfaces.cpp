// The SDK's interfaces, with their virtual destructors defined once, here,
// with default visibility, so their type information is unique in a process.
#include "trellis/sdk/calendar_view.hpp"
#include "trellis/sdk/evidence_view.hpp"
#include "trellis/sdk/policy_view.hpp"
#include "trellis/sdk/regime.hpp"
#include "trellis/sdk/thresholds.hpp"

namespace trellis::sdk {
inline namespace v3 {

CalendarView::~CalendarView() = default;
PolicyView::~PolicyView() = default;
EvidenceView::~EvidenceView() = default;
ThresholdRunner::~ThresholdRunner() = default;
Regime::~Regime() = default;
RegimeBoundary::~RegimeBoundary() = default;

}  // namespace v3
}  // namespace trellis::sdk
