// RFC 5545 export through libical, which takes care of TEXT escaping and
// 75-octet line folding. No libical type leaves this file.
#include "trellis/schedule/ics.hpp"

#include <libical/ical.h>

#include <cctype>
#include <cstdio>
#include <functional>
#include <memory>
#include <stdexcept>

#include "trellis/text.hpp"

namespace trellis {
namespace {

struct ComponentFree {
  void operator()(icalcomponent* c) const { icalcomponent_free(c); }
};
using Component = std::unique_ptr<icalcomponent, ComponentFree>;

icaltimetype all_day(Date d) {
  icaltimetype t = icaltime_null_date();
  t.year = d.year();
  t.month = d.month();
  t.day = d.day();
  return t;
}

/// "2024-09-02T09:00:00Z" as a UTC date-time.
icaltimetype utc_stamp(const std::string& s) {
  int y, mo, d, h, mi, se;
  char z = 0;
  if (s.size() != 20 || std::sscanf(s.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%c", &y, &mo, &d, &h, &mi, &se, &z) != 7 ||
      z != 'Z')
    throw std::invalid_argument("expected a UTC timestamp like 2024-09-02T09:00:00Z for DTSTAMP, found \"" + s + "\"");
  icaltimetype t = icaltime_null_time();
  t.year = y;
  t.month = mo;
  t.day = d;
  t.hour = h;
  t.minute = mi;
  t.second = se;
  t.zone = icaltimezone_get_utc_timezone();
  return t;
}

/// "09:30" as minutes after midnight.
int minutes_of(const std::string& hhmm) {
  int h = 0, m = 0;
  char tail = 0;
  if (hhmm.size() != 5 || std::sscanf(hhmm.c_str(), "%2d:%2d%c", &h, &m, &tail) != 2 || h > 23 || m > 59 || h < 0 ||
      m < 0)
    throw std::invalid_argument("expected a time of day like 09:00 for an event's start, found \"" + hhmm + "\"");
  return h * 60 + m;
}

/// A floating local date-time: the day at `minutes` after midnight.
icaltimetype at(Date d, int minutes) {
  icaltimetype t = icaltime_null_time();
  t.year = d.year();
  t.month = d.month();
  t.day = d.day();
  t.hour = minutes / 60;
  t.minute = minutes % 60;
  return icaltime_normalize(t);
}

/// A role a meeting or visit names, as an ATTENDEE (RFC 5545 3.8.4.1) with its ROLE.
icalproperty* attendee(const std::string& role) {
  auto has = [&](const char* s) { return role.find(s) != std::string::npos; };
  std::string slug;
  for (char c : role) {
    if (std::isalnum(static_cast<unsigned char>(c))) slug += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    else if (!slug.empty() && slug.back() != '-') slug += '-';
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  icalproperty* p = icalproperty_new_attendee(("urn:trellis:role:" + slug).c_str());
  icalproperty_add_parameter(p, icalparameter_new_cn(without_controls(role).c_str()));
  icalproperty_add_parameter(p, icalparameter_new_cutype(ICAL_CUTYPE_INDIVIDUAL));
  icalproperty_add_parameter(
      p, icalparameter_new_role(has("(chair)")                                                  ? ICAL_ROLE_CHAIR
                                : has("where appropriate") || has("where requested") || has("as appropriate") ||
                                        has("if requested")
                                    ? ICAL_ROLE_OPTPARTICIPANT
                                    : ICAL_ROLE_REQPARTICIPANT));
  return p;
}

std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
  return out;
}

std::string description(const Activity& a) {
  std::string d = a.title + "\n";
  if (a.urn) d += "School: " + (a.school ? *a.school + " (URN " + std::to_string(*a.urn) + ")" : "URN " + std::to_string(*a.urn)) + "\n";
  d += "Type: " + a.type + "\n";
  if (a.due) d += "Due: " + a.due->to_string() + " (window " + a.start.to_string() + " to " + a.end.to_string() + ")\n";
  else if (a.start != a.end) d += "Window: " + a.start.to_string() + " to " + a.end.to_string() + "\n";
  if (!a.attendees.empty()) d += "Attendees: " + join(a.attendees) + "\n";
  if (!a.documents.empty()) d += "Documents: " + join(a.documents) + "\n";
  d += "Rule: " + a.rule + "\n";
  if (a.status == ActivityStatus::done)
    d += "Done" + (a.done_on ? " on " + a.done_on->to_string() : std::string()) + (a.note.empty() ? "" : ": " + a.note) + "\n";
  if (a.moved_from)
    d += "Moved from " + a.moved_from->to_string() +
         (a.status == ActivityStatus::moved && !a.reason.empty() ? ": " + a.reason : std::string()) + "\n";
  if (a.status == ActivityStatus::cancelled) d += "Cancelled" + (a.reason.empty() ? "" : ": " + a.reason) + "\n";
  if (a.status == ActivityStatus::missed) d += "Missed" + (a.reason.empty() ? "" : ": " + a.reason) + "\n";
  if (a.id) d += "Trellis activity " + std::to_string(*a.id) + "\n";
  d.pop_back();
  return d;
}

std::string summary(const Activity& a) {
  std::string s = a.due ? "Due: " + a.title : a.title;
  if (a.urn) s += " - " + (a.school ? *a.school : "URN " + std::to_string(*a.urn));
  return s;
}

icalcomponent* event(const Activity& a, icaltimetype stamp, const IcsOptions& o) {
  icalcomponent* ev = icalcomponent_new_vevent();
  // A deadline shows on its due date; an event held on another day than planned, on the day it was held.
  const bool held_elsewhere = !a.due && a.status == ActivityStatus::done && a.done_on &&
                              !(a.start <= *a.done_on && *a.done_on <= a.end);
  const Date first = a.due ? *a.due : held_elsewhere ? *a.done_on : a.start;
  const Date last = a.due ? *a.due : held_elsewhere ? *a.done_on : a.end;
  // A window to arrange something in is a placeholder, not a busy block lasting weeks.
  const bool window = !a.due && first != last;
  const bool timed = !a.due && first == last;
  // The store makes UIDs (hex@trellis); cleaned all the same, as every TEXT value is (fuzz_writers).
  icalcomponent_add_property(ev, icalproperty_new_uid(without_controls(a.uid).c_str()));
  icalcomponent_add_property(ev, icalproperty_new_sequence(a.sequence));
  icalcomponent_add_property(ev, icalproperty_new_dtstamp(stamp));
  if (timed) {
    auto typed = o.start_by_type.find(a.type);
    const int from = minutes_of(typed == o.start_by_type.end() ? o.start : typed->second);
    icalcomponent_add_property(ev, icalproperty_new_dtstart(at(first, from)));
    icalcomponent_add_property(ev, icalproperty_new_dtend(at(first, from + o.minutes)));
  } else {
    icalcomponent_add_property(ev, icalproperty_new_dtstart(all_day(first)));
    icalcomponent_add_property(ev, icalproperty_new_dtend(all_day(last + 1)));
  }
  icalcomponent_add_property(ev, icalproperty_new_summary(without_controls((window ? "To arrange: " : "") + summary(a)).c_str()));
  icalcomponent_add_property(ev, icalproperty_new_description(without_controls(description(a)).c_str()));
  if (a.urn)
    icalcomponent_add_property(
        ev, icalproperty_new_location(
                without_controls((a.school ? *a.school + " (URN " + std::to_string(*a.urn) + ")"
                                           : "URN " + std::to_string(*a.urn)) +
                                 (a.address && !a.address->empty() ? ", " + *a.address : std::string()))
                    .c_str()));
  for (const auto& role : a.attendees) icalcomponent_add_property(ev, attendee(role));
  icalcomponent_add_property(ev, icalproperty_new_categories(without_controls(a.type).c_str()));
  // A date the plan proposed is tentative until a person sets it (moved) or it is held (done).
  icalcomponent_add_property(ev, icalproperty_new_status(a.status == ActivityStatus::cancelled ? ICAL_STATUS_CANCELLED
                                                         : timed && a.status == ActivityStatus::planned
                                                             ? ICAL_STATUS_TENTATIVE
                                                             : ICAL_STATUS_CONFIRMED));
  icalcomponent_add_property(ev, icalproperty_new_transp(timed ? ICAL_TRANSP_OPAQUE : ICAL_TRANSP_TRANSPARENT));
  return ev;
}

/// The component as RFC 5545 text.
std::string text_of(icalcomponent* c) {
  char* text = icalcomponent_as_ical_string_r(c);
  if (!text) throw std::runtime_error("libical could not write the calendar");
  std::string out(text);
  icalmemory_free_buffer(text);
  return out;
}

constexpr std::string_view kEnd = "END:VCALENDAR\r\n";

}  // namespace

IcsWriter::IcsWriter(std::function<void(std::string_view)> sink, IcsOptions options)
    : sink_(std::move(sink)), options_(std::move(options)) {
  utc_stamp(options_.stamp);
  minutes_of(options_.start);
  for (const auto& [type, start] : options_.start_by_type) minutes_of(start);
  if (options_.minutes < 1 || options_.minutes > 24 * 60)
    throw std::invalid_argument("expected an event to last 1 to 1440 minutes, found " + std::to_string(options_.minutes));
  Component cal(icalcomponent_new_vcalendar());
  icalcomponent_add_property(cal.get(), icalproperty_new_prodid("-//Trellis//Trellis scheduling//EN"));
  icalcomponent_add_property(cal.get(), icalproperty_new_version("2.0"));
  icalcomponent_add_property(cal.get(), icalproperty_new_calscale("GREGORIAN"));
  icalcomponent_add_property(cal.get(), icalproperty_new_method(ICAL_METHOD_PUBLISH));
  if (!options_.name.empty()) {
    icalproperty* name = icalproperty_new_x(without_controls(options_.name).c_str());
    icalproperty_set_x_name(name, "X-WR-CALNAME");
    icalcomponent_add_property(cal.get(), name);
  }
  // libical writes a component's properties, then its components, then its END
  // line: the calendar without events, less that line, is what comes before them.
  std::string head = text_of(cal.get());
  head.resize(head.size() - kEnd.size());
  sink_(head);
}

void IcsWriter::add(const Activity& a) {
  Component ev(event(a, utc_stamp(options_.stamp), options_));
  sink_(text_of(ev.get()));
}

void IcsWriter::finish() { sink_(kEnd); }

std::string to_ics(const std::vector<Activity>& activities, const IcsOptions& options) {
  std::string out;
  IcsWriter writer([&](std::string_view piece) { out.append(piece); }, options);
  for (const auto& a : activities) writer.add(a);
  writer.finish();
  return out;
}

}  // namespace trellis
