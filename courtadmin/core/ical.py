"""A person's calendar as an iCalendar file (RFC 5545, the `icalendar` package): what his
calendar program imports from the portal. Each app hands over its entries within the reader's
reach (international events, IR 7.6); this only writes them.

An entry of whole days is written as dates, its last day included (DTEND is the day after, as
the RFC counts it); an entry of hours starts at its time in the portal's time zone. A
cancelled entry stays in the file as CANCELLED, so that a calendar that had it drops it.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.utils import timezone
from icalendar import Calendar
from icalendar import Event as CalendarEvent


@dataclass(frozen=True)
class CalendarEntry:
    uid: str  # stable across downloads: "ir-event-12@courtadmin"
    summary: str
    starts_on: date
    ends_on: date
    start_time: time | None
    location: str
    description: str
    status: str  # TENTATIVE, CONFIRMED or CANCELLED
    url: str


def calendar_file(entries, *, name: str) -> bytes:
    """`entries` (CalendarEntry) as one VCALENDAR named `name`."""
    feed = Calendar()
    feed.add("prodid", "-//courtadmin//calendar//KK")
    feed.add("version", "2.0")
    feed.add("calscale", "GREGORIAN")
    feed.add("x-wr-calname", name)
    stamp, zone = timezone.now(), timezone.get_current_timezone()
    for entry in entries:
        item = CalendarEvent()
        item.add("uid", entry.uid)
        item.add("dtstamp", stamp)
        item.add("summary", entry.summary)
        if entry.start_time is not None:
            item.add("dtstart", datetime.combine(entry.starts_on, entry.start_time, tzinfo=zone))
        else:
            item.add("dtstart", entry.starts_on)
            item.add("dtend", entry.ends_on + timedelta(days=1))
        item.add("location", entry.location)
        item.add("description", entry.description)
        item.add("status", entry.status)
        item.add("url", entry.url)
        feed.add_component(item)
    return feed.to_ical()
