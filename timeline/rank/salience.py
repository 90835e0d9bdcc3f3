"""Key events: which days matter, and which sentences tell each of them.

A day's score is the number of independent sources published on it, plus
`NAMED_WEIGHT` for each source that names it by its calendar date in a later article
(`timeline.rank.evidence`): the busiest news days, with the days writers look back on
lifted above the daily noise. A landmark needs corroboration: the named-date part
counts only for a day at least `MIN_SOURCES` sources speak of, so in a small corpus
one writer's aside ("the airstrikes that began on September 30") does not outrank the
days the corpus is about. Days with no score are never key days (fewer days beat
padding the budget), and ties go to the earlier day.

`NAMED_WEIGHT` is the one tuned number; how it was chosen, what the ranking scores on
stories it was not tuned on and what was tried and lost are in docs/ranking.md.

Each key day is told by its best sentences (`timeline.rank.day_sentences`): its own
statements, or for a day that has none, sentences naming it in passing. A ranked day no
sentence tells gives its place to the next.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from timeline.merge.wire import source_groups
from timeline.rank.day_sentences import Candidates, candidates, day_sentences, named_in_passing
from timeline.rank.evidence import DayEvidence, day_evidence
from timeline.types import ArticleResult, Entity, Event, EventMention, Status, event_id

NAMED_WEIGHT = 2.0
"""Score of a later source naming a day by its date, against 1 for a source published on it."""
MIN_SOURCES = 2
"""Sources a day needs before later writers naming it make it a landmark."""


@dataclass(frozen=True, slots=True, kw_only=True)
class DateRank:
    """Why a day ranks where it does."""

    date: dt.date
    score: float
    published: int  # independent sources published on the day
    named: int  # later sources naming the day by its calendar date
    attested: int  # sources that published on the day or date anything to it


@dataclass(frozen=True, slots=True)
class Coverage:
    """What a corpus says about its days: the evidence for each, and the sentences
    that can tell it. Computed once, ranked under any weight."""

    evidence: tuple[DayEvidence, ...]
    sentences: Candidates


def coverage(
    results: Iterable[ArticleResult],
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    sources: Mapping[str, str] | None = None,
) -> Coverage:
    """The coverage of the days between `start` and `end` (inclusive). `sources` maps
    article ids to their source as merging found them (`Timeline.sources`); without it,
    wire copies are looked for here."""
    usable = [r for r in results if r.article.status != Status.SKIPPED]
    articles = {r.article.id: r.article for r in usable}
    if sources is None:
        sources = source_groups(articles, {r.article.id: r.shingles for r in usable if r.shingles})
    mentions = [m for r in usable for m in r.mentions]
    asides = [m for r in usable for m in named_in_passing(r)]
    return Coverage(
        evidence=day_evidence(usable, sources=sources, start=start, end=end),
        sentences=candidates(mentions, articles, sources, start=start, end=end, asides=asides),
    )


def rank_dates(
    evidence: Iterable[DayEvidence], *, named_weight: float = NAMED_WEIGHT
) -> tuple[DateRank, ...]:
    """Days with a positive score, best first; ties go to the earlier day."""
    ranks = [
        DateRank(
            date=e.date,
            score=e.published + (named_weight * e.named if e.attested >= MIN_SOURCES else 0.0),
            published=e.published,
            named=e.named,
            attested=e.attested,
        )
        for e in evidence
    ]
    return tuple(sorted((r for r in ranks if r.score > 0), key=lambda r: (-r.score, r.date)))


def key_days(
    found: Coverage, top_dates: int, *, named_weight: float = NAMED_WEIGHT
) -> tuple[dt.date, ...]:
    """The `top_dates` best days that have a sentence to tell them, best first."""
    told = found.sentences.told
    ranked = (r.date for r in rank_dates(found.evidence, named_weight=named_weight))
    return tuple(day for day in ranked if day in told)[:top_dates]


def key_events(
    found: Coverage,
    top_dates: int,
    sentences_per_date: int,
    *,
    named_weight: float = NAMED_WEIGHT,
) -> tuple[Event, ...]:
    """At most `top_dates` day-level events, each with its `sentences_per_date` best
    sentences as mentions, in date order."""
    chosen = []
    for day in key_days(found, top_dates, named_weight=named_weight):
        best = day_sentences(found.sentences, day, sentences_per_date)
        date = day.isoformat()
        chosen.append(
            Event(
                id=event_id(date, best),
                date=date,
                headline=best[0].headline,
                mentions=best,
                entities=_entities(best),
            )
        )
    return tuple(sorted(chosen, key=lambda e: e.date))


def select_key_events(
    results: Iterable[ArticleResult],
    top_dates: int,
    sentences_per_date: int,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    sources: Mapping[str, str] | None = None,
) -> tuple[Event, ...]:
    """The key events of a corpus: at most `top_dates` days between `start` and `end`,
    each told by its `sentences_per_date` best sentences, in date order (`sources` as
    for `coverage`)."""
    found = coverage(results, start=start, end=end, sources=sources)
    return key_events(found, top_dates, sentences_per_date)


def _entities(mentions: Sequence[EventMention]) -> tuple[Entity, ...]:
    seen: dict[Entity, None] = {}
    for m in mentions:
        for e in m.entities:
            seen.setdefault(e, None)
    return tuple(seen)
