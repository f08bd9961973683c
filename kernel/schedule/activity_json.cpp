#include "trellis/schedule/activity_json.hpp"

#include "trellis/json_optional.hpp"
#include "trellis/json_stream.hpp"

namespace trellis {
namespace {

nlohmann::json date_or_null(const std::optional<Date>& d) { return d ? nlohmann::json(d->to_string()) : nlohmann::json(); }

/// Free text a person may leave empty: null when they did.
nlohmann::json text_or_null(const std::string& s) { return s.empty() ? nlohmann::json() : nlohmann::json(s); }

void put_date(std::string& out, const std::optional<Date>& d) {
  if (!d) {
    out += "null";
    return;
  }
  out += '"';
  out += d->to_string();
  out += '"';
}

/// The members of to_json(a), and of to_json(*late) when it is given, in the
/// order its object keeps them: sorted by key.
void put_activity(std::string& out, const Activity& a, const Overdue* late, Date today, int depth) {
  PrettyObject o(out, depth);
  put_optional(o.key("assessment_id"), a.assessment_id);
  put_strings(o.key("attendees"), a.attendees, depth + 1);
  if (late) o.key("days_late") += std::to_string(late->days_late);
  put_strings(o.key("documents"), a.documents, depth + 1);
  put_date(o.key("done_on"), a.done_on);
  put_date(o.key("due"), a.due);
  put_date(o.key("end"), a.end);
  put_optional(o.key("id"), a.id);
  put_date(o.key("moved_from"), a.moved_from);
  put_text_or_null(o.key("note"), a.note);
  put_text_or_null(o.key("reason"), a.reason);
  put_string(o.key("rule"), a.rule);
  put_optional(o.key("school"), a.school);
  o.key("sequence") += std::to_string(a.sequence);
  put_date(o.key("start"), a.start);
  put_string(o.key("status"), status_on(a, today));
  put_string(o.key("title"), a.title);
  put_string(o.key("type"), a.type);
  put_string(o.key("uid"), a.uid);
  put_optional(o.key("urn"), a.urn);
  if (late) o.key("working_days_late") += std::to_string(late->working_days_late);
  o.close();
}

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

void put_json(std::string& out, const Activity& a, Date today, int depth) { put_activity(out, a, nullptr, today, depth); }

void put_json(std::string& out, const Overdue& late, Date today, int depth) {
  put_activity(out, late.activity, &late, today, depth);
}

nlohmann::json to_json(const ReplanSummary& s) {
  return {{"kept", s.kept},         {"unchanged", s.unchanged},   {"updated", s.updated},
          {"cancelled", s.cancelled}, {"reinstated", s.reinstated}, {"added", s.added},
          {"met", s.met}};
}

}  // namespace trellis
