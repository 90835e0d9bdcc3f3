"""Live blogs: the day each update was written.

A live blog runs over several days under one publication date, and each update opens with
a stamp ("(Update 3:09 a.m. Wednesday in Cairo, 8:09 p.m. ET Tuesday)", "1626: The
minister arrives"). What an update says ("Tuesday night's speech", "yesterday") is written
on the stamp's day, not on the publication date: read from the publication date, a
"Wednesday" written on Wednesday 2 February in a blog published on Tuesday 1 February
would be the 26 January before it. A stamp that names no day ("(Update 11:47 p.m.)") is
the occurrence of its time nearest the stamp before it, so that a blog written backwards
across midnight steps back a day and one written forwards steps ahead.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from timeline.timex import calendar as cal
from timeline.timex.lang import ENGLISH as LEX
from timeline.timex.lang import alternation
from timeline.types import Timex

# What may stand between a line's start and its stamp: "(", "(Update ", "Updated: ".
_PREFIX_RE = re.compile(
    rf"^\(?\s*(?:(?:{alternation(LEX.context['update_stamp'])})\b:?\s*)?$", re.IGNORECASE
)
_MOMENT_RE = re.compile(r"^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$")


def opens_line(text: str, start: int) -> bool:
    """Whether what starts at `start` opens its line, as a stamp does ("(Update 9:05 ...")."""
    line_start = text.rfind("\n", 0, start) + 1
    return _PREFIX_RE.match(text[line_start:start]) is not None


def is_stamp(text: str, timex: Timex) -> bool:
    """Whether a timex opens its line as an update's stamp (a time of a day)."""
    if timex.type != "TIME" or _MOMENT_RE.match(timex.value) is None:
        return False
    return opens_line(text, timex.start)


def moment(timex: Timex) -> dt.datetime | None:
    """The instant a stamp's value names (24:00 is the next day's midnight)."""
    match = _MOMENT_RE.match(timex.value)
    if match is None:
        return None
    day = dt.date.fromisoformat(match.group(1))
    hour, minute = int(match.group(2)), int(match.group(3))
    return dt.datetime(day.year, day.month, day.day) + dt.timedelta(hours=hour, minutes=minute)


def nearest(timex: Timex, last: dt.datetime) -> Timex:
    """A stamp that names no day, on the day that puts it nearest the stamp before it."""
    match = _MOMENT_RE.match(timex.value)
    if match is None or match.group(2) == "24":
        return timex
    time = dt.timedelta(hours=int(match.group(2)), minutes=int(match.group(3)))
    options = []
    for shift in (-1, 0, 1):
        day = cal.add_days(last.date(), shift)
        if day is not None:
            options.append(dt.datetime(day.year, day.month, day.day) + time)
    best = min(options, key=lambda o: abs(o - last))
    clock = timex.value.split("T", 1)[1]
    anchor = last.date().isoformat()
    return replace(timex, value=f"{best.date().isoformat()}T{clock}", anchor="update",
                   anchor_value=anchor, rule=f"{timex.rule}/update")  # fmt: skip


_DAY_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
SPAN_DAYS = 3  # how far past an update's day a live page's later updates are looked for
# What may follow a day heading on its line: nothing, or a clock ("19 MAY, 2200 GMT").
_HEADING_TAIL_RE = re.compile(r"^[,:.\s-]*(?:$|\d{1,2}[:.]?\d{2}\b)")


def is_heading(text: str, timex: Timex) -> bool:
    """Whether a day opens its line as a heading ("19 MAY, 2200 GMT", "MAY 20"): a diary
    written over several days puts what each day's paragraphs say under its heading."""
    if timex.type != "DATE" or _DAY_RE.match(timex.value) is None:
        return False
    if not opens_line(text, timex.start):
        return False
    line_end = text.find("\n", timex.end)
    tail = text[timex.end : line_end if line_end >= 0 else len(text)]
    letters = [c for c in timex.text if c.isalpha()]
    shouting = bool(letters) and all(c.isupper() for c in letters)
    return shouting or _HEADING_TAIL_RE.match(tail) is not None


def day_of(timex: Timex) -> dt.date | None:
    """The day a stamp or a heading names."""
    head = timex.value.split("T", 1)[0]
    return dt.date.fromisoformat(head) if _DAY_RE.match(head) else None


def later_day(written: dt.date, latest: dt.date | None, weekday: int) -> dt.date | None:
    """The day named by a past-tense weekday on a page still being written after `written`:
    a blog published on Sunday and updated on Monday says "landed Monday" of that Monday,
    not of the one before. None when no such day lies in (written, latest]."""
    if latest is None or latest <= written:
        return None
    for shift in range(1, min((latest - written).days, SPAN_DAYS) + 1):
        day = cal.add_days(written, shift)
        if day is not None and day.weekday() == weekday:
            return day
    return None
