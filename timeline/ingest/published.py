"""Publication dates: parsing what users and pages declare, and choosing by precedence.

Every later date is resolved against the publication date, so a wrong one silently
shifts a whole article: hence a fixed precedence (front matter > manifest > format
metadata > a dateline in the text), provenance on every value, and warnings whenever
a lower source had to be trusted. Nothing is ever taken from file times or the clock.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from timeline.errors import InputError
from timeline.ingest.clean import DATE_LINE
from timeline.ingest.declared import Declared, read_declared
from timeline.ingest.invisible import visible
from timeline.ingest.zones import check_zone
from timeline.timex.lang import ENGLISH
from timeline.types import DateSource, Published

__all__ = ["DateClaim", "choose_published", "find_dateline", "parse_date", "read_date"]

# What may follow the day in an ISO date: a clock time, then a zone or an offset.
_CLOCK = re.compile(r"^[Tt ]?\s*\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?")
_ZONE = re.compile(r"^(?:[Zz]|UTC|GMT|[+-]\d{2}(?::?\d{2})?|[A-Za-z_]+(?:/[A-Za-z0-9_+-]+)+)$")
_WIRE = re.compile(
    r"^(?P<place>[A-Z][A-Za-z .'-]{1,40}),\s+(?P<month>[A-Za-z]{3,9})\.?\s+(?P<day>\d{1,2})"
    r"(?:,?\s+(?P<year>\d{4}))?\s*(?:\((?P<agency>[A-Za-z &]{2,30})\))?\s*[-–—]"
)
_SCAN_LINES = 4


@dataclass(frozen=True, slots=True, kw_only=True)
class DateClaim:
    """A publication date as one source states it, before it is parsed and judged."""

    source: DateSource
    value: str
    detail: str
    timezone: str | None = None


def _month(name: str) -> int | None:
    return ENGLISH.month_number(name)


def parse_date(value: str, date_order: str | None = None) -> tuple[dt.date, str | None]:
    """Parse a declared date; return the outlet's local calendar date and the zone or UTC
    offset written with it, as written (`check_zone` judges it). Raises InputError.

    ISO 8601 (`2015-12-15`, `2015-12-15T23:30:00-05:00`, also `2015-12-15 Europe/Dublin`)
    is read here; every other form (RFC 2822 as feeds write it, "December 15, 2015",
    "15 décembre 2015", "15/12/2015") strictly by dateparser (`declared`).
    """
    declared = read_date(value, date_order)
    return declared.day, declared.zone


def read_date(value: str, date_order: str | None = None) -> Declared:
    """`parse_date`, with a note on how the date was read when that took `date_order`."""
    text = value.strip()
    iso = re.match(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?=$|[Tt ])", text)
    if not iso:
        return read_declared(text, date_order)
    try:
        day = dt.date(int(iso[1]), int(iso[2]), int(iso[3]))
    except ValueError as exc:
        raise InputError(f"'{text}' is not a real calendar date ({exc})") from exc
    # The written day is the outlet's local day: an offset never moves it.
    rest = _CLOCK.sub("", text[iso.end() :], count=1).strip()
    if not _ZONE.match(rest):
        return Declared(day=day, zone=None)  # a time we cannot read does not change the day
    return Declared(day=day, zone=check_zone(rest)[0] or rest)


def find_dateline(text: str) -> tuple[DateClaim | None, str | None]:
    """Look for a date at the top of the text: a date-only line or a wire dateline.

    Returns the claim and, when a dateline lacks a year, a message saying so (a day
    and month alone cannot be placed without guessing the year).
    """
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()][:_SCAN_LINES]
    for line in lines:
        normalized = " ".join(line.split())
        if DATE_LINE.match(normalized):
            return DateClaim(
                source=DateSource.DATELINE,
                value=normalized,
                detail=f"date line '{normalized}' at the top of the text",
            ), None
        wire = _WIRE.match(normalized)
        if wire and _month(wire["month"]):
            head = normalized[: wire.end()].rstrip(" -–—")
            if not wire["year"]:
                return None, (f"the dateline '{head}' has no year, so it was not used")
            value = f"{wire['day']} {wire['month']} {wire['year']}"
            return DateClaim(
                source=DateSource.DATELINE, value=value, detail=f"dateline '{head}'"
            ), None
    return None, None


def choose_published(
    claims: Sequence[DateClaim],
    *,
    build_date: dt.date | None = None,
    date_order: str | None = None,
) -> tuple[Published, tuple[str, ...]]:
    """Take the highest-precedence claim that parses; explain every fallback.

    Returns the Published value and warning messages (without the file name).
    `date_order` says how to read an all-numeric date ("03/04/2015"); without it such a
    date is reported as ambiguous and the next claim is tried.
    """
    order = list(DateSource)
    ranked = sorted(claims, key=lambda c: order.index(c.source))
    messages: list[str] = []
    for index, claim in enumerate(ranked):
        try:
            reading = read_date(claim.value, date_order)
            day, written = reading.day, reading.zone
        except InputError as exc:
            messages.append(
                f"invalid publication date in {claim.detail}: {exc}; "
                "fix it (YYYY-MM-DD), lower-precedence sources were tried"
            )
            continue
        timezone = None
        for declared in (claim.timezone, written):
            if not declared:
                continue
            zone, problem = check_zone(declared)
            if problem is not None:
                messages.append(
                    f"time zone {problem}; in {claim.detail}, the date {day.isoformat()} "
                    "is kept without it"
                )
            timezone = timezone or zone
        overridden = [
            f"{c.source.value} '{c.value}'" for c in ranked[index + 1 :] if c.source != claim.source
        ]
        # Shown on the article's page: quoted values and names cannot reorder the text.
        how = f" ({reading.note})" if reading.note else ""
        detail = visible(
            claim.detail + how + (f"; overrides {', '.join(overridden)}" if overridden else "")
        )
        if claim.source is DateSource.DATELINE:
            messages.append(
                f"publication date {day.isoformat()} taken from the {claim.detail}, "
                "the only usable date; confirm it in the manifest or front matter"
            )
        if build_date is not None and day > build_date:
            messages.append(
                f"publication date {day.isoformat()} is after the build date "
                f"{build_date.isoformat()}; check the {claim.detail}"
            )
        return Published(date=day, source=claim.source, timezone=timezone, detail=detail), tuple(
            messages
        )
    messages.append(
        "no publication date: relative dates ('yesterday', 'on Friday') cannot be "
        "resolved; add 'published: YYYY-MM-DD' to the front matter or to the "
        "folder's manifest.yaml"
    )
    return Published(date=None, source=DateSource.NONE), tuple(messages)
