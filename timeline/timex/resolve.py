"""Give each detected span its TIMEX3 type and value, against the right anchor.

Absolute expressions ("September 30, 2015") need no anchor. Deictic ones ("yesterday",
"last week", "Friday") are read from the publication date, with the governing verb's
tense choosing between the last and the next occurrence. Anaphoric ones ("the following
day", "two days later") are read from the last date the text mentioned before them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from timeline.timex import calendar as cal
from timeline.timex.detect import Candidate
from timeline.timex.lang import ENGLISH as LEX
from timeline.timex.tense import Tense, tense_at
from timeline.types import DateValue, Granularity

if TYPE_CHECKING:
    from spacy.tokens import Doc

PUBLICATION = "publication"
UPDATE = "update"  # a live blog's update: the day of the stamp above it
PREVIOUS = "previous"
NONE = "none"


@dataclass(frozen=True, slots=True)
class Anchors:
    """What relative expressions are read from: the day the text was written (the
    publication date, or in a live blog the day of the update's stamp) and the last date
    the text mentioned (None until one is seen)."""

    dct: dt.date | None
    previous: DateValue | None
    previous_end: int = -1  # where the previous date's text ends
    updated: bool = False  # `dct` is an update's day, not the publication date
    day_named: bool = True  # the text names a day somewhere ("Tuesday", "May 4")
    latest: dt.date | None = None  # the last day the page's updates run to, past `dct`

    @property
    def written(self) -> str:
        """How `dct` is named in a reading: the publication date or an update's day."""
        return UPDATE if self.updated else PUBLICATION


@dataclass(frozen=True, slots=True)
class Reading:
    """The meaning given to one span; `value` is "" when it cannot be resolved."""

    type: str
    value: str
    anchor: str = NONE
    anchor_value: str | None = None
    rule: str = ""
    mod: str | None = None
    # False for comparisons ("a year earlier") that must not become the next reference.
    sets_anchor: bool = True


@dataclass(frozen=True, slots=True)
class Context:
    """Everything a resolver may look at for one candidate."""

    cand: Candidate
    anchors: Anchors
    doc: Doc
    text: str  # doc.text, built once per document: spaCy rebuilds it on every access

    def g(self, name: str) -> str:
        return (self.cand.group(name) or "").strip()

    def tense(self) -> Tense:
        return tense_at(self.doc, self.cand.start, self.cand.end, self.text)

    @property
    def dct(self) -> dt.date | None:
        return self.anchors.dct

    def before(self, chars: int = 12) -> str:
        return self.text[max(0, self.cand.start - chars) : self.cand.start].lower()

    def after(self, chars: int = 12) -> str:
        return self.text[self.cand.end : self.cand.end + chars].lower()


Resolver = Callable[[Context], Reading | None]


def month_number(word: str) -> int:
    """1-12 for a month the rules matched (so always one the lexicon knows)."""
    number = LEX.month_number(word)
    if number is None:
        raise KeyError(word)
    return number


def weekday_number(word: str) -> int:
    """0-6 for a weekday the rules matched."""
    number = LEX.weekday_number(word)
    if number is None:
        raise KeyError(word)
    return number


def deictic(
    ctx: Context, value: Callable[[dt.date], str], rule: str, kind: str = "DATE"
) -> Reading:
    """A reading anchored on the day of writing; unresolved when there is none."""
    if ctx.dct is None:
        return Reading(kind, "", NONE, None, rule)
    return Reading(kind, value(ctx.dct), ctx.anchors.written, ctx.dct.isoformat(), rule)


def anaphoric(
    ctx: Context,
    value: Callable[[DateValue], str],
    rule: str,
    kind: str = "DATE",
    *,
    fallback: bool = True,
) -> Reading:
    """A reading anchored on the previous date in the text, else on the publication date.

    With `fallback`, a previous date too coarse for the expression ("the previous Friday"
    after "in 1998") gives way to the publication date; without it the value stays "".
    """
    prev = ctx.anchors.previous
    if prev is not None:
        resolved = value(prev)
        if resolved or ctx.dct is None or not fallback:
            return Reading(kind, resolved, PREVIOUS, prev.value, rule)
    if ctx.dct is None:
        return Reading(kind, "", NONE, None, rule)
    today = DateValue(
        value=ctx.dct.isoformat(), granularity=Granularity.DAY, first=ctx.dct, last=ctx.dct
    )
    return Reading(kind, value(today), ctx.anchors.written, ctx.dct.isoformat(), rule)


def year_options(
    dct: dt.date, make: Callable[[int], tuple[dt.date, dt.date, str] | None], back: int = 1
) -> list[tuple[dt.date, dt.date, str]]:
    """The candidate periods from `back` years before to a year after (skipping impossible
    ones and years outside the calendar)."""
    years = (dct.year + n for n in range(-back, 2))
    found = (make(y) for y in years if cal.in_calendar(y))
    return [o for o in found if o is not None]


def day_option(year: int, month: int, day: int) -> tuple[dt.date, dt.date, str] | None:
    d = cal.safe_date(year, month, day)
    return (d, d, d.isoformat()) if d else None


def month_option(year: int, month: int) -> tuple[dt.date, dt.date, str] | None:
    value = DateValue.parse(cal.month_value(year, month))
    return (value.first, value.last, value.value) if value is not None else None


def weekday_options(dct: dt.date, weekday: int) -> list[tuple[dt.date, dt.date, str]]:
    """The occurrences of a weekday from a week before to a week after the date."""
    days = (cal.add_days(dct, n) for n in range(-7, 8))
    return [(d, d, d.isoformat()) for d in days if d is not None and d.weekday() == weekday]


def latest_before(options: list[tuple[dt.date, dt.date, str]], day: dt.date) -> str:
    """The last option to begin before `day`; "" when none does (at the calendar's start)."""
    return max((o for o in options if o[0] < day), default=(day, day, ""))[2]


def earliest_after(options: list[tuple[dt.date, dt.date, str]], day: dt.date) -> str:
    """The first option to begin after `day`; "" when none does (at the calendar's end)."""
    return min((o for o in options if o[0] > day), default=(day, day, ""))[2]
