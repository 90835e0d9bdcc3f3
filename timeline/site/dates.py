"""Human labels and HTML `datetime` values for TIMEX3 values, at their real granularity.

A month stays "December 2015" and a decade "the 2010s": the site never shows a precision
the sources did not give.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from timeline.timex.lang import ENGLISH
from timeline.types import DateValue, Granularity

MONTHS = ENGLISH.month_names
_SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
_SPECIAL = {
    "PRESENT_REF": "the time of publication",
    "PAST_REF": "some time in the past",
    "FUTURE_REF": "some time in the future",
    "": "unresolved",
}
_TIME_RE = re.compile(r"T(\d{2}):(\d{2})")
_ORDINAL = {1: "st", 2: "nd", 3: "rd"}


@functools.lru_cache(maxsize=1 << 16)
def parse_value(value: str) -> DateValue | None:
    """`DateValue.parse`, remembered: a site shows the same few thousand dates tens of
    thousands of times (labels, sort keys, agreement checks, exports)."""
    return DateValue.parse(value)


def day_label(day: dt.date) -> str:
    """`15 December 2015`: day first, month spelled out, so no reader misreads it."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else _ORDINAL.get(n % 10, "th")
    return f"{n}{suffix}"


def date_label(value: str) -> str:
    """Label a TIMEX3 value without adding precision; unknown shapes are shown as given."""
    if value in _SPECIAL:
        return _SPECIAL[value]
    parsed = parse_value(value)
    if parsed is None:
        return _before_the_era(value) or value
    return _calendar_label(parsed)


_BC_RE = re.compile(r"^BC(\d{2}|\d{4})$")


def _before_the_era(value: str) -> str | None:
    """ "44 BC" for BC0044, "the 4th century BC" for BC03 (TIMEX3's forms)."""
    match = _BC_RE.match(value)
    if match is None:
        return None
    number = int(match.group(1))
    if len(match.group(1)) == 4:
        return f"{number} BC"
    return f"the {_ordinal(number + 1)} century BC"


def _calendar_label(parsed: DateValue) -> str:
    gran, first, value = parsed.granularity, parsed.first, parsed.value
    if gran is Granularity.DAY:
        label = day_label(first)
        time = _TIME_RE.search(value)
        return f"{label}, {time.group(1)}:{time.group(2)}" if time else label
    if gran is Granularity.MONTH:
        return f"{MONTHS[first.month - 1]} {first.year}"
    if gran is Granularity.WEEK:
        return f"week of {day_label(first)}"
    if gran is Granularity.YEAR:
        return str(first.year)
    if gran is Granularity.DECADE:
        return f"the {value}0s"
    if gran is Granularity.CENTURY:
        return f"the {_ordinal(int(value[:2]) + 1)} century"
    if gran is Granularity.QUARTER:
        return f"Q{value[-1]} {first.year}"
    if gran is Granularity.HALF:
        half = "first" if value.endswith("H1") else "second"
        return f"{half} half of {first.year}"
    season = _SEASONS[value[5:7]]
    if value[5:7] == "WI":
        return f"{season} {first.year}–{str(first.year + 1)[-2:]}"
    return f"{season} {first.year}"


def html_datetime(value: str) -> str | None:
    """A valid HTML `datetime` at the same precision, or None when HTML has no such form.

    HTML can say a day, a month, a week or a year; decades, quarters and seasons have no
    valid form, and picking a day inside them would invent precision.
    """
    parsed = parse_value(value)
    if parsed is None:
        return None
    first = parsed.first
    match parsed.granularity:
        case Granularity.DAY:
            return first.isoformat()
        case Granularity.MONTH:
            return f"{first.year:04d}-{first.month:02d}"
        case Granularity.WEEK:
            year, week, _ = first.isocalendar()
            return f"{year:04d}-W{week:02d}"
        case Granularity.YEAR:
            return f"{first.year:04d}"
        case _:
            return None
