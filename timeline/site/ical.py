"""iCalendar (RFC 5545) export: one all-day VEVENT per event dated to a day, week or month.

Coarser periods (a quarter, a year, a decade) are left out: a calendar entry spanning a
year says nothing a reader can use. UIDs come from event ids, DTSTAMP from the build date,
so the file is identical between builds of the same data.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from timeline.site.context import EventView, plain_citations
from timeline.site.dates import parse_value
from timeline.types import DateValue, Granularity
from timeline.version import __version__

_CALENDAR_GRANULARITIES = frozenset({Granularity.DAY, Granularity.WEEK, Granularity.MONTH})
_MAX_OCTETS = 75


def escape_text(text: str) -> str:
    """TEXT value escaping: backslash, semicolon, comma and newlines."""
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def fold(line: str) -> str:
    """Fold a content line into chunks of at most 75 octets, never splitting a character
    (continuation lines start with a space, so they carry 74 octets of the line)."""
    data = line.encode()
    if len(data) <= _MAX_OCTETS:
        return line
    chunks: list[bytes] = []
    start, limit = 0, _MAX_OCTETS
    while len(data) - start > limit:
        cut = start + limit
        while data[cut] & 0xC0 == 0x80:  # a UTF-8 continuation byte: cut before its character
            cut -= 1
        chunks.append(data[start:cut])
        start, limit = cut, _MAX_OCTETS - 1
    chunks.append(data[start:])
    return b"\r\n ".join(chunks).decode()


def _ical_date(day: dt.date) -> str:
    """YYYYMMDD with four year digits (strftime drops the zeros of years before 1000)."""
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"


def _end(parsed: DateValue) -> str:
    """The exclusive end day; a period that ends the calendar has its length instead."""
    if parsed.last == dt.date.max:
        return f"DURATION:P{(parsed.last - parsed.first).days + 1}D"
    return f"DTEND;VALUE=DATE:{_ical_date(parsed.last + dt.timedelta(days=1))}"


def _vevent(
    view: EventView, parsed: DateValue, stamp: str, url: Callable[[str], str | None]
) -> list[str]:
    description = f"{view.sentence}\n\nDate: {view.label}\nSources:\n{plain_citations(view)}"
    if view.conflict:
        description += "\nSources disagree on the date: " + ", ".join(view.conflict_labels)
    lines = [
        "BEGIN:VEVENT",
        f"UID:{view.id}@timeline",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{_ical_date(parsed.first)}",
        _end(parsed),
        f"SUMMARY:{escape_text(view.headline)}",
        f"DESCRIPTION:{escape_text(description)}",
    ]
    address = url(f"{view.home}#{view.id}")
    if address:
        lines.append(f"URL:{address}")
    lines.append("END:VEVENT")
    return lines


def calendar(
    name: str,
    views: tuple[EventView, ...],
    build_date: dt.date,
    url: Callable[[str], str | None],
) -> bytes:
    """The whole calendar as CRLF-terminated, folded bytes; `url(page#id)` is an event's
    public address (None without a site URL: a calendar has no address to resolve from)."""
    stamp = build_date.strftime("%Y%m%dT000000Z")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//timeline//timeline {__version__}//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}",
    ]
    for view in views:
        parsed = parse_value(view.value)
        if parsed is not None and parsed.granularity in _CALENDAR_GRANULARITIES:
            lines.extend(_vevent(view, parsed, stamp, url))
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines).encode()
