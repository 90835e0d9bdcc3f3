"""Resolvers for expressions built of parts: a range of days under one month ("Monday 20 to
Friday 24 September"), the weekday of a named week ("Tuesday last week"), the weekday
before or after the story's date ("the Friday before"), an ordinal day ("on the 3rd"),
"this time last year", quarters written "Q3" and a part of the story's day ("later in the
day").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from timeline.timex import calendar as cal
from timeline.timex.absolute import absolute
from timeline.timex.clock import part_suffix
from timeline.timex.periods import numbered_quarter
from timeline.timex.resolve import (
    Context,
    Reading,
    anaphoric,
    day_option,
    deictic,
    month_number,
    weekday_number,
    year_options,
)
from timeline.types import DateValue, Granularity

# One day of a range: its characters and its reading.
Part = tuple[int, int, Reading]


def day_range(ctx: Context) -> list[Part]:
    """Each day of "Monday 20 to Friday 24 September" or "April 24 and 25", as TimeML tags
    them: two dates, each from its own number, sharing the month and year written once."""
    match = ctx.cand.match
    first_day, last_day = ("d1", "d") if ctx.g("d1") else ("d3", "d4")
    month = month_number(ctx.g("month") or ctx.g("month2"))
    year_text = ctx.g("y") or ctx.g("y2")
    days = (int(ctx.g(first_day).rstrip("stndrh")), int(ctx.g(last_day).rstrip("stndrh")))
    if days[1] <= days[0] or cal.safe_date(2000, month, days[1]) is None:
        return []
    year: int | None = int(year_text) if year_text else None
    if year is None and ctx.dct is not None:
        options = year_options(ctx.dct, lambda y: day_option(y, month, days[0]))
        if ctx.g("wd1"):  # "Monday 20": the year in which the 20th is a Monday
            weekday = weekday_number(ctx.g("wd1"))
            options = [o for o in options if o[0].weekday() == weekday] or options
        chosen = cal.pick(options, ctx.dct, ctx.tense())
        year = int(chosen[:4]) if chosen else None
    ends = (
        (match.start(), match.end("d1") if ctx.g("d1") else match.end("d3")),
        (match.start("wd") if ctx.g("wd") else match.start(last_day), match.end()),
    )
    parts: list[Part] = []
    for (start, end), day in zip(ends, days, strict=True):
        date = cal.safe_date(year, month, day) if year is not None else None
        value = date.isoformat() if date else ""
        if year_text:
            reading = absolute(value, "day-range")
        else:
            reading = deictic(ctx, _constant(value), "day-range")
        parts.append((start, end, reading))
    return parts


def _constant(value: str) -> Callable[[dt.date], str]:
    return lambda _: value


def weekday_of_week(ctx: Context) -> Reading:
    """ "Tuesday last week": that weekday of the week named."""
    weekday = weekday_number(ctx.g("wd"))
    shift = {"last": -1, "next": 1}.get(ctx.g("rel").lower(), 0)

    def value(dct: dt.date) -> str:
        monday = cal.add_days(dct, 7 * shift - dct.weekday())
        return cal.day_value(cal.add_days(monday, weekday) if monday else None)

    return deictic(ctx, value, f"weekday-of-week/{ctx.g('rel').lower()}")


def weekday_around(ctx: Context) -> Reading:
    """ "the Friday before": the weekday before (or after) the date the story is telling."""
    weekday = weekday_number(ctx.g("wd"))
    step = -1 if ctx.g("dir").lower() == "before" else 1

    def value(previous_day: dt.date) -> str:
        for n in range(1, 8):
            day = cal.add_days(previous_day, step * n)
            if day is not None and day.weekday() == weekday:
                return day.isoformat()
        return ""

    return anaphoric(
        ctx,
        lambda p: value(p.first) if p.granularity is Granularity.DAY else "",
        f"weekday-around/{ctx.g('dir').lower()}",
    )


def this_time(ctx: Context) -> Reading:
    """ "this time last year": the same day a year (month, week) away."""
    sign = -1 if ctx.g("rel").lower() == "last" else 1
    unit = ctx.g("unit").lower()

    def value(dct: dt.date) -> str:
        if unit == "week":
            return cal.day_value(cal.add_days(dct, 7 * sign))
        if unit == "month":
            y, m = cal.add_months(dct.year, dct.month, sign)
        else:
            y, m = dct.year + sign, dct.month
        if not cal.in_calendar(y):
            return ""
        day = cal.safe_date(y, m, dct.day) or cal.safe_date(y, m, dct.day - 1)
        return cal.day_value(day)

    return deictic(ctx, value, f"this-time/{ctx.g('rel').lower()}-{unit}")


def ordinal_day(ctx: Context) -> Reading | None:
    """ "on the 3rd": a day of the month the story is in (the last month or day named),
    else of the month the tense points to from the publication date."""
    if not ctx.before(4).endswith("on "):
        return None  # "the 3rd Battalion", "the 21st" of a list
    day = int(ctx.g("d").rstrip("stndrh"))
    prev = ctx.anchors.previous
    if prev is not None and prev.granularity in (Granularity.DAY, Granularity.MONTH):
        month_of = prev.first
        reading = anaphoric(
            ctx,
            lambda _: cal.day_value(cal.safe_date(month_of.year, month_of.month, day)),
            "ordinal-day/story",
        )
        if reading.value:
            return reading
    if ctx.dct is None:
        return absolute("", "ordinal-day")
    tense = ctx.tense()

    def value(dct: dt.date) -> str:
        options = []
        for n in (-1, 0, 1):
            y, m = cal.add_months(dct.year, dct.month, n)
            option = day_option(y, m, day) if cal.in_calendar(y) else None
            if option is not None:
                options.append(option)
        return cal.pick(options, dct, tense)

    return deictic(ctx, value, f"ordinal-day/{tense}")


def quarter_code(ctx: Context) -> Reading | None:
    """ "Q3", "Q4 2015", "2015 Q1": a quarter, of the year written or the one the tense
    points to."""
    number = int(ctx.g("qc"))
    year_text = ctx.g("y1") or ctx.g("y")
    if year_text:
        return absolute(cal.quarter_value(int(year_text), number), "quarter-code/year")
    return numbered_quarter(ctx, number)


def part_of_story(ctx: Context) -> Reading | None:
    """ "later in the day", "in the morning", "by mid afternoon": that part of the day the
    passage is about (the day it just named, else the day of writing). A bare "in the
    morning" is a habit ("I run in the morning") unless a day was named just before it."""
    part = (ctx.g("part") or ctx.g("bare") or ctx.g("mid")).lower()
    prev = ctx.anchors.previous
    gap = ctx.text[ctx.anchors.previous_end : ctx.cand.start]
    story_day = (
        prev is not None
        and prev.granularity is Granularity.DAY
        and ctx.anchors.previous_end >= 0
        and len(gap) <= _STORY_GAP
        and "\n\n" not in gap
    )
    if ctx.g("bare") and not story_day:
        return None
    suffix = "" if part == "day" else part_suffix(part)
    kind = "TIME" if suffix else "DATE"

    def value(day: DateValue) -> str:
        if day.granularity is not Granularity.DAY:
            return ""
        return f"{day.first.isoformat()}T{suffix}" if suffix else day.first.isoformat()

    name = f"part-of-story/{'-'.join(part.replace('-', ' ').split())}"
    if story_day:
        return anaphoric(ctx, value, name, kind)
    return deictic(ctx, lambda d: f"{d.isoformat()}T{suffix}" if suffix else d.isoformat(),
                   name, kind)  # fmt: skip


_STORY_GAP = 300  # characters from the day named to the part of it
