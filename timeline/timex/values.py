"""What a well-formed TIMEX3 value is, checked: the tagger's own output guard.

TIMEX3 (TimeML 1.2) values are ISO 8601 forms at their real granularity (`2015`,
`2015-11`, `2015-W51`, `2015-12-15T10:30`), with TimeML's additions: decades and
centuries by their leading digits (`201`, `20`), quarters, halves and seasons
(`2015-Q4`, `2015-H2`, `2015-WI`), parts of day (`T MO`), placeholders (`XXXX-12`,
`2015-WXX`), `BC` before years and centuries of the era before year 1 (`BC0044`, `BC03`
for the fourth century BC), durations (`P5Y`, `PT2H30M`, `PXD`) and the references
`PRESENT_REF`, `PAST_REF`, `FUTURE_REF`. A value must also name a real calendar period:
no month 13, no 30 February, no week 53 in a year that has 52, no year 0 or 10000.
"""

from __future__ import annotations

import datetime as dt
import re

REFERENCES = frozenset({"PRESENT_REF", "PAST_REF", "FUTURE_REF"})
TYPES = frozenset({"DATE", "TIME", "DURATION", "SET"})

_DATE_RE = re.compile(
    r"^(?:BC(?:\d{2}|\d{4})"  # the era before year 1: a century or a year
    r"|\d{2}|\d{3}"  # a century, a decade
    r"|(?P<year>\d{4}|XXXX)"
    r"(?:-(?:(?P<month>\d{2}|XX)(?:-(?P<day>\d{2}|XX))?"
    r"|W(?P<week>\d{2}|XX)(?:-(?P<weekday>[1-7]|WE))?"
    r"|Q[1-4]|H[12]|SP|SU|FA|WI))?)$"
)
_TIME_RE = re.compile(
    r"^(?P<date>[^T]+)T(?:(?P<hour>\d{2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?"
    r"|MO|MI|AF|EV|NI|DT)$"
)
_AMOUNT = r"(?:\d+(?:\.\d+)?|X)"
_DURATION_RE = re.compile(
    rf"^P(?:(?:{_AMOUNT}(?:Y|M|W|D|WE|Q|H|DE|CE|ML))+(?:T(?:{_AMOUNT}[HMS])+)?"
    rf"|T(?:{_AMOUNT}[HMS])+)$"
)


def well_formed(kind: str, value: str) -> bool:
    """Whether `value` is a well-formed TIMEX3 value of type `kind`; "" (unresolved) is."""
    if kind not in TYPES:
        return False
    if not value:
        return True
    if kind == "DURATION":
        return _duration(value)
    if kind == "SET":
        return _duration(value) or _date(value)
    if value in REFERENCES:
        return kind == "DATE"
    if kind == "TIME":
        return _time(value) or _date(value)
    return _date(value)


def _duration(value: str) -> bool:
    return _DURATION_RE.match(value) is not None


def _time(value: str) -> bool:
    match = _TIME_RE.match(value)
    if match is None or not _date(match.group("date")):
        return False
    if match.group("hour") is None:
        return True
    hour, minute = int(match.group("hour")), int(match.group("minute"))
    second = int(match.group("second") or 0)
    return (hour < 24 and minute < 60 and second < 60) or (hour, minute, second) == (24, 0, 0)


def _date(value: str) -> bool:
    match = _DATE_RE.match(value)
    if match is None:
        return False
    year_text = match.group("year")
    if year_text is None or year_text == "XXXX":
        return _parts_in_range(match)
    year = int(year_text)
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        return False
    return _parts_in_range(match) and _real_day(year, match) and _real_week(year, match)


def _parts_in_range(match: re.Match[str]) -> bool:
    month, day, week = match.group("month"), match.group("day"), match.group("week")
    if month not in (None, "XX") and not 1 <= int(month) <= 12:
        return False
    if day not in (None, "XX") and not 1 <= int(day) <= 31:
        return False
    return week in (None, "XX") or 1 <= int(week) <= 53


def _real_day(year: int, match: re.Match[str]) -> bool:
    month, day = match.group("month"), match.group("day")
    if month in (None, "XX") or day in (None, "XX"):
        return True
    try:
        dt.date(year, int(month), int(day))
    except ValueError:
        return False
    return True


def _real_week(year: int, match: re.Match[str]) -> bool:
    week = match.group("week")
    if week in (None, "XX"):
        return True
    try:
        dt.date.fromisocalendar(year, int(week), 1)
    except ValueError:
        return False
    return True
