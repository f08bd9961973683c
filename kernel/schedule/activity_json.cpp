#include "trellis/schedule/activity_json.hpp"

#include "trellis/json_optional.hpp"

namespace trellis {
namespace {

nlohmann::json date_or_null(const std::optional<Date>& d) { return d ? nlohmann::json(d->to_string()) : nlohmann::json(); }

/// Free text a person may leave empty: null when they did.
nlohmann::json text_or_null(const std::string& s) { return s.empty() ? nlohmann::json() : nlohmann::json(s); }

}  // namespace

nlohmann::json to_json(const Activity& a, Date today) {
  return {{"id", or_null(a.id)},
          {"uid", a.uid},
          {"urn", or_null(a.urn)},
          {"school", or_null(a.school)},
          {"type", a.type},
          {"title", a.title},
          {"start", a.start.to_string()},
          {"end", a.end.to_string()},
          {"due", date_or_null(a.due)},
          {"rule", a.rule},
          {"attendees", a.attendees},
          {"documents", a.documents},
          {"status", status_on(a, today)},
          {"done_on", date_or_null(a.done_on)},
          {"note", text_or_null(a.note)},
          {"assessment_id", or_null(a.assessment_id)},
          {"reason", text_or_null(a.reason)},
          {"moved_from", date_or_null(a.moved_from)},
          {"sequence", a.sequence}};
}

nlohmann::json to_json(const Overdue& late, Date today) {
  nlohmann::json j = to_json(late.activity, today);
  j["days_late"] = late.days_late;
  j["working_days_late"] = late.working_days_late;
  return j;
}

nlohmann::json to_json(const ReplanSummary& s) {
  return {{"kept", s.kept},         {"unchanged", s.unchanged},   {"updated", s.updated},
          {"cancelled", s.cancelled}, {"reinstated", s.reinstated}, {"added", s.added},
          {"met", s.met}};
}

}  // namespace trellis
