// A second line of defence around a regime's calls. The first is the SDK's
// guarded(), inside the plugin; this one catches what the host side of a call
// may throw, and names the plugin in every failure.
#include <exception>

#include "trellis/plugin_host.hpp"

namespace trellis {

RegimeHandle::RegimeHandle(std::shared_ptr<sdk::Regime> regime, std::string id, std::filesystem::path file, Log log,
                           std::uint32_t sdk_minor)
    : regime_(std::move(regime)), id_(std::move(id)), file_(std::move(file)), log_(std::move(log)),
      sdk_minor_(sdk_minor) {}

namespace {

/// ActivityRule::day_kind came in SDK 1.1, in a byte that was padding before:
/// a plugin built against 1.0 never wrote it, so its rules say nothing there.
void forget_unset_day_kinds(std::uint32_t sdk_minor, std::vector<sdk::ActivityRule>& rules, std::size_t from) {
  if (sdk_minor >= 1) return;
  for (std::size_t i = from; i < rules.size(); ++i) rules[i].day_kind = sdk::DayKind::calendar;
}

}  // namespace

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
  const std::size_t before = out.size();
  sdk::Status s = call("plan", [&](const sdk::Regime& r) { return r.plan(school, assessment, policy, out); });
  forget_unset_day_kinds(sdk_minor_, out, before);
  return s;
}

sdk::Status RegimeHandle::plan_body(const sdk::PolicyView& policy, std::vector<sdk::ActivityRule>& out) const noexcept {
  const std::size_t before = out.size();
  sdk::Status s = call("plan_body", [&](const sdk::Regime& r) { return r.plan_body(policy, out); });
  forget_unset_day_kinds(sdk_minor_, out, before);
  return s;
}

}  // namespace trellis
