"""Calendar arithmetic and TIMEX3 value formatting, at the granularity the text gives.

`pick` is the heart of underspecified dates: among the candidate periods a phrase
could mean (this year's, last year's, next year's September 30), the tense decides.

The calendar runs from year 1 to year 9999 (TIMEX3 writes years in four digits). A period
that arithmetic moves outside it ("tomorrow" on 31 December 9999) has no value: the
helpers here give None or "" for it, and the expression stays unresolved.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from timeline.timex.lang import ENGLISH as LEX
from timeline.timex.lang import Holiday
from timeline.timex.tense import Tense
from timeline.types import DateValue, Granularity


def in_calendar(year: int) -> bool:
    return dt.MINYEAR <= year <= dt.MAXYEAR


def day_value(d: dt.date | None) -> str:
    return d.isoformat() if d is not None else ""


def year_value(year: int) -> str:
    return f"{year:04d}" if in_calendar(year) else ""


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}" if in_calendar(year) else ""


def week_value(d: dt.date | None) -> str:
    if d is None:
        return ""
    year, week, _ = d.isocalendar()
    return f"{year:04d}-W{week:02d}"


def quarter_value(year: int, quarter: int) -> str:
    return f"{year:04d}-Q{quarter}" if in_calendar(year) else ""


def half_value(year: int, half: int) -> str:
    return f"{year:04d}-H{half}" if in_calendar(year) else ""


def decade_value(decade: int) -> str:
    """ "201" for the 2010s; none before the 0s or after the 9990s."""
    return f"{decade:03d}" if 0 <= decade <= dt.MAXYEAR // 10 else ""


def century_value(century: int) -> str:
    """ "20" for the 21st century (2000-2099), as TIMEX3 writes centuries."""
    return f"{century:02d}" if 0 <= century <= dt.MAXYEAR // 100 else ""


def add_days(d: dt.date, n: int) -> dt.date | None:
    """The day n days away, None beyond the calendar."""
    try:
        return d + dt.timedelta(days=n)
    except OverflowError:
        return None


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + n
    return index // 12, index % 12 + 1


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:  # no such day, or a year outside the calendar
        return None


def shift(value: DateValue, n: int, unit: str) -> str:
    """Move a period by n units, keeping the coarser of the two granularities."""
    first = value.first
    gran = value.granularity
    if unit == "D":
        if gran is not Granularity.DAY:
            return ""
        return day_value(add_days(first, n))
    if unit == "W":
        if gran in (Granularity.DAY, Granularity.WEEK):
            return week_value(add_days(first, 7 * n))
        return ""
    if unit == "M":
        if gran.rank < Granularity.MONTH.rank and gran is not Granularity.QUARTER:
            return ""
        y, m = add_months(first.year, first.month, n)
        return month_value(y, m)
    if unit == "Q":
        if gran.rank < Granularity.QUARTER.rank:
            return ""
        y, m = add_months(first.year, first.month, 3 * n)
        return quarter_value(y, (m - 1) // 3 + 1)
    if unit == "Y":
        return shift_years(value, n)
    return ""


def shift_years(value: DateValue, n: int) -> str:
    """The same period n years away: a quarter stays a quarter, a day becomes a year."""
    year = value.first.year + n
    if not in_calendar(year):
        return ""
    if value.granularity is Granularity.QUARTER:
        return f"{year:04d}{value.value[4:7]}"
    if value.granularity is Granularity.MONTH:
        return month_value(year, value.first.month)
    return f"{year:04d}"


_NEAR_LIMIT = 45  # days: "extended to Nov. 20" in a Nov. 1 paper is ahead
_FAR = 240  # days: further than this, a tense reading is doubtful ...
_NEAR = 21  # ... when the other reading is this close


def pick(options: Sequence[tuple[dt.date, dt.date, str]], dct: dt.date, tense: Tense) -> str:
    """Choose among candidate periods (first, last, value) relative to the publication
    date: past tense takes the latest that has begun (never one after the date), future
    the earliest not yet over, otherwise the one containing the date or else the nearest.
    "" when there are none (a February 29 near the calendar's ends)."""
    if not options:
        return ""
    started = [o for o in options if o[0] <= dct]
    ahead = [o for o in options if o[1] >= dct]
    if tense is Tense.PAST and started:
        return max(started)[2]
    if tense is Tense.LIMIT and started:
        if ahead and (min(ahead)[0] - dct).days <= _NEAR_LIMIT:
            return min(ahead)[2]
        return max(started)[2]
    if tense is Tense.NEAR:
        return min(options, key=lambda o: (_distance(o, dct), o[0] < dct))[2]
    if tense is Tense.FUTURE and ahead:
        future = min(ahead)
        # "will report on Nov. 2" in a Nov. 3 paper: a date just past beats one a year ahead.
        if started and (future[0] - dct).days > _FAR and (dct - max(started)[1]).days < _NEAR:
            return max(started)[2]
        return future[2]
    for first, last, value in options:
        if first <= dct <= last:
            return value

    return min(options, key=lambda o: _distance(o, dct))[2]


def _distance(option: tuple[dt.date, dt.date, str], dct: dt.date) -> int:
    return min(abs((option[0] - dct).days), abs((option[1] - dct).days))


_DIGITS_RE = re.compile(r"^(\d+(?:[.,]\d+)?)(?:\s+(\d)/(\d))?$")


def parse_number(text: str) -> float | None:
    """Value of a number phrase ("two", "twenty-four", "5 1/2", "a"); None when vague."""
    words = " ".join(text.lower().replace("-", " ").split())
    m = _DIGITS_RE.match(words)
    if m:
        value = float(m.group(1).replace(",", ""))
        if m.group(2):
            value += int(m.group(2)) / int(m.group(3))
        return value
    if words.startswith(("a few", "several", "many", "a number")) or words == "few":
        return None
    words = words.replace(" of", "").replace("a couple", "couple").replace(" and a half", " half")
    total = 0.0
    current = 0.0
    if words in ("a single", "single"):
        return 1.0
    for word in words.split():
        if word == "half":
            current += 0.5
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word == "thousand":
            total += max(current, 1) * 1000
            current = 0
        elif word in LEX.numbers:
            current += LEX.numbers[word]
        elif word == "single":
            current = 1
        else:
            return None
    return total + current


def parse_ordinal(text: str) -> int | None:
    word = text.lower().strip()
    if word in LEX.ordinals:
        return LEX.ordinals[word]
    digits = re.match(r"^(\d+)(?:st|nd|rd|th)$", word)
    return int(digits.group(1)) if digits else None


def format_amount(n: float | None, letter: str, *, time: bool) -> str:
    """A TIMEX3 duration: P3Y, PT5H30M, PXD for vague amounts."""
    prefix = "PT" if time else "P"
    if n is None:
        return f"{prefix}X{letter}"
    if n != int(n) and (letter in ("H", "Y") or (time and letter == "M")):
        # minutes under hours, months under years, seconds under minutes
        sub_unit = "S" if time and letter == "M" else "M"
        factor = 12 if letter == "Y" else 60
        return f"{prefix}{int(n)}{letter}{round((n - int(n)) * factor)}{sub_unit}"
    text = str(int(n)) if n == int(n) else f"{n:g}"
    return f"{prefix}{text}{letter}"


def easter(year: int) -> dt.date:
    """Gregorian Easter Sunday (anonymous algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month = (h + ell - 7 * m + 114) // 31
    day = (h + ell - 7 * m + 114) % 31 + 1
    return dt.date(year, month, day)


def holiday_date(holiday: Holiday, year: int) -> dt.date:
    """The day of `holiday` in `year` (ValueError beyond the calendar)."""
    if holiday.easter is not None:
        return easter(year) + dt.timedelta(days=holiday.easter)
    day = dt.date(year, holiday.month, holiday.day)
    if holiday.weekday is None:
        return day
    return day + dt.timedelta(days=(holiday.weekday - day.weekday()) % 7)
