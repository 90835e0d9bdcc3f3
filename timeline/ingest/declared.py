"""Declared dates in the forms people and pages write them, read strictly with dateparser.

A publication date anchors every relative date of its article, so a wrong one shifts them
all: nothing here guesses. dateparser reads the common forms in many languages ("Dec. 16,
2015, 10:45 a.m. ET", "Wednesday 16 December 2015 09.30 GMT", "16 décembre 2015",
"16/12/2015") and is asked for a day, a month and a year, never relative words ("next
Friday"). Two things it would guess are checked here: a numeric date that reads
differently day first and month first ("03/04/2015") is ambiguous unless the `date_order`
setting says which, and a weekday that contradicts the date ("Thursday 16 December 2015")
is an error. dateparser is imported on first use: ISO dates, the usual case, never need it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from timeline.errors import InputError
from timeline.ingest.zones import format_offset
from timeline.timex.lang import ENGLISH, alternation

__all__ = ["DATE_ORDERS", "Declared", "read_declared"]

#: Values of the `date_order` setting: how an all-numeric date is read.
DATE_ORDERS = ("DMY", "MDY", "YMD")
#: Languages a declared date may be written in (dateparser's codes).
_LANGUAGES = ["en", "fr", "de", "es", "it", "pt", "nl"]
_SETTINGS: dict[str, Any] = {
    "STRICT_PARSING": True,
    "REQUIRE_PARTS": ["day", "month", "year"],
    "PREFER_LOCALE_DATE_ORDER": False,
    "PARSERS": ["custom-formats", "absolute-time"],
}
_WEEKDAY_RE = re.compile(rf"\b(?:{alternation(ENGLISH.weekdays)})\b\.?", re.IGNORECASE)
_OFFSET_RE = re.compile(r"\s+(?P<sign>[+-])(?P<hh>\d\d):?(?P<mm>\d\d)\s*$")
_ORDER_NAMES = {"DMY": "day first", "MDY": "month first", "YMD": "year first"}


@dataclass(frozen=True, slots=True, kw_only=True)
class Declared:
    """A declared date as read: the written (local) day, the zone or offset written with
    it, and how it was read when that took the `date_order` setting."""

    day: dt.date
    zone: str | None
    note: str = ""


def _parse(text: str, order: str) -> dt.datetime | None:
    import dateparser

    parsed: dt.datetime | None = dateparser.parse(
        text, languages=_LANGUAGES, settings={**_SETTINGS, "DATE_ORDER": order}
    )
    return parsed


def _label(day: dt.date) -> str:
    return f"{day.day} {ENGLISH.month_names[day.month - 1]} {day.year}"


def read_declared(text: str, date_order: str | None = None) -> Declared:
    """Read a declared date strictly; raise InputError saying why it cannot be used."""
    readings = {order: _parse(text, order) for order in DATE_ORDERS}
    days = {order: r.date() for order, r in readings.items() if r is not None}
    trailing = _OFFSET_RE.search(text)
    if not days and trailing is not None:
        # An offset no zone uses ("+9900") is reported by the caller; the day stands.
        declared = read_declared(text[: trailing.start()], date_order)
        written = f"{trailing['sign']}{trailing['hh']}:{trailing['mm']}"
        return Declared(day=declared.day, zone=written, note=declared.note)
    if not days:
        raise InputError(
            f"'{text}' is not a date I can read with a day, a month and a year; "
            "write it as YYYY-MM-DD"
        )
    note = ""
    if len(set(days.values())) > 1:
        if date_order is None:
            options = " or ".join(sorted({_label(d) for d in days.values()}))
            raise InputError(
                f"'{text}' is ambiguous ({options}); write it as YYYY-MM-DD or set "
                f"date_order to one of {', '.join(DATE_ORDERS)}"
            )
        if date_order not in days:
            raise InputError(f"'{text}' is not a date when read {_ORDER_NAMES[date_order]}")
        note = f"read {_ORDER_NAMES[date_order]} (date_order = {date_order})"
    order = date_order if date_order in days else next(iter(days))
    parsed = readings[order]
    assert parsed is not None  # an order in `days` has a reading
    day = days[order]
    named = _WEEKDAY_RE.search(text)
    if named is not None:
        weekday = ENGLISH.weekday_number(named.group(0))
        if weekday is not None and weekday != day.weekday():
            raise InputError(
                f"'{text}' names a {ENGLISH.weekday_names[weekday]}, but {_label(day)} "
                f"was a {ENGLISH.weekday_names[day.weekday()]}"
            )
    offset = parsed.utcoffset()
    zone = None if offset is None else format_offset(int(offset.total_seconds()) // 60)
    return Declared(day=day, zone=zone, note=note)
