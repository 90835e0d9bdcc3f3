"""Resolvers for amounts of time: "five years", "the past three months", "decades-long",
and unanchored "a few days later", which TimeML keeps as a duration.
"""

from __future__ import annotations

import re

from timeline.timex import calendar as cal
from timeline.timex.absolute import absolute
from timeline.timex.lang import ENGLISH as LEX
from timeline.timex.resolve import Context, Reading

_BARE_CONTEXT = LEX.context["bare_units"]


def rel_text(ctx: Context) -> str:
    return " ".join(ctx.g("rel").lower().split())


def unit_name(word: str) -> str:
    unit = word.lower().rstrip("s")
    return "century" if unit.startswith("centur") else unit


def amount_reading(ctx: Context, n: float | None, unit: str) -> Reading:
    """ "a few days later" with no date to count from: TimeML keeps the amount of time."""
    spec = LEX.units[unit]
    value = cal.format_amount(None if n is None else n * spec.size, spec.code, time=spec.time)
    return Reading("DURATION", value, rule=f"later/amount-{unit}", mod=ctx.cand.mod)


def _after_amount(ctx: Context) -> bool:
    span = ctx.doc.char_span(ctx.cand.start, ctx.cand.end, alignment_mode="expand")
    if span is None or span.start == 0:
        return False
    previous = ctx.doc[span.start - 1]
    return previous.pos_ in ("NUM", "NOUN", "PROPN") or previous.lower_ in ("once", "twice")


_MODAL_BEFORE = re.compile(r"\b(?:will|would|could|may|might|can|should)\s+$", re.I)


def duration(ctx: Context) -> Reading | None:
    unit = unit_name(ctx.g("unit"))
    # "day-long" is one day, "decades-long" an unknown number of them
    n = cal.parse_number(ctx.g("n")) if ctx.g("n") else (None if ctx.g("pl") else 1.0)
    if n is not None and ctx.g("half"):
        n += 0.5  # "a minute and a half"
    spec = LEX.units[unit]
    if ctx.g("n").lower() == "one" and unit == "day" and _MODAL_BEFORE.search(ctx.before(8)):
        return absolute("FUTURE_REF", "one-day/future")  # "Islam will one day be ..."
    if n is not None and n == 0:
        return None
    if ctx.g("n").lower() in ("a", "an") and not ctx.g("det") and _after_amount(ctx):
        return None  # "$500 million a year", "700 seats a week": a rate, not a duration
    after = ctx.after(8).lstrip()
    if after.startswith(("old", "of age")) or (ctx.g("n").lower() in ("a", "an") and (
        unit == "second" or (unit == "quarter" and after.startswith("of"))
    )):  # fmt: skip
        return None  # an age, "a second time", "a quarter of the shares"
    if unit == "quarter" and "-" in ctx.cand.match.group(0) and ctx.g("pl"):
        return None  # "three-quarters" is a fraction
    if ctx.g("unit")[:1].isupper() and ctx.g("n")[:1].isdigit():
        return None  # a title: CBS's "60 Minutes"
    if n is None and ctx.g("det") and rel_text(ctx) in ("past", "last") and ctx.g("pl"):
        return absolute("PAST_REF", f"duration/past-few-{unit}")  # "the past several quarters"
    amount = None if n is None else n * spec.size
    value = cal.format_amount(amount, spec.code, time=spec.time)
    if n is None and unit in ("decade", "century"):
        value = "PXDE" if unit == "decade" else "PXCE"
    return Reading("DURATION", value, rule=f"duration/{unit}", mod=ctx.cand.mod)


def bare_units(ctx: Context) -> Reading | None:
    rel, unit = rel_text(ctx), unit_name(ctx.g("unit"))
    spec = LEX.units[unit]
    if not rel:
        before = ctx.before(10).split()
        if ctx.cand.mod is None and (not before or before[-1] not in _BARE_CONTEXT):
            return None
    if unit == "year" and rel in ("recent", "past"):
        # "in recent years" places events in the recent past rather than measuring time
        return absolute("PAST_REF", f"bare/{rel}-years")
    value = "PXDE" if unit == "decade" else "PXCE" if unit == "century" else ""
    value = value or cal.format_amount(None, spec.code, time=spec.time)
    return Reading("DURATION", value, rule=f"bare/{unit}", mod=ctx.cand.mod)
