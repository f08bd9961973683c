// Every call the kernel makes to a regime. Each is a noexcept virtual of the
// plugin's RegimeAdapter, which has already caught the plugin's exceptions
// and named it ("plugin <id>: <what> failed: ..."); the handle adds the file
// and logs the failure. There is nothing here to catch: an exception that got
// past a noexcept boundary function would already have ended the process.
#include "trellis/plugin_host.hpp"

namespace trellis {

RegimeHandle::RegimeHandle(std::shared_ptr<const sdk::RegimeBoundary> regime, std::string id,
                           std::filesystem::path file, Log log, bool concurrent)
    : regime_(std::move(regime)), id_(std::move(id)), file_(std::move(file)), log_(std::move(log)),
      concurrent_(concurrent) {}

RegimeHandle RegimeHandle::logging_to(Log log) const {
  return RegimeHandle(regime_, id_, file_, std::move(log), concurrent_);
}

void RegimeHandle::log(const std::string& line) const {
  if (log_) log_(line);
}

template <class Call>
sdk::Status RegimeHandle::call(const char* what, Call&& c) const noexcept {
  sdk::Status s = regime_ ? c(*regime_) : sdk::Status{false, {}};
  if (s) return s;
  try {
    const std::string named = "plugin " + id_ + ": ";
    const std::string with_file = "plugin " + id_ + " (" + file_.string() + "): ";
    if (s.message.starts_with(named))
      s.message.replace(0, named.size(), with_file);
    else
      s.message = with_file + what + " failed: " + (regime_ ? s.message : "no regime");
    if (log_) log_(s.message);
  } catch (...) {
    // Out of memory while describing a failure: the failure itself still stands.
  }
  return s;
}

sdk::Status RegimeHandle::describe(sdk::RegimeDescription& out) const noexcept {
  return call("describe", [&](const sdk::RegimeBoundary& r) { return r.describe(out); });
}

sdk::Status RegimeHandle::validate(const sdk::PolicyView& policy, std::vector<sdk::Diagnostic>& out) const noexcept {
  return call("validate", [&](const sdk::RegimeBoundary& r) { return r.validate(policy, out); });
}

sdk::Status RegimeHandle::assess(const sdk::AssessmentRequest& in, sdk::AssessmentOut& out) const noexcept {
  return call("assess", [&](const sdk::RegimeBoundary& r) { return r.assess(in, out); });
}

sdk::Status RegimeHandle::plan(const sdk::EvidenceView& school, const sdk::AssessmentOut& assessment,
                               const sdk::PolicyView& policy, std::vector<sdk::ActivityRule>& out) const noexcept {
  return call("plan", [&](const sdk::RegimeBoundary& r) { return r.plan(school, assessment, policy, out); });
}

sdk::Status RegimeHandle::plan_body(const sdk::PolicyView& policy, std::vector<sdk::ActivityRule>& out,
                                    const std::vector<sdk::SchoolInfo>& members) const noexcept {
  return call("plan_body", [&](const sdk::RegimeBoundary& r) { return r.plan_body(policy, members, out); });
}

}  // namespace trellis
