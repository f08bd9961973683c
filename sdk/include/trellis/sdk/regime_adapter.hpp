#pragma once
/// The adapter between an author's Regime and the host's RegimeBoundary.
/// TRELLIS_REGIME_PLUGIN instantiates it in the plugin's translation unit, so
/// its code, catches included, is the plugin's: an exception from a `do_...`
/// function is caught in the plugin's frames and reaches the host as a Status
/// naming the plugin.
///
///     RegimeAdapter<HelloRegime> r("hello-regime", "1.0.0");
///     Status s = r.assess(request, out);  // "plugin hello-regime: assess failed: ..."
#include <string>
#include <type_traits>
#include <vector>

#include "trellis/sdk/regime.hpp"

namespace trellis::sdk {
inline namespace v3 {

template <class R>
class RegimeAdapter final : public RegimeBoundary {
  static_assert(std::is_base_of_v<Regime, R>, "a regime plugin's class derives from trellis::sdk::Regime");

 public:
  /// `id` and `version` outlive the adapter (the plugin's info record holds them).
  RegimeAdapter(const char* id, const char* version) : id_(id), version_(version) {}

  Status describe(RegimeDescription& out) const noexcept override {
    return guarded(id_, "describe", [&] {
      RegimeDescription d = regime().do_describe();
      if (!d.id.empty() && d.id != id_)
        return Status::failure("do_describe gives the id \"" + d.id + "\" but TRELLIS_REGIME_PLUGIN says \"" +
                               id_ + "\"");
      d.id = id_;
      if (d.version.empty()) d.version = version_;
      out = std::move(d);
      return Status::success();
    });
  }
  Status validate(const PolicyView& policy, std::vector<Diagnostic>& out) const noexcept override {
    return guarded(id_, "validate", [&] { regime().do_validate(policy, out); return Status::success(); });
  }
  Status assess(const AssessmentRequest& in, AssessmentOut& out) const noexcept override {
    return guarded(id_, "assess", [&] { return regime().do_assess(in, out); });
  }
  Status plan(const EvidenceView& school, const AssessmentOut& assessment, const PolicyView& policy,
              std::vector<ActivityRule>& out) const noexcept override {
    return guarded(id_, "plan", [&] { regime().do_plan(school, assessment, policy, out); return Status::success(); });
  }
  Status plan_body(const PolicyView& policy, const std::vector<SchoolInfo>& members,
                   std::vector<ActivityRule>& out) const noexcept override {
    return guarded(id_, "plan_body", [&] { regime().do_plan_body_for(policy, members, out); return Status::success(); });
  }

 private:
  /// Through the base, whose `do_...` functions this adapter may call.
  const Regime& regime() const { return regime_; }

  const char* id_;
  const char* version_;
  R regime_;
};

/// Makes the adapted regime, or null with `failure` saying why (its constructor threw).
template <class R>
RegimeBoundary* make_adapted_regime(const char* id, const char* version, Status& failure) noexcept {
  RegimeBoundary* made = nullptr;
  failure = guarded(id, "factory", [&] {
    made = new RegimeAdapter<R>(id, version);
    return Status::success();
  });
  return made;
}

}  // namespace v3
}  // namespace trellis::sdk
