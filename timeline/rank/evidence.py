"""What the articles say about each day: who published on it, and who names it later.

A day matters when news is written on it, and more when writers look back and name it
by its calendar date ("on April 20", "20 April 2010") in a later article: that is how a
day becomes a landmark of a story. "Yesterday" or "on Tuesday" in a daily report is
routine, and a date named ahead of the day is a plan, not a landmark.

Both counts come from article publication dates and the temporal expressions each
article's result carries, never from which sentences became event mentions, so they do
not move when the choice of event sentences changes. Every sentence of the article's
reporting counts, those the event layer sets aside as no timeline entry (a caption, an
aside) included: it still says the day mattered to the writer. What readers wrote (a
comment thread, messages sent in) does not count (`READER_PARTS`): a reader is not a
source, and a long thread would outvote the reporting. Wire copies (one story
republished by several outlets) count as one source.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from timeline.timex.lang import ENGLISH, alternation
from timeline.types import ArticleResult, DateValue, Granularity, Status, Timex

READER_PARTS = frozenset({"comment", "unmarked comment", "reader"})
"""Set-aside parts written by readers (`timeline.events.parts.REASONS`): a comment thread,
and readers' messages a live page quotes. Not evidence."""

_MONTH = rf"(?:{alternation(ENGLISH.months)})\b\.?"
_NAMED_DAY_RE = re.compile(
    rf"\b(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH})",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True, kw_only=True)
class DayEvidence:
    """The independent sources behind one day."""

    date: dt.date
    published: int  # sources with an article published on the day
    named: int  # sources naming the day by its calendar date in an article published after it
    attested: int  # sources that published on the day or date anything to it, at any time


def day_evidence(
    results: Iterable[ArticleResult],
    *,
    sources: Mapping[str, str],
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> tuple[DayEvidence, ...]:
    """Every day between `start` and `end` (inclusive) that has any evidence, in date order.

    `sources` maps an article id to its source (the wire-copy groups of the corpus, found
    once per build); an article it does not name is a source of its own.
    """
    usable = [r for r in results if r.article.status != Status.SKIPPED]
    published: dict[dt.date, set[str]] = defaultdict(set)
    named: dict[dt.date, set[str]] = defaultdict(set)
    attested: dict[dt.date, set[str]] = defaultdict(set)
    for result in usable:
        source = sources.get(result.article.id, result.article.id)
        day = result.article.published.date
        if day is None:
            continue
        if _within(day, start, end):
            published[day].add(source)
            attested[day].add(source)
        for timex in reported_timexes(result):
            dated = day_of(timex.value)
            if dated is None or not _within(dated, start, end):
                continue
            attested[dated].add(source)
            if dated < day and names_day(timex):
                named[dated].add(source)
    return tuple(
        DayEvidence(
            date=day,
            published=len(published[day]),
            named=len(named[day]),
            attested=len(attested[day]),
        )
        for day in sorted(attested)
    )


def reported_timexes(result: ArticleResult) -> tuple[Timex, ...]:
    """The article's temporal expressions outside its reader comments."""
    readers = [(p.start, p.end) for p in result.set_aside if p.part in READER_PARTS]
    if not readers:
        return result.timexes
    return tuple(t for t in result.timexes if not any(a <= t.start < b for a, b in readers))


def names_day(timex: Timex) -> bool:
    """True when the expression writes a calendar day out ("May 20", "20th of May")."""
    return _NAMED_DAY_RE.search(timex.text) is not None


def day_of(value: str) -> dt.date | None:
    """The day a TIMEX3 value denotes, or None when it is coarser than a day or no date."""
    parsed = DateValue.parse(value)
    if parsed is None or parsed.granularity is not Granularity.DAY:
        return None
    return parsed.first


def _within(day: dt.date, start: dt.date | None, end: dt.date | None) -> bool:
    return (start is None or day >= start) and (end is None or day <= end)
