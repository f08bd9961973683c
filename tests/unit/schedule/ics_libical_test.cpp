// The ICS writer writes each event as text (issue 18); libical wrote it before.
// Here libical's own writer, as the export used it, and libical's parser judge
// that text byte for byte, over activities made of what is hard to write:
// escapes, RFC 6868 parameter values, UTF-8 and controls across folds.
#include <libical/ical.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cctype>
#include <cstdio>
#include <memory>
#include <random>

#include "trellis/schedule/ics.hpp"
#include "trellis/text.hpp"

using namespace trellis;

namespace {

// ---- The export as libical wrote it (kernel/schedule/ics.cpp before issue 18) ----

icaltimetype all_day(Date d) {
  icaltimetype t = icaltime_null_date();
  t.year = d.year();
  t.month = d.month();
  t.day = d.day();
  return t;
}

icaltimetype utc_stamp(const std::string& s) {
  int y, mo, d, h, mi, se;
  char z = 0;
  REQUIRE(std::sscanf(s.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%c", &y, &mo, &d, &h, &mi, &se, &z) == 7);
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

int minutes_of(const std::string& hhmm) {
  int h = 0, m = 0;
  std::sscanf(hhmm.c_str(), "%2d:%2d", &h, &m);
  return h * 60 + m;
}

icaltimetype at(Date d, int minutes) {
  icaltimetype t = icaltime_null_time();
  t.year = d.year();
  t.month = d.month();
  t.day = d.day();
  t.hour = minutes / 60;
  t.minute = minutes % 60;
  return icaltime_normalize(t);
}

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
  const bool held_elsewhere = !a.due && a.status == ActivityStatus::done && a.done_on &&
                              !(a.start <= *a.done_on && *a.done_on <= a.end);
  const Date first = a.due ? *a.due : held_elsewhere ? *a.done_on : a.start;
  const Date last = a.due ? *a.due : held_elsewhere ? *a.done_on : a.end;
  const bool window = !a.due && first != last;
  const bool timed = !a.due && first == last;
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
  icalcomponent_add_property(ev, icalproperty_new_status(a.status == ActivityStatus::cancelled ? ICAL_STATUS_CANCELLED
                                                         : timed && a.status == ActivityStatus::planned
                                                             ? ICAL_STATUS_TENTATIVE
                                                             : ICAL_STATUS_CONFIRMED));
  icalcomponent_add_property(ev, icalproperty_new_transp(timed ? ICAL_TRANSP_OPAQUE : ICAL_TRANSP_TRANSPARENT));
  return ev;
}

std::string text_of(icalcomponent* c) {
  char* text = icalcomponent_as_ical_string_r(c);
  REQUIRE(text);
  std::string out(text);
  icalmemory_free_buffer(text);
  return out;
}

/// One event as libical writes it.
std::string libical_event(const Activity& a, const IcsOptions& o) {
  std::unique_ptr<icalcomponent, void (*)(icalcomponent*)> ev(event(a, utc_stamp(o.stamp), o), icalcomponent_free);
  return text_of(ev.get());
}

// ---- Activities made of what is hard to write ----

/// Text from pieces that escape, fold or are cleaned: separators, quotes,
/// carets, controls, C1 controls, bytes that are not UTF-8, two- to four-byte
/// characters, and long runs with no place to break a line.
std::string awkward(std::mt19937& rng, std::size_t most) {
  static const std::vector<std::string> pieces = {
      "a", "Hill", " ", ",", ";", ":", "\\", "\"", "^", "\n", "\t", "\r", "\x01", "\x7f", "!", "#", "\xc3\xa9",
      "\xe2\x82\xac", "\xf0\x9f\x98\x80", "\xc2\x85", "\xff", "\xe2\x80\xae", "abcdefghijklmnopqrstuvwxyz0123456789",
      "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9",
      "(chair)", " where appropriate", "-", "'", "=", "&", "\xe2\x82", "\b", "\f"};
  std::string out;
  const std::size_t n = std::uniform_int_distribution<std::size_t>(0, most)(rng);
  while (out.size() < n) out += pieces[std::uniform_int_distribution<std::size_t>(0, pieces.size() - 1)(rng)];
  return out;
}

/// Words as schools, roles and notes have them, separators, quotes and UTF-8
/// among them, with a space between: text libical's parser reads back whole
/// (a run of 74 octets with nowhere to break folds oddly, in libical's writer too).
std::string prose(std::mt19937& rng, std::size_t most) {
  static const std::vector<std::string> words = {
      "St.", "Mary's", "C", "of", "E", "(VA)", "Hill,", "Road;", "Ysgol", "Gymraeg", "\xc3\x89" "cole", "\xc3\x86r\xc3\xb8",
      "\"quoted\"", "a\\b", "x^y", "note:", "line\nbreak", "(chair)", "where", "appropriate", "\xe2\x82\xac" "5",
      "\xf0\x9f\x98\x80", "tab\there", "Headteacher", "Chair", "governors,", "LA", "QA", "lead;", "2024-25"};
  std::string out;
  const std::size_t n = std::uniform_int_distribution<std::size_t>(0, most)(rng);
  while (out.empty() || out.size() < n) {  // a word at least: the parser trims a value's trailing space
    if (!out.empty()) out += ' ';
    out += words[std::uniform_int_distribution<std::size_t>(0, words.size() - 1)(rng)];
  }
  return out;
}

Activity awkward_activity(std::mt19937& rng, std::string (*text)(std::mt19937&, std::size_t) = awkward) {
  auto chance = [&](int in) { return std::uniform_int_distribution<int>(0, in - 1)(rng) == 0; };
  auto day = [&] { return Date::parse("2024-09-02") + std::uniform_int_distribution<int>(0, 330)(rng); };
  Activity a;
  a.id = chance(4) ? std::nullopt : std::optional<std::int64_t>(std::uniform_int_distribution<std::int64_t>(1, 1 << 30)(rng));
  a.uid = chance(3) ? text(rng, 90) : "0123456789abcdef0123456789abcdef@trellis";
  a.body = "la";
  if (!chance(5)) a.urn = std::uniform_int_distribution<std::int64_t>(100000, 150000)(rng);
  if (!chance(3)) a.school = text(rng, 80);
  if (!chance(3)) a.address = text(rng, 120);
  a.year = "2024-25";
  a.type = chance(2) ? "visit" : text(rng, 30);
  a.title = text(rng, 160);
  a.start = day();
  a.end = chance(2) ? a.start : a.start + std::uniform_int_distribution<int>(0, 40)(rng);
  if (chance(3)) a.due = a.end;
  a.rule = text(rng, 40);
  for (int i = std::uniform_int_distribution<int>(0, 4)(rng); i > 0; --i) a.attendees.push_back(text(rng, 60));
  for (int i = std::uniform_int_distribution<int>(0, 4)(rng); i > 0; --i) a.documents.push_back(text(rng, 60));
  a.status = static_cast<ActivityStatus>(std::uniform_int_distribution<int>(0, 4)(rng));
  if (chance(2)) a.done_on = day();
  a.note = text(rng, 60);
  a.reason = text(rng, 60);
  if (chance(3)) a.moved_from = day();
  a.sequence = std::uniform_int_distribution<int>(0, 12)(rng);
  return a;
}

}  // namespace

TEST_CASE("issue 18: each event is written byte for byte as libical writes it, the odd text too") {
  std::mt19937 rng(18);
  IcsOptions options{"Cal, with; \\ \"awkward\" name \xc3\xa9", "2024-09-02T09:00:00Z"};
  options.start = "21:15";  // with 210 minutes, a timed event ends the next day
  options.start_by_type["visit"] = "08:45";
  std::vector<Activity> activities;
  std::string expected;
  for (int i = 0; i < 3000; ++i) {
    activities.push_back(awkward_activity(rng));
    const std::string want = libical_event(activities.back(), options);
    std::string got;
    IcsWriter one([&](std::string_view piece) { got.append(piece); }, options);
    const std::size_t head = got.size();
    one.add(activities.back());
    INFO("activity " << i << ": " << want);
    REQUIRE(got.substr(head) == want);
    expected += want;
  }
  // The whole calendar: libical's own header, these events, its END line.
  const std::string ics = to_ics(activities, options);
  CHECK(ics.find(expected) != std::string::npos);
  CHECK(ics.size() == expected.size() + to_ics({}, options).size());
}

TEST_CASE("issue 18: libical's parser reads the written events back as they were, and writes them the same") {
  std::mt19937 rng(1918);
  const IcsOptions options{"Parsed", "2024-09-02T09:00:00Z"};
  std::vector<Activity> activities;
  for (int i = 0; i < 500; ++i) {
    activities.push_back(awkward_activity(rng, prose));
    // CATEGORIES is a list: the parser reads "a,b" back as two properties.
    std::replace(activities.back().type.begin(), activities.back().type.end(), ',', '-');
  }
  const std::string ics = to_ics(activities, options);
  std::unique_ptr<icalcomponent, void (*)(icalcomponent*)> cal(icalparser_parse_string(ics.c_str()), icalcomponent_free);
  REQUIRE(cal);
  const std::string again = text_of(cal.get());
  std::size_t same = 0;
  while (same < again.size() && same < ics.size() && again[same] == ics[same]) ++same;
  INFO("first difference at " << same << ": " << ics.substr(same > 300 ? same - 300 : 0, 400) << "\n---\n"
                              << again.substr(same > 300 ? same - 300 : 0, 400));
  CHECK(again == ics);
  std::size_t n = 0;
  for (icalcomponent* ev = icalcomponent_get_first_component(cal.get(), ICAL_VEVENT_COMPONENT); ev;
       ev = icalcomponent_get_next_component(cal.get(), ICAL_VEVENT_COMPONENT), ++n) {
    REQUIRE(n < activities.size());
    const Activity& a = activities[n];
    const auto text = [](const char* t) { return std::string(t ? t : ""); };
    CHECK(text(icalcomponent_get_uid(ev)) == without_controls(a.uid));
    CHECK(text(icalcomponent_get_description(ev)) == without_controls(description(a)));
    if (a.urn) CHECK(text(icalcomponent_get_location(ev)).find(a.address.value_or("")) != std::string::npos);
    CHECK(icalcomponent_count_properties(ev, ICAL_ATTENDEE_PROPERTY) == static_cast<int>(a.attendees.size()));
  }
  CHECK(n == activities.size());
}
