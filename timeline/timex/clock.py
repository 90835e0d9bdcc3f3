"""Resolvers for clock times ("10:35 a.m.", "noon Thursday") and parts of day."""

from __future__ import annotations

import datetime as dt
import re

from timeline.timex import calendar as cal
from timeline.timex.absolute import absolute
from timeline.timex.detect import Candidate
from timeline.timex.lang import ENGLISH as LEX
from timeline.timex.patterns import WEEKDAY
from timeline.timex.resolve import (
    Context,
    Reading,
    anaphoric,
    day_option,
    deictic,
    month_number,
    weekday_number,
    weekday_options,
    year_options,
)
from timeline.timex.stamps import opens_line
from timeline.timex.tense import Tense
from timeline.types import DateValue, Granularity


def clock(ctx: Context) -> Reading | None:
    text = ctx.g("clock").lower()
    hhmm = _clock_time(text)
    if text.startswith("noon") and ctx.before(5).endswith("high "):
        return None  # "high noon", the idiom
    if hhmm is None or _CONVERSION_RE.search(ctx.before(24)):
        return None  # "(0735 GMT)" restates the time just given, in another zone
    if ctx.g("month"):
        month, day = month_number(ctx.g("month")), int(ctx.g("d").rstrip("stndrh"))
        if ctx.dct is None:
            return absolute("", "clock", "TIME")
        options = year_options(ctx.dct, lambda y: day_option(y, month, day))
        tense = ctx.tense()
        return deictic(ctx, lambda d: _at(cal.pick(options, d, tense), hhmm), "clock/date", "TIME")
    later = _LATER_DAY_RE.match(ctx.after(40))
    if ctx.g("wd") or later:
        weekday = weekday_number(ctx.g("wd") or (later.group(1) if later else ""))
        tense = ctx.tense()

        def on_weekday(d: dt.date) -> str:
            return _at(cal.pick(weekday_options(d, weekday), d, tense), hhmm)

        return deictic(ctx, on_weekday, "clock/weekday", "TIME")
    offset = {"yesterday": -1, "tomorrow": 1}.get(ctx.g("day").lower(), 0)
    prev = ctx.anchors.previous
    gap = ctx.text[ctx.anchors.previous_end : ctx.cand.start].lower()
    words = gap.replace(".", " ").replace(",", " ").replace(";", " ").split()
    near = (
        ctx.anchors.previous_end >= 0
        and len(gap) <= _NEAR_CHARS
        and "\n" not in gap
        and all(w in _ON_DAY for w in words)
    )
    told = (  # "On Tuesday the mayor resigned. The council met at 3 p.m.": that day's
        len(gap) <= _TOLD_CHARS and "\n" not in gap and ctx.tense() is Tense.PAST
    )
    if (
        not ctx.g("day")
        and (near or told)
        and prev is not None
        and prev.granularity is Granularity.DAY
    ):
        # "on Sunday morning at 10 a.m.": the time belongs to the day just named
        return anaphoric(ctx, lambda p: f"{p.first.isoformat()}T{hhmm}", "clock/day", "TIME")
    if not ctx.g("day") and _undated_past(ctx, prev):
        return absolute(f"XXXX-XX-XXT{hhmm}", "clock/no-day", "TIME")
    return deictic(
        ctx, lambda d: _at(cal.day_value(cal.add_days(d, offset)), hhmm), "clock", "TIME"
    )


def _undated_past(ctx: Context, prev: DateValue | None) -> bool:
    """A time of day told in the past in an article that names no day at all ("the crew
    saw the flow at 21:38 hours", in a piece on an inquiry's report): nothing says it was
    the day of publication, so its day is left unknown (TIMEX3 `XXXX-XX-XXT21:38`). A live
    blog's stamp opening a line is the day of writing."""
    if (
        ctx.anchors.day_named
        or (prev is not None and prev.granularity is Granularity.DAY)
        or opens_line(ctx.text, ctx.cand.start)
    ):
        return False
    return ctx.tense() in (Tense.PAST, Tense.NONE)


# Rules whose expressions name a day: an article with none of them never says which day
# its times of day fell on.
_DAY_KINDS = frozenset({
    "weekday", "deictic_day", "month_day", "iso", "numeric", "part_of_day", "holiday",
    "weekday_of_week", "weekday_around", "day_range", "ordinal_day", "day_before", "this_time",
})  # fmt: skip


def names_a_day(cand: Candidate) -> bool:
    """Whether a detected expression names a day ("Tuesday", "May 4", "9 a.m. Friday")."""
    if cand.rule.kind == "clock":
        return any(cand.group(g) for g in ("wd", "day", "month"))
    return cand.rule.kind in _DAY_KINDS


def _at(day: str, hhmm: str) -> str:
    """A day at a time of day; "" for no day (one beyond the calendar)."""
    return f"{day}T{hhmm}" if day else ""


_ON_DAY = LEX.context["clock_on_day"]
_NEAR_CHARS = 40
_TOLD_CHARS = 250  # a past told on within a paragraph stays on the day it named
# "10:35 a.m. (0735 GMT) Friday": a conversion in parentheses, then the day
_CONVERSION_RE = re.compile(r"(?:\d\s*[ap]\.?m\.?|\d:\d\d)\s*\(\s*$")
_LATER_DAY_RE = re.compile(rf"\s*\([^()]{{1,20}}\)\s*,?\s*({WEEKDAY})", re.I)
_HHMM_RE = re.compile(r"(?P<h>\d\d)(?P<m>\d\d)\b|(?P<h2>\d{1,2})(?:[:.](?P<m2>\d\d))?")
_PM_RE = re.compile(r"\dp|\bp\.?m\b|\sp\.m")
_AM_RE = re.compile(r"\da|\ba\.?m\b|\sa\.m")


def _clock_time(text: str) -> str | None:
    if text.startswith(("noon", "midday")):
        return "12:00"
    if text.startswith("midnight"):
        return "24:00"
    match = _HHMM_RE.match(text)
    if match is None:
        return None
    hour = int(match.group("h") or match.group("h2"))
    minute = int(match.group("m") or match.group("m2") or 0)
    if _PM_RE.search(text) and hour < 12:
        hour += 12
    elif _AM_RE.search(text) and hour == 12:
        hour = 0
    return f"{hour:02d}:{minute:02d}" if hour <= 24 else None


def part_suffix(word: str) -> str:
    key = " ".join(word.lower().split()).replace("mid ", "mid-")
    return LEX.parts_of_day.get(key, "")
