#pragma once
/// What a writing use case changed, in the JSON object its audit row carries
/// (AuditEntry::changes, covered by the row's hash). One shape for a value
/// that changed, so every row reads the same: {"from": before, "to": after},
/// with "from" null where there was nothing before.
///
///     nlohmann::json changes{{"activity", 7}, {"status", from_to("planned", "moved")},
///                            {"start", from_to(before.start.to_string(), after.start.to_string())}};
///     record_audit(db, actor, clock, {"activity move", summary, hash, body, urn, changes.dump()});
///     // {"activity":7,"start":{"from":"2024-10-01","to":"2024-10-08"},"status":{"from":"planned","to":"moved"}}
#include <optional>

#include <nlohmann/json.hpp>

#include "trellis/json_optional.hpp"

namespace trellis {

namespace audit_detail {
template <class T>
nlohmann::json value(const T& v) {
  return v;
}
template <class T>
nlohmann::json value(const std::optional<T>& v) {
  return or_null(v);
}
}  // namespace audit_detail

template <class From, class To>
nlohmann::json from_to(const From& from, const To& to) {
  return {{"from", audit_detail::value(from)}, {"to", audit_detail::value(to)}};
}

}  // namespace trellis
