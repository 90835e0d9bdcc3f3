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
