#pragma once
/// Activities as an RFC 5545 calendar (written with libical), for Outlook,
/// Google Calendar and the like.
///
///     std::string ics = to_ics(load_activities(db, "example-la", "2024-25"),
///                              {.name = "Example 2024-25", .stamp = now_timestamp()});
///
/// Each activity is one VEVENT whose UID is the activity's stable UID, so
/// importing a newer export updates events instead of adding copies. Events
/// are all-day: DTSTART is the first day and DTEND the day after the last
/// (RFC 5545's exclusive end). A deadline is shown on its due date only, with
/// SUMMARY "Due: <title>" and TRANSP:TRANSPARENT (it does not block time);
/// its window is in the DESCRIPTION, with the rule, school, attendees and
/// documents. VTODO is not used because common calendar clients ignore it.
/// An event that was held on another day than planned is shown on the day it
/// was held (marking it done then raised its SEQUENCE).
///
/// Every activity is exported, whatever its status, so that a client updates
/// the event it already holds rather than keeping a stale one. SEQUENCE is the
/// activity's `sequence`, raised by the store on each change a calendar must
/// see, so clients take a re-dated event over the copy they hold. A cancelled
/// activity has STATUS:CANCELLED and its reason in the DESCRIPTION; a moved
/// one has its new dates, STATUS:CONFIRMED and "Moved from <old start>:
/// <reason>" in the DESCRIPTION; a missed one says "Missed: <reason>"; all but
/// cancelled ones are STATUS:CONFIRMED.
#include <string>
#include <vector>

#include "trellis/schedule/activity.hpp"

namespace trellis {

struct IcsOptions {
  std::string name;   ///< X-WR-CALNAME, the name clients show
  std::string stamp;  ///< DTSTAMP, UTC "YYYY-MM-DDTHH:MM:SSZ" (now_timestamp())
};

/// A VCALENDAR with PRODID, VERSION, CALSCALE, METHOD:PUBLISH and one VEVENT
/// per activity, CRLF line endings. Throws std::invalid_argument for a bad stamp.
std::string to_ics(const std::vector<Activity>& activities, const IcsOptions& options);

}  // namespace trellis
