"""Resolvers for relative expressions: deictic ("yesterday", "last week", "Friday"),
anaphoric ("the following day", "two days later") and references ("now", "the past").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from timeline.timex import calendar as cal
from timeline.timex import stamps as st
from timeline.timex.absolute import absolute
from timeline.timex.amounts import amount_reading, rel_text, unit_name
from timeline.timex.clock import part_suffix
from timeline.timex.lang import ENGLISH as LEX
from timeline.timex.lang import alternation
from timeline.timex.resolve import (
    Context,
    Reading,
    anaphoric,
    deictic,
    earliest_after,
    latest_before,
    month_number,
    weekday_number,
    weekday_options,
)
from timeline.timex.tense import Tense
from timeline.types import DateValue, Granularity

_LAST = frozenset(w for w, step in LEX.direction.items() if step < 0)
_NEXT = frozenset(w for w, step in LEX.direction.items() if step > 0)


def _day_shift(d: dt.date, n: int, suffix: str = "") -> str:
    """The day n days from d, with a time suffix ("T MO"); "" beyond the calendar."""
    day = cal.add_days(d, n)
    return f"{day.isoformat()}{suffix}" if day is not None else ""


# "today's world", "the leaders of tomorrow": the present or future age, not a day
_GENERIC_TODAY = re.compile(r"^'s\s+(?:world|youth|young|society|generation|children|standards)\b")
_GENERIC_BEFORE = re.compile(r"(?<!\bas )\bof\s+$")


def deictic_day(ctx: Context) -> Reading | None:
    word = " ".join(ctx.g("day").lower().split()).removeprefix("the ")
    if word in ("today", "tomorrow") and (
        _GENERIC_TODAY.match(ctx.after(20))
        or (_GENERIC_BEFORE.search(ctx.before(8)) and ctx.after(2)[:1] in (".", ",", '"', ""))
    ):
        return None
    offset = {
        "today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1,
        "day before yesterday": -2, "day after tomorrow": 2,
    }[word]  # fmt: skip
    part = ctx.g("part") or ("night" if word == "tonight" else "")
    suffix = part_suffix(part)
    kind = "TIME" if suffix else "DATE"

    def value(d: dt.date) -> str:
        return _day_shift(d, offset, f"T{suffix}" if suffix else "")

    return deictic(ctx, value, f"deictic/{word.replace(' ', '-')}", kind)


def part_of_day(ctx: Context) -> Reading:
    rel = ctx.g("rel").lower()
    offset = {"this": 0, "today": 0, "last": -1, "yesterday": -1, "tomorrow": 1}[rel]
    suffix = part_suffix(ctx.g("part"))
    if rel == "last" and ctx.g("part").lower() not in ("night", "evening"):
        offset = -1
    return deictic(ctx, lambda d: _day_shift(d, offset, f"T{suffix}"), f"part-of-day/{rel}", "TIME")


def _period(d: dt.date, unit: str, shift: int) -> str:
    if unit == "week":
        return cal.week_value(cal.add_days(d, 7 * shift))
    if unit == "weekend":
        return _suffixed(cal.week_value(cal.add_days(d, 7 * shift)), "-WE")
    if unit == "month":
        return cal.month_value(*cal.add_months(d.year, d.month, shift))
    if unit == "year":
        return cal.year_value(d.year + shift)
    if unit == "decade":
        return cal.decade_value(d.year // 10 + shift)
    return cal.century_value(d.year // 100 + shift)


def relative_unit(ctx: Context) -> Reading:
    rel, unit = rel_text(ctx), unit_name(ctx.g("unit"))
    the = bool(ctx.g("the"))
    if (
        the
        and unit in ("decade", "century")
        and (rel in ("next", "coming") or (rel in _LAST and _SPAN_BEFORE.search(ctx.before(12))))
    ):  # "over the next decade", "for the past century": the span, not the period
        size = 10 if unit == "decade" else 100
        return absolute(f"P{size}Y", f"duration/{rel}-{unit}", "DURATION")
    if rel in ("following", "previous", "preceding", "prior") or (the and rel == "next"):
        step = 1 if rel in ("following", "next") else -1
        letter = {"week": "W", "weekend": "W", "month": "M", "year": "Y"}.get(unit, "Y")
        size = {"decade": 10, "century": 100}.get(unit, 1)
        suffix = "-WE" if unit == "weekend" else ""
        if letter == "Y":  # "the previous year" is a year, whatever the reference was
            return anaphoric(ctx, lambda p: cal.year_value(p.first.year + step * size),
                             f"anaphoric/{rel}-{unit}")  # fmt: skip
        return anaphoric(ctx, lambda p: _suffixed(cal.shift(p, step * size, letter), suffix),
                         f"anaphoric/{rel}-{unit}")  # fmt: skip
    shift = -1 if rel in _LAST else 1 if rel in _NEXT else 0
    if unit == "weekend" and shift == 0 and ctx.dct is not None:
        tense = ctx.tense()
        if tense is Tense.PAST and ctx.dct.weekday() < 5:
            shift = -1
    return deictic(ctx, lambda d: _period(d, unit, shift), f"relative/{rel}-{unit}")


# "over the past decade": a preposition of extent before "the last/past" makes it a span
_SPAN_BEFORE = re.compile(rf"\b(?:{alternation(LEX.context['span_before'])})\s+$")


def _suffixed(value: str, suffix: str) -> str:
    return value + suffix if value else value


def relative_month(ctx: Context) -> Reading:
    rel, number = rel_text(ctx), month_number(ctx.g("month"))

    def value(d: dt.date) -> str:
        if rel in _LAST:
            year = d.year if number < d.month else d.year - 1
        elif rel in _NEXT:
            year = d.year if number > d.month else d.year + 1
        else:
            year = d.year
        return cal.month_value(year, number)

    return deictic(ctx, value, f"relative-month/{rel}")


def weekday(ctx: Context) -> Reading | None:
    rel, wd = rel_text(ctx), weekday_number(ctx.g("wd"))
    after = ctx.text[ctx.cand.end : ctx.cand.end + 2]
    if ctx.before(4).endswith("the ") and (
        (after[:1] == " " and after[1:].isupper()) or ctx.g("wd").endswith(".")
    ):
        return None  # a name: "the Sunday Times reported", "The Sun."
    if not rel and _in_title(ctx):
        return None  # a programme's title: "Soccer Saturday"
    tense = Tense.NONE if rel else ctx.tense()
    possessive = ctx.after(2).startswith(("'s", "’s"))
    if not rel and (tense in (Tense.NONE, Tense.LIMIT) or (possessive and tense is Tense.PRESENT)):
        tense = Tense.PAST  # news reports what happened: "Tuesday's earthquake"
    prev = ctx.anchors.previous
    if not rel and prev is not None and prev.granularity is Granularity.DAY and ctx.dct:
        recent = abs((prev.first - ctx.dct).days) <= _SERIES_DAYS
        if recent and _in_series(ctx) and prev.first != ctx.dct:
            # "on Friday and Saturday": the second day looks the way the first did
            tense = Tense.FUTURE if prev.first > ctx.dct else Tense.PAST
        elif _in_story(ctx, prev.first, ctx.dct):
            story = prev.first
            return anaphoric(
                ctx,
                lambda _: cal.pick(weekday_options(story, wd), story, Tense.NEAR),
                "weekday/story",
            )

    def value(d: dt.date) -> str:
        options = weekday_options(d, wd)
        later = st.later_day(d, ctx.anchors.latest, wd) if tense is Tense.PAST else None
        if later is not None and not rel:
            return later.isoformat()  # a page still being written on that day
        if rel in _LAST:
            return latest_before(options, d)
        if rel in _NEXT:
            return earliest_after(options, d)
        return cal.pick(options, d, tense)

    # "Friday night" and "Friday morning" date the day's news, and TimeBank mostly dates
    # them to the day; "Friday evening" is the narrower time of day it names.
    if ctx.g("part").lower() == "evening":
        return deictic(ctx, lambda d: _suffixed(value(d), "TEV"), f"weekday/{rel or tense}", "TIME")
    return deictic(ctx, value, f"weekday/{rel or tense}")


_TITLE_WORDS = LEX.not_dates["title_words"]
_SERIES = LEX.context["series"]
_REPORTING = LEX.context["reporting"]
_SERIES_DAYS = 7  # two weekdays in a series lie within a week of publication
_STORY_DAYS = 14  # a date this far before publication is a story being told
_STORY_CHARS = 200


def _in_title(ctx: Context) -> bool:
    """A weekday right after a title word is part of a title ("Soccer Saturday"), not a
    day; a place or a name before it ("in Nairobi Friday") is not."""
    words = ctx.text[max(0, ctx.cand.core - 16) : ctx.cand.core].split(" ")
    return len(words) >= 2 and words[-1] == "" and words[-2] in _TITLE_WORDS


def _in_series(ctx: Context) -> bool:
    gap = " ".join(ctx.text[ctx.anchors.previous_end : ctx.cand.start].lower().split())
    return gap.strip(", ") in _SERIES or gap in (",", "")


def _in_story(ctx: Context, story: dt.date, dct: dt.date) -> bool:
    """A weekday in a passage that recounts a past date ("On 15 September 2008 the bank
    collapsed ... on Friday, officials met") is that week's, unless a report governs it."""
    if (dct - story).days <= _STORY_DAYS or not ctx.before(4).endswith("on "):
        return False
    gap = ctx.text[ctx.anchors.previous_end : ctx.cand.start]
    if len(gap) > _STORY_CHARS or "\n\n" in gap:
        return False
    span = ctx.doc.char_span(ctx.cand.core, ctx.cand.end, alignment_mode="expand")
    if span is None:
        return False
    head = span.root.head
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    return head.lemma_.lower() not in _REPORTING


def ago(ctx: Context) -> Reading:
    n = cal.parse_number(ctx.g("n"))
    unit = unit_name(ctx.g("unit"))
    direction = " ".join(ctx.g("dir").lower().split())
    sign = -1 if direction in ("ago", "earlier", "before", "back") else 1
    deictic_dir = direction in ("ago", "back", "from now", "hence")
    if n is None or unit in LEX.time_units or n != int(n):
        ref = "PAST_REF" if sign < 0 else "FUTURE_REF"
        if deictic_dir:
            return deictic(ctx, lambda _: ref, "ago/vague")
        return amount_reading(ctx, n, unit)
    amount = int(n) * sign
    spec = LEX.units.get(unit)
    letter, size = (spec.code, spec.size) if spec is not None else ("Y", 1)
    prev = ctx.anchors.previous
    if letter == "Y" and size == 1 and prev is not None and prev.granularity is Granularity.QUARTER:
        reading = anaphoric(ctx, lambda p: cal.shift_years(p, amount), "year-ago/quarter")
        return replace(reading, sets_anchor=False)
    if letter == "Y" and size == 1 and not deictic_dir and _period_end(ctx):
        # "the six months ended Aug. 12 ... a year earlier": the same closing day
        reading = anaphoric(ctx, lambda p: _same_day(p, amount), "year-earlier/period-end")
        return replace(reading, sets_anchor=False)

    def value(p: DateValue) -> str:
        if unit in ("decade", "century"):
            return cal.year_value(p.first.year + amount * size)
        if letter == "Y":
            return cal.year_value(p.first.year + amount)
        if letter == "Q":
            return cal.shift(p, amount, "Q")
        if letter in ("D", "W", "M") and p.granularity.rank >= Granularity.MONTH.rank:
            day = DateValue(value="", granularity=Granularity.DAY, first=p.first, last=p.first)
            if letter == "D" and p.granularity is not Granularity.DAY:
                return ""
            return cal.shift(day if letter != "D" else p, amount * size, letter)
        return ""

    if deictic_dir:
        reading = deictic(ctx, lambda d: value(_day(d)), f"ago/{unit}")
    else:
        reading = anaphoric(ctx, value, f"later/{unit}", fallback=False)
        if not reading.value:
            return amount_reading(ctx, n, unit)
    # "a year earlier" compares with the period in focus; it does not replace it.
    return replace(reading, sets_anchor=not (letter == "Y" and amount in (-1, 1)))


_PERIOD_END_RE = re.compile(r"\b(?:ended|ending)\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s+\d{4})?$")


def _period_end(ctx: Context) -> bool:
    """Whether the date in focus closes a reporting period ("the quarter ended Sept. 30")."""
    prev, end = ctx.anchors.previous, ctx.anchors.previous_end
    if prev is None or prev.granularity is not Granularity.DAY or end < 0:
        return False
    return _PERIOD_END_RE.search(ctx.text[max(0, end - 30) : end]) is not None


def _same_day(p: DateValue, years: int) -> str:
    day = cal.safe_date(p.first.year + years, p.first.month, p.first.day)
    return day.isoformat() if day else cal.year_value(p.first.year + years)


def _day(d: dt.date) -> DateValue:
    return DateValue(value=d.isoformat(), granularity=Granularity.DAY, first=d, last=d)


def anaphoric_unit(ctx: Context) -> Reading:
    rel, word = rel_text(ctx), ctx.g("unit").lower()
    step = (
        1
        if rel in ("following", "next")
        else -1
        if rel in ("previous", "preceding", "prior")
        else 0
    )
    if rel == "next" and not ctx.cand.match.group(0).lower().startswith("the"):
        return deictic(ctx, lambda d: _period(d, word, 1), f"relative/next-{word}")  # week etc.
    suffix = part_suffix(word)
    if suffix:
        return anaphoric(
            ctx,
            lambda p: _on_day(p, step, f"T{suffix}"),
            f"anaphoric/{rel}-{word}",
            "TIME",
        )
    if word in ("day", "week", "month", "year", "weekend"):
        letter = {"day": "D", "week": "W", "weekend": "W", "month": "M", "year": "Y"}[word]
        tail = "-WE" if word == "weekend" else ""
        return anaphoric(ctx, lambda p: _suffixed(_shift_or_same(p, step, letter), tail),
                         f"anaphoric/{rel}-{word}")  # fmt: skip
    wd = weekday_number(word)

    def on_weekday(p: DateValue) -> str:
        if p.granularity is not Granularity.DAY:
            return ""
        options = weekday_options(p.first, wd)
        if step > 0:
            return earliest_after(options, p.first)
        if step < 0:
            return latest_before(options, p.first)
        return cal.pick(options, p.first, Tense.NONE)

    return anaphoric(ctx, on_weekday, f"anaphoric/{rel}-weekday")


def _shift_or_same(p: DateValue, step: int, letter: str) -> str:
    if step == 0 and letter == "Y":
        return cal.year_value(p.first.year)
    if step == 0 and letter == "M" and p.granularity.rank >= Granularity.MONTH.rank:
        return cal.month_value(p.first.year, p.first.month)
    if step == 0 and letter == "W" and p.granularity.rank >= Granularity.WEEK.rank:
        return cal.week_value(p.first)
    if step == 0 and letter == "D":
        return p.value[:10] if p.granularity is Granularity.DAY else ""
    return cal.shift(p, step, letter)


def _on_day(p: DateValue, step: int, suffix: str) -> str:
    if p.granularity is not Granularity.DAY:
        return ""
    return _day_shift(p.first, step, suffix)


def day_before(ctx: Context) -> Reading:
    step = -1 if ctx.g("dir").lower() == "before" else 1
    return anaphoric(ctx, lambda p: _on_day(p, step, ""), f"anaphoric/day-{ctx.g('dir').lower()}")


def the_unit(ctx: Context) -> Reading | None:
    unit = ctx.g("unit").lower()
    if _NUMBER_AFTER.match(ctx.after(3)):
        return None  # "the year 2000" names its year; "the year 10000" none we can write
    if ctx.after(14).lstrip().startswith(("ended", "ending", "to ", "through", "that ended")):
        letter = {"week": "W", "weekend": "WE", "month": "M", "year": "Y"}[unit]
        return absolute(f"P1{letter}", f"the-{unit}/period", "DURATION")
    if unit == "weekend" and ctx.dct is not None:
        tense = ctx.tense()
        shift = -1 if tense is Tense.PAST and ctx.dct.weekday() < 5 else 0
        return deictic(ctx, lambda d: _period(d, "weekend", shift), "the-weekend")
    if unit == "week" and ctx.g("det").lower() == "the" and not ctx.g("q"):
        # "the week's most active session": the week in question, this one or the one just
        # ended; TIMEX3 keeps the year and leaves the week unspecified
        reading = deictic(ctx, lambda d: f"{d.year:04d}-WXX", "the-week")
        return replace(reading, sets_anchor=False)
    return deictic(ctx, lambda d: _period(d, unit, 0), f"the-{unit}")


_NUMBER_AFTER = re.compile(r"\s+\d")


def reference(ctx: Context) -> Reading:
    key = " ".join(ctx.g("ref").lower().split())
    return absolute(LEX.references[key], f"reference/{key.replace(' ', '-')}")
