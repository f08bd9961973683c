// An SDK 3.0 plugin: it loads under SDK 3.1 and, having made no promise SDK
// 3.0 knew, is called from one thread whatever --threads says, even though it
// exports the 3.1 symbol (a 3.0 record cannot make the promise). Each call
// checks that it runs on the thread of the first, and numbers itself, so a
// test sees the calls were made one at a time and in the schools' order.
#include <optional>
#include <string>
#include <thread>

#include "fixture_record.hpp"
#include "fixture_regime.hpp"

namespace {

using namespace trellis::sdk;

std::optional<std::thread::id> first_thread;  // unguarded on purpose: one thread only
int calls = 0;

class Sdk30 final : public fixture::FixtureRegime {
 protected:
  Status do_assess(const AssessmentRequest& in, AssessmentOut& out) const override {
    if (!first_thread) first_thread = std::this_thread::get_id();
    if (*first_thread != std::this_thread::get_id()) return Status::failure("called from a second thread");
    Status s = FixtureRegime::do_assess(in, out);
    out.reasons.push_back("call " + std::to_string(++calls));
    return s;
  }
};

constexpr trellis::sdk::PluginInfo sdk30() {
  auto info = trellis::sdk::plugin_info("fixture-sdk30", "1.0.0");
  info.sdk_minor = 0;
  return info;
}

}  // namespace

FIXTURE_EXPORT_RECORD(sdk30())
TRELLIS_PLUGIN_EXPORT trellis::sdk::RegimeBoundary* trellis_create_regime(trellis::sdk::Status& failure) noexcept {
  return trellis::sdk::make_adapted_regime<Sdk30>("fixture-sdk30", "1.0.0", failure);
}
TRELLIS_REGIME_CONCURRENT_ASSESS
