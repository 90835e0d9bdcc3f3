"""The dates of a statement that can date an event, each tied to the clause it dates.

- Only calendar dates anchor events: DURATION and SET timexes and unresolved values are
  ignored, decades and centuries count only when the sentence has no finer date;
  `PRESENT_REF` ("now") means the publication date, for what is under way, just done or
  present (`clauses.is_ongoing`), and never as "Now," opening a sentence.
- A timex inside quotation marks is speech, not narration, and never anchors an event.
- A deictic "this year" hanging off a noun frames the sentence rather than dating it.
- A date more than a year before the article, or a year before the article's year ("Five
  years ago the results of a poll were overturned", "Sales last year grew"), is background
  the story recalls, not one of its happenings.
- A date dates a statement only through a clause the sentence asserts (`clauses.py`), and
  not a copula saying how things are ("the situation is now worse"); the date of an "after"
  or "before" clause only when it is within a week of the article (the statement followed
  soon after), not "nearly five months after the well ruptured on April 20".
- The main clause's date wins; a date of another asserted clause yields a second mention
  only when it is incompatible with the first (two separate statements).
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from timeline.events.clauses import (
    asserted,
    attachment,
    in_sequence,
    is_ongoing,
    is_present,
    is_state,
)
from timeline.events.english import DISCOURSE_NOW, QUOTES
from timeline.types import DateValue, Granularity, Timex

if TYPE_CHECKING:  # spaCy is imported where a text is parsed, not on a cached build
    from spacy.tokens import Span, Token

_EVENT_TYPES = frozenset({"DATE", "TIME"})
_COARSE = frozenset({Granularity.CENTURY, Granularity.DECADE})
_BACKGROUND = dt.timedelta(days=365)
SEQUENCE_REACH = dt.timedelta(days=7)


@dataclass(frozen=True, slots=True)
class Anchor:
    """A timex that can date an event, with its resolved value and the clause it dates."""

    timex: Timex
    value: str
    granularity: Granularity
    predicate: Token
    root: Token
    deictic_now: bool


class Quotes:
    """Where the quotation marks of a text are, to count those before a point in O(log n)."""

    def __init__(self, text: str) -> None:
        self.offsets = [i for i, c in enumerate(text) if c in QUOTES]

    def between(self, start: int, end: int) -> int:
        return bisect.bisect_left(self.offsets, end) - bisect.bisect_left(self.offsets, start)


def anchors(
    seg: Span, start: int, timexes: Sequence[Timex], published: dt.date | None, quotes: Quotes
) -> list[Anchor]:
    """The timexes of one statement (text from `start`) that date a statement it makes."""
    clauses = asserted(seg)
    found: list[Anchor] = []
    for timex in timexes:
        if timex.type not in _EVENT_TYPES or not timex.value:
            continue
        if quotes.between(start, timex.start) % 2 == 1:  # speech, even if the quote ends later
            continue
        now = timex.value == "PRESENT_REF"
        value = published.isoformat() if now and published else timex.value.split("T")[0]
        parsed = DateValue.parse(value)
        span = seg.doc.char_span(timex.start, timex.end, alignment_mode="expand")
        if parsed is None or span is None or len(span) == 0:
            continue
        if now and span.start == seg.start and span[0].lower_ in DISCOURSE_NOW:
            continue  # "Now, there are no delays": a discourse marker
        if published is not None and _background(parsed, published):
            continue  # long before the story: background, not one of its happenings
        verb, how = attachment(span)
        if verb is None or not _dates_a_statement(verb, how, clauses):
            continue
        if is_state(verb) and how != "the day of":  # "Tuesday was the start of ..." is kept
            continue
        if in_sequence(verb) and (published is None or _apart(parsed, published)):
            continue  # "five months after the well ruptured on April 20"
        if now and not is_ongoing(verb):
            continue
        found.append(
            Anchor(
                timex=timex,
                value=value,
                granularity=parsed.granularity,
                predicate=clauses.get(verb.i, verb),
                root=span.root,
                deictic_now=now,
            )
        )
    if any(a.granularity not in _COARSE for a in found):
        found = [a for a in found if a.granularity not in _COARSE]
    finer = any(a.granularity.rank > Granularity.YEAR.rank for a in found)
    return [a for a in found if not _is_frame(a, finer, published)]


def stamp_anchor(stamp: Sequence[Timex], main: Token, published: dt.date | None) -> Anchor | None:
    """The date of a live blog's time stamp (`stamp`: the timexes set apart before an
    entry) for the entry under it, when the stamp names a day: "2.05pm" or "Monday 19 July
    2010 09.18 BST" dates what the entry reports. A stamp read as anything coarser (a clock
    "1528" taken for a year) dates nothing: the entry then takes the publication day."""
    for timex in stamp:
        if timex.type not in _EVENT_TYPES or not timex.value:
            continue
        value = timex.value.split("T")[0]
        parsed = DateValue.parse(value)
        if parsed is None or parsed.granularity is not Granularity.DAY:
            continue
        if published is not None and _background(parsed, published):
            continue
        return Anchor(timex, value, parsed.granularity, main, main, deictic_now=False)
    return None


def _dates_a_statement(verb: Token, how: str, clauses: dict[int, Token]) -> bool:
    """An asserted clause, a participle clause of its own, or the planned happening of a
    noun the asserted clause governs ("set a January 1 date for dialogue to begin")."""
    if how == "participle":
        return True
    if how == "planned":
        return any(a.i in clauses for a in verb.ancestors)
    return verb.i in clauses


def _apart(value: DateValue, published: dt.date) -> bool:
    """More than `SEQUENCE_REACH` from the article: too far for "after D" to date it."""
    return value.last < published - SEQUENCE_REACH or value.first > published + SEQUENCE_REACH


def _background(value: DateValue, published: dt.date) -> bool:
    """Over a year before the article, or a year (or decade) before the article's year
    ("Sales last year grew 10 percent"): what the story recalls, not what it reports."""
    coarse = value.granularity.rank <= Granularity.YEAR.rank
    return published - value.last > _BACKGROUND or (coarse and value.last.year < published.year)


def _is_frame(anchor: Anchor, finer: bool, published: dt.date | None) -> bool:
    """A year hanging off a noun ("visit to Russia this year") frames, not dates."""
    if anchor.granularity.rank > Granularity.YEAR.rank:
        return False
    head = anchor.root.head
    on_noun = head.pos_ in {"NOUN", "PROPN"} and head.i != anchor.root.i
    this_year = anchor.timex.anchor in ("publication", "update") and (
        published is not None and anchor.value == str(published.year)
    )
    return on_noun and (finer or this_year)


def choose(found: list[Anchor], main: Token) -> list[Anchor]:
    """One anchor per separate statement: the main clause's date, then incompatible others."""
    by_clause: dict[int, list[Anchor]] = {}
    for anchor in found:
        by_clause.setdefault(anchor.predicate.i, []).append(anchor)
    order = sorted(by_clause, key=lambda i: (i != main.i, min(a.timex.start for a in by_clause[i])))
    chosen: list[Anchor] = []
    values: list[DateValue] = []
    for clause in order:
        best = _best(by_clause[clause], is_present(by_clause[clause][0].predicate))
        value = DateValue.parse(best.value)
        if value is None:
            continue
        if all(not value.compatible(other) for other in values):
            chosen.append(best)
            values.append(value)
    return chosen


def _best(candidates: list[Anchor], present: bool) -> Anchor:
    """The finest date of a clause; "now" wins in the present tense, loses in the past."""
    return min(
        candidates,
        key=lambda a: (a.deictic_now != present, -a.granularity.rank, a.timex.start),
    )
