// RFC 5545 export. The calendar's own lines come from libical; each event is
// written here as text, as libical 3.0 writes it (TEXT escaping, RFC 6868
// parameter values, 75-octet folding), without a libical object per event:
// on a national year those objects were most of the export's time (issue 18).
// tests/unit/schedule/ics_libical_test.cpp holds the events to libical's own writer
// and parser, byte for byte. No libical type leaves this file.
#include "trellis/schedule/ics.hpp"

#include <libical/ical.h>

#include <algorithm>
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

/// What a libical *_as_ical_string_r call wrote (a component or property as
/// RFC 5545 text) as a string; its buffer is freed.
std::string text_of(char* text) {
  if (!text) throw std::runtime_error("libical could not write the calendar");
  std::string out(text);
  icalmemory_free_buffer(text);
  return out;
}

constexpr std::string_view kEnd = "END:VCALENDAR\r\n";

// ---- RFC 5545 text, as libical 3.0 writes it ----

/// Printable ASCII, a tab or a line feed: what needs no cleaning.
bool plain(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return (u >= 0x20 && u < 0x7f) || c == '\n' || c == '\t';
  });
}

/// A TEXT value without controls or bytes that are not UTF-8, escaped as
/// libical's icalmemory_strdup_and_quote does: a line feed as \n, a tab kept,
/// backslash escaped, and ';' and ',' too but in a list (CATEGORIES).
void append_text(std::string& out, std::string_view raw, bool list = false) {
  std::string cleaned;
  if (!plain(raw)) raw = cleaned = without_controls(raw);
  for (char c : raw) {
    if (c == '\n') out += "\\n";
    else if (c == '\\' || (!list && (c == ';' || c == ','))) {
      out += '\\';
      out += c;
    } else out += c;
  }
}

/// A parameter's value as libical's icalparameter_append_encoded_value writes
/// it: quoted when it holds ';', ':' or ',' (or is empty), RFC 6868 for a line
/// feed, '^' and '"', a space for any other unsafe byte.
void append_parameter(std::string& out, std::string_view value) {
  const bool quoted = value.empty() || value.find_first_of(";:,") != std::string_view::npos;
  if (quoted) out += '"';
  for (char ch : value) {
    const auto c = static_cast<unsigned char>(ch);
    const bool safe = c == ' ' || c == '\t' || c == '!' || (c >= 0x80 && c <= 0xF8) ||
                      (quoted ? c >= 0x23 && c <= 0x7e
                              : (c >= 0x23 && c <= 0x2b) || (c >= 0x2d && c <= 0x39) || (c >= 0x3c && c <= 0x7e));
    if (safe) out += ch;
    else if (ch == '\n') out += "^n";
    else if (ch == '^') out += "^^";
    else if (ch == '"') out += "^'";
    else out += ' ';
  }
  if (quoted) out += '"';
}

/// Where libical's get_next_line_start breaks a line: after the last ';', ':'
/// or space of its first 74 octets, else before a byte that starts a
/// character, else after 74 octets.
std::size_t next_line_start(std::string_view line, std::size_t from) {
  constexpr std::size_t kMaxLineLen = 75;
  const std::size_t left = line.size() - from;
  if (left < kMaxLineLen) return line.size();
  for (std::size_t pos = from + kMaxLineLen - 2; pos > from; --pos)
    if (line[pos] == ';' || line[pos] == ':' || line[pos] == ' ') return pos + 1;
  for (std::size_t pos = from + kMaxLineLen - 1; pos > from; --pos) {
    const auto c = static_cast<unsigned char>(line[pos]);
    if ((c & 0x80) == 0 || (c & 0xC0) == 0xC0) return pos;
  }
  return from + kMaxLineLen - 1;
}

/// A property line, its CRLF included as libical counts it, folded into `out`.
void append_folded(std::string& out, std::string_view line) {
  for (std::size_t from = 0; from < line.size();) {
    const std::size_t next = next_line_start(line, from);
    if (from) out += "\r\n ";
    out.append(line, from, next - from);
    from = next;
  }
}

/// A DATE value: YYYYMMDD.
void append_date(std::string& out, Date d) {
  const int y = d.year();
  if (y < 0 || y > 9999) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d%02d%02d", y, d.month(), d.day());
    out += buf;
    return;
  }
  const std::string iso = d.to_string();  // YYYY-MM-DD
  out.append(iso, 0, 4).append(iso, 5, 2).append(iso, 8, 2);
}

/// A floating local DATE-TIME: the day at `minutes` after midnight, a later
/// day when that passes midnight (as icaltime_normalize carries it).
void append_local(std::string& out, Date d, int minutes) {
  append_date(out, d + minutes / (24 * 60));
  minutes %= 24 * 60;
  char buf[16];
  std::snprintf(buf, sizeof buf, "T%02d%02d00", minutes / 60, minutes % 60);
  out += buf;
}

/// The ATTENDEE line of a role a meeting or visit names (RFC 5545 3.8.4.1), with its ROLE, unfolded.
std::string attendee_line(const std::string& role) {
  auto has = [&](const char* s) { return role.find(s) != std::string::npos; };
  std::string slug;
  for (char c : role) {
    if (std::isalnum(static_cast<unsigned char>(c))) slug += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    else if (!slug.empty() && slug.back() != '-') slug += '-';
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  const char* part = has("(chair)")                                                                         ? "CHAIR"
                     : has("where appropriate") || has("where requested") || has("as appropriate") || has("if requested")
                         ? "OPT-PARTICIPANT"
                         : "REQ-PARTICIPANT";
  std::string line = "ATTENDEE;CN=";
  append_parameter(line, without_controls(role));
  line += ";CUTYPE=INDIVIDUAL;ROLE=";
  line += part;
  line += ":urn:trellis:role:" + slug + "\r\n";
  return line;
}

/// The items with ", " between them; as before, an empty first item adds no separator.
void append_joined(std::string& out, const std::vector<std::string>& v) {
  const std::size_t from = out.size();
  for (const auto& item : v) {
    if (out.size() > from) out += ", ";
    out += item;
  }
}

/// "Hill Primary (URN 100001)", or "URN 100001" when the name is not known.
void append_school(std::string& out, const Activity& a) {
  if (a.school) out += *a.school + " (URN " + std::to_string(*a.urn) + ")";
  else out += "URN " + std::to_string(*a.urn);
}

void append_description(std::string& d, const Activity& a) {
  d += a.title;
  d += '\n';
  if (a.urn) {
    d += "School: ";
    append_school(d, a);
    d += '\n';
  }
  d += "Type: " + a.type + "\n";
  if (a.due) d += "Due: " + a.due->to_string() + " (window " + a.start.to_string() + " to " + a.end.to_string() + ")\n";
  else if (a.start != a.end) d += "Window: " + a.start.to_string() + " to " + a.end.to_string() + "\n";
  if (!a.attendees.empty()) {
    d += "Attendees: ";
    append_joined(d, a.attendees);
    d += '\n';
  }
  if (!a.documents.empty()) {
    d += "Documents: ";
    append_joined(d, a.documents);
    d += '\n';
  }
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
}

}  // namespace

/// What each event reuses: its texts' buffers, the parsed start times, the
/// ATTENDEE lines of the roles met so far.
struct IcsWriter::Scratch {
  std::string stamp_line;  ///< "DTSTAMP:...\r\n", as libical writes it
  int start = 0;
  std::map<std::string, int, std::less<>> start_by_type;
  std::map<std::string, std::string, std::less<>> attendees;  ///< role -> folded ATTENDEE line
  std::string event, line, raw;

  /// `line` (its value written), ended and folded into the event.
  void end_line() {
    line += "\r\n";
    append_folded(event, line);
  }
  void text_property(std::string_view name, std::string_view value, bool list = false) {
    line.assign(name);
    line += ':';
    append_text(line, value, list);
    end_line();
  }
  const std::string& attendee(const std::string& role) {
    auto it = attendees.find(role);
    if (it != attendees.end()) return it->second;
    if (attendees.size() >= 1024) attendees.clear();  // roles that do not repeat stop costing memory here
    std::string folded;
    append_folded(folded, attendee_line(role));
    return attendees.emplace(role, std::move(folded)).first->second;
  }
};

IcsWriter::IcsWriter(std::function<void(std::string_view)> sink, IcsOptions options)
    : sink_(std::move(sink)), options_(std::move(options)), scratch_(std::make_unique<Scratch>()) {
  const icaltimetype stamp = utc_stamp(options_.stamp);
  scratch_->start = minutes_of(options_.start);
  for (const auto& [type, start] : options_.start_by_type) scratch_->start_by_type.emplace(type, minutes_of(start));
  if (options_.minutes < 1 || options_.minutes > 24 * 60)
    throw std::invalid_argument("expected an event to last 1 to 1440 minutes, found " + std::to_string(options_.minutes));
  std::unique_ptr<icalproperty, void (*)(icalproperty*)> dtstamp(icalproperty_new_dtstamp(stamp), icalproperty_free);
  scratch_->stamp_line = text_of(icalproperty_as_ical_string_r(dtstamp.get()));
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
  std::string head = text_of(icalcomponent_as_ical_string_r(cal.get()));
  head.resize(head.size() - kEnd.size());
  sink_(head);
}

IcsWriter::~IcsWriter() = default;
IcsWriter::IcsWriter(IcsWriter&&) noexcept = default;
IcsWriter& IcsWriter::operator=(IcsWriter&&) noexcept = default;

void IcsWriter::add(const Activity& a) {
  Scratch& s = *scratch_;
  // A deadline shows on its due date; an event held on another day than planned, on the day it was held.
  const bool held_elsewhere = !a.due && a.status == ActivityStatus::done && a.done_on &&
                              !(a.start <= *a.done_on && *a.done_on <= a.end);
  const Date first = a.due ? *a.due : held_elsewhere ? *a.done_on : a.start;
  const Date last = a.due ? *a.due : held_elsewhere ? *a.done_on : a.end;
  // A window to arrange something in is a placeholder, not a busy block lasting weeks.
  const bool window = !a.due && first != last;
  const bool timed = !a.due && first == last;
  s.event.assign("BEGIN:VEVENT\r\n");
  // The store makes UIDs (hex@trellis); cleaned all the same, as every TEXT value is (fuzz_writers).
  s.text_property("UID", a.uid);
  s.line.assign("SEQUENCE:" + std::to_string(a.sequence));
  s.end_line();
  s.event += s.stamp_line;
  if (timed) {
    auto typed = s.start_by_type.find(a.type);
    const int from = typed == s.start_by_type.end() ? s.start : typed->second;
    s.line.assign("DTSTART:");
    append_local(s.line, first, from);
    s.end_line();
    s.line.assign("DTEND:");
    append_local(s.line, first, from + options_.minutes);
    s.end_line();
  } else {
    s.line.assign("DTSTART;VALUE=DATE:");
    append_date(s.line, first);
    s.end_line();
    s.line.assign("DTEND;VALUE=DATE:");
    append_date(s.line, last + 1);
    s.end_line();
  }
  s.raw.assign(window ? "To arrange: " : "");
  if (a.due) s.raw += "Due: ";
  s.raw += a.title;
  if (a.urn) {
    s.raw += " - ";
    s.raw += a.school ? *a.school : "URN " + std::to_string(*a.urn);
  }
  s.text_property("SUMMARY", s.raw);
  s.raw.clear();
  append_description(s.raw, a);
  s.text_property("DESCRIPTION", s.raw);
  if (a.urn) {
    s.raw.clear();
    append_school(s.raw, a);
    if (a.address && !a.address->empty()) s.raw += ", " + *a.address;
    s.text_property("LOCATION", s.raw);
  }
  for (const auto& role : a.attendees) s.event += s.attendee(role);
  s.text_property("CATEGORIES", a.type, true);
  // A date the plan proposed is tentative until a person sets it (moved) or it is held (done).
  s.event += a.status == ActivityStatus::cancelled                   ? "STATUS:CANCELLED\r\n"
             : timed && a.status == ActivityStatus::planned ? "STATUS:TENTATIVE\r\n"
                                                            : "STATUS:CONFIRMED\r\n";
  s.event += timed ? "TRANSP:OPAQUE\r\n" : "TRANSP:TRANSPARENT\r\n";
  s.event += "END:VEVENT\r\n";
  sink_(s.event);
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
