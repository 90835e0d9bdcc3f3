"""Resolvers for reporting periods: quarters and halves, and the year-ago comparisons
that financial news makes between them ("the year-ago third quarter").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from timeline.timex import calendar as cal
from timeline.timex.absolute import absolute
from timeline.timex.lang import ENGLISH as LEX
from timeline.timex.resolve import (
    Context,
    Reading,
    anaphoric,
    deictic,
    year_options,
)
from timeline.timex.tense import Tense
from timeline.types import DateValue, Granularity

# "period" is a reporting quarter only with these words: "the latest period".
_PERIOD_WORDS = LEX.context["reporting_period"]
_GAME = LEX.not_dates["game"]


def quarter(ctx: Context) -> Reading | None:
    if ctx.before(4).endswith("-to-"):
        return None  # "quarter-to-quarter comparison"
    word = (ctx.g("q") or ctx.g("cmp")).lower()
    rel = " ".join(ctx.g("rel").lower().split())
    # "the year-ago third quarter", "the quarter a year ago": the compared period
    back = bool(ctx.g("ago") or ctx.g("ly"))
    if ctx.g("qw").lower() == "period" and not (ctx.g("yq") or word in _PERIOD_WORDS or back):
        return None  # "the first period" of a game, "the same period"
    number = cal.parse_ordinal(word) if word else None
    if word == "final":
        number = 4
    if number is not None and not 1 <= number <= 4:
        return None
    year_text = ctx.g("yq") or ctx.g("y")
    if number and year_text:
        return absolute(cal.quarter_value(int(year_text), number), "quarter-year")
    year_shift = {"this year's": 0, "last year's": -1, "next year's": 1}.get(rel)
    if number and year_shift is not None:
        n = number
        return deictic(ctx, lambda d: cal.quarter_value(d.year + year_shift, n), "quarter/rel-year")
    if back or (year_shift == -1 and not number):  # also "last year's quarter"
        if number:
            reading = numbered_quarter(ctx, number)
            value = DateValue.parse(reading.value)
            shifted = cal.shift_years(value, -1) if value else ""
            reading = replace(reading, value=shifted, rule="quarter/year-ago")
        else:
            reading = _year_ago(ctx)
        return replace(reading, sets_anchor=False)
    if number:
        reading = numbered_quarter(ctx, number)
        # "after a flat second quarter": an aside, not the period the report is about
        aside = "-" not in ctx.cand.match.group(0) and _INDEFINITE_RE.search(ctx.before(24))
        return replace(reading, sets_anchor=not aside)
    shift = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "this": 0}.get(rel)
    if shift is not None and word not in ("year-ago", "year-earlier"):
        s = shift
        return deictic(ctx, lambda d: _quarter_of(d, s), "quarter/relative")
    prev = ctx.anchors.previous
    if word in ("year-ago", "year-earlier"):
        return replace(_year_ago(ctx), sets_anchor=False)
    if word == "current":
        return deictic(ctx, lambda d: _quarter_of(d, 0), "quarter/current")
    if rel == "that" and prev is not None and prev.value[4:6] == "-Q":
        return replace(anaphoric(ctx, lambda p: p.value[:7], "quarter/that"), sets_anchor=False)
    if word == "latest":
        return deictic(ctx, lambda d: _quarter_of(d, -1), "quarter/latest")
    if prev is not None and prev.value[4:6] == "-Q":
        if year_text:
            return anaphoric(ctx, lambda p: f"{year_text}{p.value[4:7]}", "quarter/year")
        reading = anaphoric(ctx, lambda p: p.value[:7], "quarter/previous")
        return replace(reading, sets_anchor=False)
    if year_text:
        return deictic(ctx, lambda d: f"{year_text}-Q{_quarter_number(d, -1)}", "quarter/year")
    return deictic(ctx, lambda d: _quarter_of(d, -1), "quarter/latest")


_INDEFINITE_RE = re.compile(r"\b(?:a|an)\s+(?:[a-z]+\s+)?$", re.I)


def numbered_quarter(ctx: Context, n: int) -> Reading:
    """ "the third quarter": the one of last, this or next year that the tense points to."""
    if ctx.dct is None:
        return absolute("", "quarter")
    # Quarters are reported after they end: "will report third-quarter results".
    tense = Tense.PAST if ctx.tense() is not Tense.FUTURE else Tense.NONE
    options = year_options(ctx.dct, lambda y: _quarter_option(y, n))
    return deictic(ctx, lambda d: cal.pick(options, d, tense), f"quarter/{tense}")


def _quarter_option(year: int, n: int) -> tuple[dt.date, dt.date, str] | None:
    quarter = DateValue.parse(cal.quarter_value(year, n))
    return (quarter.first, quarter.last, quarter.value) if quarter is not None else None


def _about_a_game(ctx: Context) -> bool:
    span = ctx.doc.char_span(ctx.cand.start, ctx.cand.end, alignment_mode="expand")
    if span is None:
        return False
    return any(t.lower_ in _GAME for t in span.sent)


def _quarter_of(d: dt.date, shift: int) -> str:
    y, m = cal.add_months(d.year, d.month, 3 * shift)
    return cal.quarter_value(y, (m - 1) // 3 + 1)


def _quarter_number(d: dt.date, shift: int) -> int:
    return (cal.add_months(d.year, d.month, 3 * shift)[1] - 1) // 3 + 1


def _year_ago(ctx: Context) -> Reading:
    """ "the year-ago quarter": the quarter in focus a year back; with no quarter in focus,
    the latest reported one (the last to end before publication) a year back."""
    prev = ctx.anchors.previous
    if prev is not None and prev.granularity is Granularity.QUARTER:
        return anaphoric(ctx, lambda p: cal.shift_years(p, -1), "quarter/year-ago")
    return deictic(ctx, lambda d: _quarter_of(d, -5), "quarter/year-ago")


def half(ctx: Context) -> Reading | None:
    h = 1 if ctx.g("h").lower() == "first" else 2
    if ctx.g("y"):
        return absolute(f"{ctx.g('y')}-H{h}", "half-year")
    if not ctx.g("rel") and "year" not in ctx.cand.match.group(0).lower() and _about_a_game(ctx):
        return None  # "scored twice in the first half": the game's half
    shift = {"last": -1, "next": 1}.get(ctx.g("rel").lower(), 0)
    return deictic(ctx, lambda d: cal.half_value(d.year + shift, h), "half")


def year_end(ctx: Context) -> Reading:
    word = ctx.g("w").lower()
    tense = ctx.tense()
    if word == "year":
        back = 1 if tense is Tense.PAST else 0
        return deictic(ctx, lambda d: _year_last_day(d.year - back),
                       f"year-end/{tense}")  # fmt: skip
    if word == "month":
        return deictic(ctx, lambda d: cal.month_value(d.year, d.month), "month-end")
    return deictic(ctx, lambda d: cal.quarter_value(d.year, (d.month - 1) // 3 + 1), "quarter-end")


def year_earlier(ctx: Context) -> Reading:
    prev, dct = ctx.anchors.previous, ctx.dct
    if prev is not None and (dct is None or prev.first.year >= dct.year):
        reading = anaphoric(ctx, lambda p: cal.shift_years(p, -1), "year-earlier")
    elif prev is not None and dct is not None and prev.first.year == dct.year - 1:
        reading = anaphoric(ctx, lambda p: p.value[:7], "year-earlier/same")  # already a year back
    else:
        reading = deictic(ctx, lambda d: cal.year_value(d.year - 1), "year-earlier")
    return replace(reading, sets_anchor=False)


def _year_last_day(year: int) -> str:
    """The last day of a year ("year-end"); "" beyond the calendar."""
    value = cal.year_value(year)
    return f"{value}-12-31" if value else ""
