#pragma once
/// Activities as an RFC 5545 calendar (written as libical writes it), for Outlook,
/// Google Calendar and the like.
///
///     std::string ics = to_ics(load_activities(db, "example-la", "2024-25"),
///                              {.name = "Example 2024-25", .stamp = now_timestamp()});
///
/// Each activity is one VEVENT whose UID is the activity's stable UID, so
/// importing a newer export updates events instead of adding copies.
///
/// - A dated visit, meeting or conversation is a timed event: it starts at
///   `start` ("HH:MM", local time, or the one `start_by_type` gives its type)
///   and lasts `minutes` (half a school day by default). It is
///   STATUS:TENTATIVE while the date is only the plan's proposal (planned),
///   and CONFIRMED once a person set it (moved) or it was held (done).
/// - A deadline is all-day on its due date, SUMMARY "Due: <title>", and
///   TRANSP:TRANSPARENT (it does not block time); its window is in the
///   DESCRIPTION.
/// - A window ("in the autumn term") is an all-day, TRANSPARENT placeholder
///   over the window, SUMMARY "To arrange: <title>", never a busy block.
/// - Each attendee role is an ATTENDEE with CN (the role) and ROLE: CHAIR for
///   one marked "(chair)", OPT-PARTICIPANT for one present "where
///   appropriate" or "where requested", else REQ-PARTICIPANT; its address is
///   a urn:trellis:role: URI, as roles have no e-mail.
/// - LOCATION is the school's name (and URN) and its address from the register.
/// An event that was held on another day than planned is shown on the day it
/// was held (marking it done then raised its SEQUENCE).
///
/// Every activity is exported, whatever its status, so that a client updates
/// the event it already holds rather than keeping a stale one. SEQUENCE is the
/// activity's `sequence`, raised by the store on each change a calendar must
/// see, so clients take a re-dated event over the copy they hold. A cancelled
/// activity has STATUS:CANCELLED and its reason in the DESCRIPTION; a moved
/// one has its new dates and "Moved from <old start>: <reason>" in the
/// DESCRIPTION; a missed one says "Missed: <reason>".
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "trellis/schedule/activity.hpp"

namespace trellis {

struct IcsOptions {
  std::string name;   ///< X-WR-CALNAME, the name clients show
  std::string stamp;  ///< DTSTAMP, UTC "YYYY-MM-DDTHH:MM:SSZ" (now_timestamp())
  std::string start = "09:00";  ///< when a dated visit or meeting starts, local time
  int minutes = 210;            ///< how long it lasts: half a school day
  std::map<std::string, std::string> start_by_type = {};  ///< activity type -> "HH:MM"
};

/// A VCALENDAR with PRODID, VERSION, CALSCALE, METHOD:PUBLISH and one VEVENT
/// per activity, CRLF line endings. Throws std::invalid_argument for a bad
/// stamp or a start that is not "HH:MM".
std::string to_ics(const std::vector<Activity>& activities, const IcsOptions& options);

/// The same calendar, byte for byte, handed to `sink` one event at a time, so
/// that a year of every school in England is never held whole (issue 18):
///
///     IcsWriter ics(sink, options);   // the VCALENDAR's own lines
///     for (const auto& a : activities) ics.add(a);
///     ics.finish();                   // END:VCALENDAR
///
/// The constructor throws std::invalid_argument as to_ics does.
class IcsWriter {
 public:
  IcsWriter(std::function<void(std::string_view)> sink, IcsOptions options);
  ~IcsWriter();
  IcsWriter(IcsWriter&&) noexcept;
  IcsWriter& operator=(IcsWriter&&) noexcept;
  void add(const Activity& activity);
  void finish();

 private:
  struct Scratch;
  std::function<void(std::string_view)> sink_;
  IcsOptions options_;
  std::unique_ptr<Scratch> scratch_;  ///< what every event reuses
};

}  // namespace trellis
