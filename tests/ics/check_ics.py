"""Reads a Trellis ICS export with python3-icalendar, a reader independent of
the libical writer, and checks it against what the plan says.

usage: check_ics.py FILE.ics [EXPECTED.json]

Without EXPECTED.json only the structure is checked (for `trellis schedule
--format ics` output). Prints `N passed, N failed`; exits 1 on any failure.
"""
import datetime
import json
import sys

import icalendar

passed = failed = 0


def check(ok, what):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print("FAIL", what)


def main():
    raw = open(sys.argv[1], "rb").read()
    lines = raw.split(b"\r\n")
    check(raw.endswith(b"\r\n"), "the file ends with CRLF")
    check(b"\n" not in raw.replace(b"\r\n", b""), "every line ends with CRLF")
    check(all(len(l) <= 75 for l in lines), "lines are folded at 75 octets")

    cal = icalendar.Calendar.from_ical(raw)
    check(cal.name == "VCALENDAR", "a VCALENDAR")
    check(str(cal.get("VERSION")) == "2.0", "VERSION:2.0")
    check(str(cal.get("PRODID", "")).startswith("-//Trellis//"), "PRODID names Trellis")
    events = [c for c in cal.walk() if c.name == "VEVENT"]
    uids = [str(e["UID"]) for e in events]
    check(len(set(uids)) == len(uids), "UIDs are unique")
    for e in events:
        uid = str(e.get("UID"))
        check(isinstance(e.decoded("DTSTAMP"), datetime.datetime), uid + ": DTSTAMP is a date-time")
        start, end = e.decoded("DTSTART"), e.decoded("DTEND")
        all_day = type(start) is datetime.date and type(end) is datetime.date
        timed = isinstance(start, datetime.datetime) and isinstance(end, datetime.datetime)
        check(all_day or timed, uid + ": DTSTART and DTEND both dates or both date-times")
        check((all_day or timed) and end > start, uid + ": DTEND after DTSTART")
        # A timed event is a visit or meeting on its day: it blocks time; nothing all-day does.
        check(str(e.get("TRANSP")) == ("OPAQUE" if timed else "TRANSPARENT"), uid + ": only timed events are busy")
        check(str(e.get("SUMMARY", "")) != "", uid + ": has a SUMMARY")
        check("Rule: " in str(e.get("DESCRIPTION", "")), uid + ": DESCRIPTION names the rule")
        check(isinstance(e.get("SEQUENCE"), int) and int(e["SEQUENCE"]) >= 0, uid + ": a SEQUENCE")
        check(str(e.get("STATUS")) in ("CONFIRMED", "TENTATIVE", "CANCELLED"), uid + ": STATUS CONFIRMED, TENTATIVE or CANCELLED")
        for a in (e.get("ATTENDEE") or []) if isinstance(e.get("ATTENDEE"), list) else [e.get("ATTENDEE")] if e.get("ATTENDEE") else []:
            check(a.params.get("ROLE") in ("CHAIR", "REQ-PARTICIPANT", "OPT-PARTICIPANT"), uid + ": ATTENDEE has a ROLE")
            check(a.params.get("CN", "") != "", uid + ": ATTENDEE names the role (CN)")

    if len(sys.argv) < 3:
        return
    expected = json.load(open(sys.argv[2]))
    check(len(events) == len(expected), "one VEVENT per activity (%d, %d)" % (len(events), len(expected)))
    by_uid = {str(e["UID"]): e for e in events}
    for x in expected:
        e = by_uid.get(x["uid"])
        check(e is not None, x["uid"] + ": present")
        if e is None:
            continue
        timed = not x["deadline"] and x["start"] == x["last"]
        if timed:  # a visit or meeting on its day: 09:00 for half a day (210 minutes)
            check(e.decoded("DTSTART") == datetime.datetime.fromisoformat(x["start"] + "T09:00:00"), x["uid"] + ": DTSTART 09:00")
            check(e.decoded("DTEND") == datetime.datetime.fromisoformat(x["start"] + "T12:30:00"), x["uid"] + ": DTEND 12:30")
        else:
            check(e.decoded("DTSTART").isoformat() == x["start"], x["uid"] + ": DTSTART " + x["start"])
            check(e.decoded("DTEND").isoformat() == x["end_exclusive"], x["uid"] + ": DTEND " + x["end_exclusive"])
        check(str(e["SUMMARY"]).startswith("Due: ") == x["deadline"], x["uid"] + ": deadlines say Due")
        check(str(e.get("TRANSP")) == ("OPAQUE" if timed else "TRANSPARENT"), x["uid"] + ": TRANSP")
        check(str(e.get("STATUS")) == ("TENTATIVE" if timed else "CONFIRMED"), x["uid"] + ": a proposed date is TENTATIVE")

    # Dates worked out by hand (seed 003 s8), not taken from the writer:
    def one(rule):
        uid = next(x["uid"] for x in expected if x["rule"] == rule)
        return by_uid[uid]

    meeting = one("s8.meeting")
    check(meeting.decoded("DTSTART") == datetime.datetime(2025, 5, 22, 9, 0), "s8: meeting on Thursday 22 May 2025, 09:00")
    check(meeting.decoded("DTEND") == datetime.datetime(2025, 5, 22, 12, 30), "s8: meeting lasts half a day")
    check("Hill Primary School" in str(meeting.get("LOCATION", "")), "the school is the LOCATION")
    roles = meeting.get("ATTENDEE")
    roles = roles if isinstance(roles, list) else [roles]
    check(len(roles) >= 2 and all(str(a).startswith("urn:trellis:role:") for a in roles), "s8: each attendee role an ATTENDEE")
    desc = str(meeting["DESCRIPTION"])
    check("progress evidence; vulnerable learners" in desc, "s8: documents survive escaping")
    check("Hill Primary School (URN 894001)" in desc, "s8: the school is named")
    check("chair of governors" in desc, "s8: attendees listed")
    check(one("s8.agenda").decoded("DTSTART") == datetime.date(2025, 5, 8), "s8: agenda due 8 May, two weeks before")
    check(one("s8.minutes").decoded("DTSTART") == datetime.date(2025, 6, 3),
          "s8: minutes due 3 June, seven working days after (the bank holiday skipped; half-term is worked)")
    window = one("support.window")
    check(window.decoded("DTSTART") == datetime.date(2025, 3, 3) and window.decoded("DTEND") == datetime.date(2025, 3, 18),
          "a window event spans 3 to 17 March inclusive")
    check(str(window.get("TRANSP")) == "TRANSPARENT" and str(window["SUMMARY"]).startswith("To arrange: "),
          "a window is a free placeholder to arrange, never a busy block")
    visit = one("s7.visit")
    check("with a comma" in str(visit["SUMMARY"]), "commas in a summary survive")
    check(str(cal.get("X-WR-CALNAME")) == "An LA 2024-25", "calendar name")
    check(meeting.decoded("DTSTAMP") == datetime.datetime(2025, 1, 15, 10, 30, tzinfo=datetime.timezone.utc)
          or meeting.decoded("DTSTAMP").replace(tzinfo=None) == datetime.datetime(2025, 1, 15, 10, 30),
          "DTSTAMP as given")


if __name__ == "__main__":
    try:
        main()
    except Exception as exc:  # a parse failure is a test failure, with its reason
        failed += 1
        print("FAIL: could not read the calendar:", repr(exc))
    print("%d passed, %d failed" % (passed, failed))
    sys.exit(1 if failed else 0)
