// Built for SDK 1.0 (its record says so), before ActivityRule::day_kind: the
// byte that is day_kind now was padding then, holding whatever was there. Its
// rule stands in for that by leaving a stray value in it; the host must
// ignore it and count what `working_days` says.
#include "fixture_regime.hpp"

using namespace trellis::sdk;

class OlderMinor final : public fixture::FixtureRegime {
 public:
  OlderMinor() : FixtureRegime("fixture-older-minor") {}

 protected:
  void do_plan(const EvidenceView&, const AssessmentOut&, const PolicyView&,
               std::vector<ActivityRule>& out) const override {
    ActivityRule r;
    r.id = "minutes";
    r.type = "deadline";
    r.cadence = Cadence::after;
    r.anchor = "meeting";
    r.offset_days = 7;
    r.working_days = true;
    r.day_kind = DayKind::school;  // stray: an SDK 1.0 build never wrote this byte
    out.push_back(r);
  }
};

TRELLIS_PLUGIN_EXPORT const trellis::sdk::PluginInfo trellis_plugin_info = {
    TRELLIS_SDK_VERSION_MAJOR, 0, trellis::sdk::this_cxx11_abi(), "fixture-older-minor", "1.0.0"};
TRELLIS_PLUGIN_EXPORT trellis::sdk::Regime* trellis_create_regime() noexcept { return new OlderMinor(); }
