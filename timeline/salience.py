"""Key events: which days matter, and which sentences tell each day best.

A day matters when many independent sources date something to it. A reference made
after the day counts fully (a later article looking back is evidence the day mattered),
so does a source published on the day (news is written on the days things happen); a
reference on the day itself adds a little more. Wire copies count once. The weights were
chosen on the Timeline17 development topics (`timeline.evaluate.tls`), where they beat
publication volume alone; finer tuning there did not generalise across topics.

Within a day, the best sentences are the most central ones (highest TF-IDF similarity
to the day's other sentences, LexRank-style), taken greedily without near-repeats.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from timeline.merge import event_id, features, mention_key, source_groups, tfidf_vectors
from timeline.model import Article, DateValue, Entity, Event, EventMention, Granularity

LATER_WEIGHT = 1.0
"""Weight of a source that dates something to the day in a later article."""
SAME_DAY_WEIGHT = 0.25
"""Weight of a source that reports something of the day on the day."""
PUBLISHED_WEIGHT = 1.0
"""Weight of a source published on the day."""
REDUNDANT = 0.5
"""Cosine above which a sentence repeats one already chosen for the day."""


@dataclass(frozen=True, slots=True, kw_only=True)
class DateRank:
    """Why a day ranks where it does: the sources behind its score."""

    date: str
    score: float
    later: int  # sources dating something to the day in an article published after it
    same_day: int  # sources dating something to the day on the day itself
    published: int  # sources published on the day


def rank_dates(
    events: Iterable[Event],
    articles: Mapping[str, Article],
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> tuple[DateRank, ...]:
    """Days between `start` and `end` (inclusive), best first; ties go to the earlier day."""
    sources = source_groups(articles)
    later: dict[dt.date, set[str]] = defaultdict(set)
    same: dict[dt.date, set[str]] = defaultdict(set)
    for event in events:
        day = _day(event.date)
        if day is None or not _within(day, start, end):
            continue
        for m in event.mentions:
            art = articles.get(m.article)
            source = sources.get(m.article, m.article)
            published = art.published.date if art else None
            if published is not None and published > day:
                later[day].add(source)
            else:
                same[day].add(source)
    printed: dict[dt.date, set[str]] = defaultdict(set)
    for aid, art in articles.items():
        if art.published.date is not None and _within(art.published.date, start, end):
            printed[art.published.date].add(sources.get(aid, aid))
    ranks = [
        DateRank(
            date=day.isoformat(),
            score=LATER_WEIGHT * len(later[day])
            + SAME_DAY_WEIGHT * len(same[day])
            + PUBLISHED_WEIGHT * len(printed[day]),
            later=len(later[day]),
            same_day=len(same[day]),
            published=len(printed[day]),
        )
        for day in sorted(set(later) | set(same) | set(printed))
    ]
    return tuple(sorted(ranks, key=lambda r: (-r.score, r.date)))


def select_key_events(
    events: Sequence[Event],
    articles: Mapping[str, Article],
    top_dates: int,
    sentences_per_date: int,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> tuple[Event, ...]:
    """At most `top_dates` day-level events, each with its `sentences_per_date` best
    sentences as mentions, in date order.

    Days with no dated sentence (chosen for publication volume alone) are skipped.
    """
    by_day: dict[str, list[EventMention]] = defaultdict(list)
    for event in events:
        day = _day(event.date)
        if day is not None and _within(day, start, end):
            by_day[event.date].extend(event.mentions)
    chosen: list[Event] = []
    for rank in rank_dates(events, articles, start=start, end=end):
        if len(chosen) >= top_dates:
            break
        pool = by_day.get(rank.date)
        if not pool:
            continue
        best = central_sentences(pool, sentences_per_date)
        chosen.append(
            Event(
                id=event_id(rank.date, best),
                date=rank.date,
                headline=best[0].headline,
                mentions=best,
                entities=_entities(best),
            )
        )
    return tuple(sorted(chosen, key=lambda e: e.date))


def central_sentences(mentions: Sequence[EventMention], count: int) -> tuple[EventMention, ...]:
    """The `count` most central mentions, one per sentence, skipping near-repeats."""
    unique = {(m.article, m.start): m for m in sorted(mentions, key=mention_key)}
    pool = list(unique.values())
    vectors = tfidf_vectors([features(m) for m in pool])
    centrality = [
        sum(sum(w * other.get(f, 0.0) for f, w in vec.items()) for other in vectors)
        for vec in vectors
    ]
    order = sorted(range(len(pool)), key=lambda i: (-centrality[i], mention_key(pool[i])))
    picked: list[int] = []
    for i in order:
        if len(picked) >= count:
            break
        if all(_dot(vectors[i], vectors[j]) < REDUNDANT for j in picked):
            picked.append(i)
    return tuple(pool[i] for i in picked)


def _dot(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    return sum(w * b.get(f, 0.0) for f, w in a.items())


def _day(value: str) -> dt.date | None:
    parsed = DateValue.parse(value)
    if parsed is None or parsed.granularity is not Granularity.DAY:
        return None
    return parsed.first


def _within(day: dt.date, start: dt.date | None, end: dt.date | None) -> bool:
    return (start is None or day >= start) and (end is None or day <= end)


def _entities(mentions: Sequence[EventMention]) -> tuple[Entity, ...]:
    seen: dict[Entity, None] = {}
    for m in mentions:
        for e in m.entities:
            seen.setdefault(e, None)
    return tuple(seen)
