// A second line of defence around a regime's calls. The first is the SDK's
// guarded(), inside the plugin; this one catches what the host side of a call
// may throw, and names the plugin in every failure.
#include <exception>

#include "trellis/plugin_host.hpp"

namespace trellis {

RegimeHandle::RegimeHandle(std::shared_ptr<sdk::Regime> regime, std::string id, std::filesystem::path file, Log log)
    : regime_(std::move(regime)), id_(std::move(id)), file_(std::move(file)), log_(std::move(log)) {}

template <class Call>
sdk::Status RegimeHandle::call(const char* what, Call&& c) const noexcept {
  sdk::Status s;
  try {
    s = regime_ ? c(*regime_) : sdk::Status::failure("no regime");
  } catch (const std::exception& e) {
    s = sdk::Status::failure(e.what());
  } catch (...) {
    s = sdk::Status::failure("unknown exception");
  }
  if (s) return s;
  try {
    s.message = "plugin " + id_ + " (" + file_.string() + "): " + what + " failed: " + s.message;
    if (log_) log_(s.message);
  } catch (...) {
    // Out of memory while describing a failure: the failure itself still stands.
  }
  return s;
}

sdk::Status RegimeHandle::describe(sdk::RegimeDescription& out) const noexcept {
  return call("describe", [&](const sdk::Regime& r) { return r.describe(out); });
}

sdk::Status RegimeHandle::validate(const sdk::PolicyView& policy, std::vector<sdk::Diagnostic>& out) const noexcept {
  return call("validate", [&](const sdk::Regime& r) { return r.validate(policy, out); });
}

sdk::Status RegimeHandle::assess(const sdk::AssessmentRequest& in, sdk::AssessmentOut& out) const noexcept {
  return call("assess", [&](const sdk::Regime& r) { return r.assess(in, out); });
}

sdk::Status RegimeHandle::plan(const sdk::EvidenceView& school, const sdk::AssessmentOut& assessment,
                               const sdk::PolicyView& policy, std::vector<sdk::ActivityRule>& out) const noexcept {
  return call("plan", [&](const sdk::Regime& r) { return r.plan(school, assessment, policy, out); });
}

sdk::Status RegimeHandle::plan_body(const sdk::PolicyView& policy, std::vector<sdk::ActivityRule>& out) const noexcept {
  return call("plan_body", [&](const sdk::Regime& r) { return r.plan_body(policy, out); });
}

}  // namespace trellis
